// Training fraud's model on labelled feature rows (the engine's catalogue order):
//   1. the columns that are missing on every row are dropped (a card stream fills only
//      the card, merchant and event features);
//   2. a small hyper-parameter search for the boosted trees (exact split finding: an
//      amount limit sits in a thin tail that histogram bins would blur), each scored by
//      the average precision of its out-of-fold margins (stratified k-fold, early
//      stopping on each held-out fold) — only the training rows are ever looked at;
//   3. Platt calibration on the winner's out-of-fold margins, whose calibrated
//      probabilities give the held-out curves (ROC, calibration) and, as scores, the
//      baseline that monitoring measures drift against;
//   4. the final trees on all rows with the winner's parameters and mean round count.
// Seeded: the same rows and options give the same model.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"
#include "ml/booster.h"
#include "ml/matrix.h"
#include "ml/metrics.h"

namespace tranche::fraud {

struct FraudTrainOptions {
  std::uint64_t seed = 20261201;
  int folds = 3;
  int max_rounds = 400;
  int patience = 30;
  int threads = 2;
};

struct FraudCandidate {
  int max_depth = 4;
  double min_child_weight = 1;
};

struct FraudCandidateResult {
  FraudCandidate params;
  double cv_auc = 0;
  double cv_average_precision = 0;
  int rounds = 0;
};

struct TrainedFraud {
  std::vector<std::size_t> columns;  // catalogue indices the trees read, in model order
  ml::Booster booster;
  ml::BoosterParams params;
  int rounds = 0;
  ml::Platt platt;
  std::vector<FraudCandidateResult> search;
  double cv_auc = 0;                // of the winner, out-of-fold (optimistic: the search chose on it)
  double cv_average_precision = 0;
  // The winner's out-of-fold probabilities (calibrated), in row order, and their curves.
  std::vector<double> oof_probability;
  ml::Curves held_out;
  std::size_t rows = 0;
  std::size_t frauds = 0;
};

// `rows`: values in catalogue order with 0/1 labels. Refused: fewer than `folds` rows of
// either class, or no column with any value.
Result<TrainedFraud> TrainFraud(const ml::Matrix& rows, const FraudTrainOptions& options);

// The rows restricted to `columns`, in that order.
ml::Matrix SelectColumns(const ml::Matrix& rows, const std::vector<std::size_t>& columns);

}  // namespace tranche::fraud
