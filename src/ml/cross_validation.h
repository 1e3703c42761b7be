// Cross-validated fitting of boosted trees, shared by the credit and fraud trainers:
// seeded stratified folds, row subsets, the logistic booster's parameters, and one
// candidate's out-of-fold margins with early stopping on each held-out fold.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/status.h"
#include "ml/booster.h"
#include "ml/matrix.h"

namespace tranche::ml {

// Stratified fold of each row (0..folds-1), seeded. Precondition (asserted): folds >= 2.
std::vector<int> AssignFolds(const std::vector<float>& labels, int folds, std::uint64_t seed);

// The rows whose fold is (in_fold) or is not (!in_fold) `fold`.
std::vector<std::size_t> RowsWhere(const std::vector<int>& folds, int fold, bool in_fold);

// The rows of `m` listed in `rows` (with their labels), as a matrix of their own.
Matrix Gather(const Matrix& m, const std::vector<std::size_t>& rows);

// The matrix with only `columns`, in that order (labels and ids kept).
Matrix SelectColumns(const Matrix& m, const std::vector<std::size_t>& columns);

Result<DMatrix> ToDMatrix(const Matrix& m);

// A binary:logistic gbtree. `monotone` is empty or one sign (-1, 0, +1) per column.
// The histogram method buckets each feature into quantiles; "exact" splits anywhere,
// which matters for thresholds in a sparse tail (an amount just over a limit).
struct TreeParams {
  int max_depth = 4;
  double min_child_weight = 1;
  double eta = 0.1;
  std::uint64_t seed = 0;
  int threads = 2;
  std::vector<int> monotone;
  std::string tree_method = "hist";
};
BoosterParams LogisticParams(const TreeParams& t);

struct CrossValidated {
  std::vector<double> oof_margins;  // every row's margin from the model that did not see it
  double auc = 0;
  double logloss = 0;
  int rounds = 0;  // mean early-stopped round count over the folds, at least 1
};

// Trains one model per fold on the other folds, stopping early on the held-out fold
// after `patience` rounds without improvement. `tick` (optional) is told each fit.
Result<CrossValidated> CrossValidate(const Matrix& m, const std::vector<int>& folds, int fold_count,
                                     const BoosterParams& params, int max_rounds, int patience,
                                     const std::function<void()>& tick = {});

}  // namespace tranche::ml
