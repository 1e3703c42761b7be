// Choosing a model's inputs on its own training rows (pure apart from XGBoost, which is
// deterministic for a seed): backward elimination of column groups on an out-of-time
// split. A feature that helped in the past may mislead later — a merchant's count of
// sales since its latest fraud mostly measures its volume on a busy book — and only
// rows later than the ones a model learns from show it, so:
//   1. the rows (in time order) are split: the first part trains, the latest
//      `holdout_share` validates (early stopping, then average precision on it);
//   2. the groups the all-column model leans on (mean |TreeSHAP| on the validation
//      rows) are the candidates, at most `max_candidates` of them, strongest first;
//   3. each round tries leaving out each remaining candidate and drops the one whose
//      absence raises the validation average precision most, if by at least `min_gain`
//      and without lowering AUC by more than `max_auc_loss`; at most `max_dropped`
//      rounds.
// Only the training rows are ever looked at, so an evaluation on a later window stays
// out of sample. The validation part is small when frauds are rare, so the gain asked
// for is large; with fewer than kMinSelectionRowsPerClass rows of either class in either
// part nothing is dropped and the result says why.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/status.h"
#include "ml/booster.h"
#include "ml/matrix.h"

namespace tranche::ml {

inline constexpr std::size_t kMinSelectionRowsPerClass = 5;
inline constexpr std::size_t kMaxSelectionCandidates = 64;
inline constexpr int kMaxSelectionDropped = 8;

struct GroupSelectionOptions {
  BoosterParams params;  // the trees each trial trains
  int max_rounds = 400;
  int patience = 30;
  double holdout_share = 0.3;  // (0, 1): the latest rows, which validate
  double min_gain = 0.02;      // average precision a drop must add
  double max_auc_loss = 0.01;  // AUC a drop may cost
  std::size_t max_candidates = 24;
  int max_dropped = 3;
};

struct GroupTrial {
  int group = 0;
  double average_precision = 0;
  double auc = 0;
};

struct GroupSelection {
  std::vector<int> dropped;         // groups left out, in the order they were dropped
  std::string skipped;              // why nothing was tried; empty when trials ran
  double base_average_precision = 0;  // on the validation rows, every column in
  double base_auc = 0;
  double chosen_average_precision = 0;  // with `dropped` left out
  double chosen_auc = 0;
  std::vector<GroupTrial> trials;   // every trial, in the order run
  std::size_t training_rows = 0, validation_rows = 0, validation_positives = 0;
};

// `rows`: labelled, in time order (oldest first). `group_of_column`: one group number
// (>= 0) per column; a column whose values are all missing may be in any group.
// Preconditions (asserted): labels and groups sized to the matrix; options in range.
Result<GroupSelection> SelectGroupsBackward(const Matrix& rows, const std::vector<int>& group_of_column,
                                            const GroupSelectionOptions& options);

}  // namespace tranche::ml
