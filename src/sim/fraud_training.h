// A fraud model trained on a simulated business's own screenings: the demo's model, so
// that it scores BNPL baskets, devices and identities rather than the card transactions
// of fraud::SimulateCards. The run's decisions are labelled as the platform learned of
// its frauds (rejected reviews, unauthorized disputes, accepted chargebacks), never from
// the simulator's ground truth: exactly what `tranche train fraud --from-decisions`
// reads from a real book.
#pragma once

#include "core/status.h"
#include "fraud/decision_training.h"
#include "fraud/model_trainer.h"
#include "fraud/stream_training.h"
#include "sim/config.h"

namespace tranche::sim {

struct SimulatedFraudModel {
  fraud::StreamModel trained;
  fraud::DecisionTrainingCounts counts;  // the run's screenings as training read them
};

// Runs `c` on a fresh in-memory store (no files, no assistant: contacts go to people),
// then trains on every screening of the run, labelled as of the midnight after its last
// day with fraud::kDefaultTrainingLabelDelayDays. Deterministic: the same configuration
// and options give the same model. Refused as the run or the training refuses
// (too_few_rows when the run's platform learned of fewer than
// fraud::kMinTrainingRowsPerClass frauds).
Result<SimulatedFraudModel> TrainFraudOnSimulation(const SimConfig& c, const fraud::FraudTrainOptions& options);

}  // namespace tranche::sim
