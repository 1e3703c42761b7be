#include "sim/actions.h"
#include "sim/bust_out_actor.h"
#include "sim/consumer_actor.h"
#include "sim/ring_actor.h"
#include "sim/theft_actor.h"

namespace tranche::sim {

std::vector<std::unique_ptr<Actor>> MarketActors() {
  std::vector<std::unique_ptr<Actor>> actors;
  actors.push_back(std::make_unique<ConsumerActor>());
  actors.push_back(std::make_unique<TheftActor>());
  actors.push_back(std::make_unique<RingActor>());  // synthetic rings and merchant collusion
  actors.push_back(std::make_unique<BustOutActor>());
  return actors;
}

}  // namespace tranche::sim
