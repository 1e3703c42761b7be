#include "sim/actions.h"
#include "sim/consumer_actor.h"

namespace tranche::sim {

std::vector<std::unique_ptr<Actor>> MarketActors() {
  std::vector<std::unique_ptr<Actor>> actors;
  actors.push_back(std::make_unique<ConsumerActor>());
  // Fraudsters (issue 12) and support conversations (the assistant) join here.
  return actors;
}

}  // namespace tranche::sim
