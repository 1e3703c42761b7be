#include "ml/cross_validation.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "core/assert.h"
#include "core/random.h"
#include "ml/metrics.h"

namespace tranche::ml {

std::vector<int> AssignFolds(const std::vector<float>& labels, int folds, std::uint64_t seed) {
  TRANCHE_ASSERT(folds >= 2);
  SeededRandom random(seed);
  std::vector<int> out(labels.size());
  for (float cls : {0.0F, 1.0F}) {
    std::vector<std::size_t> idx;
    for (std::size_t i = 0; i < labels.size(); ++i) {
      if (labels[i] == cls) idx.push_back(i);
    }
    for (std::size_t i = idx.size(); i > 1; --i) std::swap(idx[i - 1], idx[random.Uniform(i)]);  // Fisher-Yates
    for (std::size_t k = 0; k < idx.size(); ++k) out[idx[k]] = static_cast<int>(k % static_cast<std::size_t>(folds));
  }
  return out;
}

std::vector<std::size_t> RowsWhere(const std::vector<int>& folds, int fold, bool in_fold) {
  std::vector<std::size_t> rows;
  for (std::size_t r = 0; r < folds.size(); ++r) {
    if ((folds[r] == fold) == in_fold) rows.push_back(r);
  }
  return rows;
}

Matrix Gather(const Matrix& m, const std::vector<std::size_t>& rows) {
  Matrix out{rows.size(), m.cols, {}, {}, {}};
  out.values.reserve(rows.size() * m.cols);
  for (std::size_t r : rows) {
    TRANCHE_ASSERT(r < m.rows);
    out.values.insert(out.values.end(), m.values.begin() + static_cast<std::ptrdiff_t>(r * m.cols),
                      m.values.begin() + static_cast<std::ptrdiff_t>((r + 1) * m.cols));
    if (!m.labels.empty()) out.labels.push_back(m.labels[r]);
  }
  return out;
}

Matrix SelectColumns(const Matrix& m, const std::vector<std::size_t>& columns) {
  Matrix out{m.rows, columns.size(), {}, m.labels, m.ids};
  out.values.reserve(m.rows * columns.size());
  for (std::size_t r = 0; r < m.rows; ++r) {
    for (std::size_t c : columns) {
      TRANCHE_ASSERT(c < m.cols);
      out.values.push_back(m.row(r)[c]);
    }
  }
  return out;
}

Result<DMatrix> ToDMatrix(const Matrix& m) { return DMatrix::FromDense(m.values, m.rows, m.cols, m.labels); }

BoosterParams LogisticParams(const TreeParams& t) {
  BoosterParams p = {{"objective", "binary:logistic"}, {"eval_metric", "logloss"},
                     {"tree_method", t.tree_method},           {"eta", std::to_string(t.eta)},
                     {"max_depth", std::to_string(t.max_depth)},
                     {"min_child_weight", std::to_string(t.min_child_weight)},
                     {"subsample", "0.8"},              {"colsample_bytree", "0.8"},
                     {"lambda", "1"},                   {"seed", std::to_string(t.seed % 1'000'000'007)},
                     {"nthread", std::to_string(t.threads)}, {"verbosity", "0"}};
  if (std::any_of(t.monotone.begin(), t.monotone.end(), [](int s) { return s != 0; })) {
    std::string m = "(";
    for (std::size_t i = 0; i < t.monotone.size(); ++i) m += (i ? "," : "") + std::to_string(t.monotone[i]);
    p.emplace_back("monotone_constraints", m + ")");
  }
  return p;
}

Result<CrossValidated> CrossValidate(const Matrix& m, const std::vector<int>& folds, int fold_count,
                                     const BoosterParams& params, int max_rounds, int patience,
                                     const std::function<void()>& tick) {
  TRANCHE_ASSERT(folds.size() == m.rows && m.labels.size() == m.rows);
  CrossValidated cv;
  cv.oof_margins.assign(m.rows, 0);
  int rounds_sum = 0;
  for (int f = 0; f < fold_count; ++f) {
    const std::vector<std::size_t> held_out = RowsWhere(folds, f, true);
    TRANCHE_ASSIGN_OR_RETURN(DMatrix train, ToDMatrix(Gather(m, RowsWhere(folds, f, false))));
    TRANCHE_ASSIGN_OR_RETURN(DMatrix valid, ToDMatrix(Gather(m, held_out)));
    TRANCHE_ASSIGN_OR_RETURN(auto fitted, Booster::Train(train, params, max_rounds, &valid, patience));
    TRANCHE_ASSIGN_OR_RETURN(auto margins, fitted.first.PredictMargins(valid));
    for (std::size_t k = 0; k < held_out.size(); ++k) cv.oof_margins[held_out[k]] = margins[k];
    rounds_sum += fitted.second.rounds;
    if (tick) tick();
  }
  std::vector<double> p(m.rows);
  std::transform(cv.oof_margins.begin(), cv.oof_margins.end(), p.begin(),
                 [](double x) { return 1 / (1 + std::exp(-x)); });
  cv.auc = Auc(cv.oof_margins, m.labels);
  cv.logloss = LogLoss(p, m.labels);
  cv.rounds = std::max(1, rounds_sum / fold_count);
  return cv;
}

}  // namespace tranche::ml
