// A small fraud model for integration tests: trained on a simulated card stream (200
// cards, 400 terminals, 35 days; the last 14 days whose labels are known) in seconds,
// where the demo's own model takes minutes under the sanitizers. Test code only.
#pragma once

#include <cstdint>

#include "fraud/cards_sim.h"
#include "fraud/stream_training.h"

namespace tranche::testing {

// Seeded: the same seed and rounds give the same model.
inline Result<fraud::StreamModel> TrainSmallFraudModel(std::uint64_t seed, int max_rounds) {
  fraud::CardSimOptions sim;
  sim.customers = 200;
  sim.terminals = 400;
  sim.days = 35;
  sim.seed = seed;
  const std::vector<fraud::StreamTransaction> stream = fraud::StreamOf(fraud::SimulateCards(sim));
  fraud::StreamTraining window = fraud::LatestWindow(stream, 14, 7 * 86'400);
  window.train.max_rounds = max_rounds;
  return fraud::TrainOnStream(stream, window);
}

}  // namespace tranche::testing
