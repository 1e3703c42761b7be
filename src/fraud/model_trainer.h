// Training fraud's model on labelled feature rows (the engine's catalogue order):
//   1. the columns that are missing on every row are dropped (a card stream fills only
//      the card, merchant and event features); with `select_features`, feature families
//      (FeatureFamily) are then left out by backward elimination on an out-of-time split
//      of the rows (ml/group_selection.h), which must be in time order;
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
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "fraud/feature_values.h"
#include "ml/booster.h"
#include "ml/group_selection.h"
#include "ml/matrix.h"
#include "ml/metrics.h"

namespace tranche::fraud {

struct FraudTrainOptions {
  std::uint64_t seed = 20261201;
  int folds = 3;
  int max_rounds = 400;
  int patience = 30;
  int threads = 2;
  bool select_features = false;
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
  // With select_features: what the elimination tried and the families it left out.
  std::optional<ml::GroupSelection> selection;
  std::vector<std::string> dropped_families;
};

// A feature's family: its catalogue name without a trailing window (`_1h`, `_24h`,
// `_1d`, `_7d`, `_14d`, `_30d`), so that a count over four windows is chosen or left
// out as one: "consumer_count_24h" and "consumer_count_7d" are "consumer_count".
std::string FeatureFamily(std::string_view name);

// `rows`: values in `catalogue` order with 0/1 labels (in time order for
// select_features). Refused: fewer than `folds` rows of either class, or no column with
// any value.
Result<TrainedFraud> TrainFraud(const ml::Matrix& rows, const Catalogue& catalogue, const FraudTrainOptions& options);

}  // namespace tranche::fraud
