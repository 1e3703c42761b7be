#include "credit/trainer.h"

#include <algorithm>
#include <cmath>

#include "core/assert.h"
#include "core/random.h"

namespace tranche::credit {

namespace {

// The search space: deliberately small, so training stays well under a minute on two
// cores; learning rate and rounds are settled by early stopping instead.
constexpr Candidate kCandidates[] = {{3, 1}, {3, 10}, {4, 1}, {4, 10}, {4, 30}};
constexpr double kLearningRate = 0.1;

BoosterParams ParamsFor(const Candidate& c, const TrainOptions& o, const FeatureSpec& spec) {
  BoosterParams p = {{"objective", "binary:logistic"}, {"eval_metric", "logloss"},
                     {"tree_method", "hist"},           {"eta", std::to_string(kLearningRate)},
                     {"max_depth", std::to_string(c.max_depth)},
                     {"min_child_weight", std::to_string(c.min_child_weight)},
                     {"subsample", "0.8"},              {"colsample_bytree", "0.8"},
                     {"lambda", "1"},                   {"seed", std::to_string(o.seed % 1'000'000'007)},
                     {"nthread", std::to_string(o.threads)}, {"verbosity", "0"}};
  if (!o.monotone.empty()) {
    std::string m = "(";
    for (std::size_t i = 0; i < spec.columns.size(); ++i) {
      const auto it = o.monotone.find(spec.columns[i].name);
      m += (i ? "," : "") + std::to_string(it == o.monotone.end() ? 0 : it->second);
    }
    p.emplace_back("monotone_constraints", m + ")");
  }
  return p;
}

// Rows of `m` where `keep(row)`, as a new matrix.
Result<DMatrix> Subset(const Matrix& m, const std::vector<int>& folds, int fold, bool in_fold,
                       std::vector<std::size_t>* rows_out) {
  std::vector<float> values, labels;
  for (std::size_t r = 0; r < m.rows; ++r) {
    if ((folds[r] == fold) != in_fold) continue;
    values.insert(values.end(), m.values.begin() + static_cast<std::ptrdiff_t>(r * m.cols),
                  m.values.begin() + static_cast<std::ptrdiff_t>((r + 1) * m.cols));
    labels.push_back(m.labels[r]);
    if (rows_out) rows_out->push_back(r);
  }
  return DMatrix::FromDense(values, labels.size(), m.cols, labels);
}

double Sigmoid(double x) { return 1 / (1 + std::exp(-x)); }

}  // namespace

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

Quality Measure(const std::vector<double>& pd, const std::vector<float>& labels) {
  Quality q;
  q.auc = Auc(pd, labels);
  q.ks = Ks(pd, labels);
  q.gini = 2 * q.auc - 1;
  q.brier = Brier(pd, labels);
  q.calibration = CalibrationTable(pd, labels);
  return q;
}

Result<TrainedModel> Train(const Table& data, const TrainOptions& o, const Progress& progress) {
  if (o.folds < 2 || o.folds > 20) return Status::InvalidArgument("invalid_folds", "folds must be 2-20");
  for (const auto& [col, sign] : o.monotone) {
    if (sign != 1 && sign != -1) return Status::InvalidArgument("invalid_monotone", col + ": use +1 or -1");
  }
  TRANCHE_ASSIGN_OR_RETURN(FeatureSpec spec, InferSpec(data, o.label, o.exclude));
  for (const auto& [col, sign] : o.monotone) {
    const int i = spec.IndexOf(col);
    if (i < 0) return Status::InvalidArgument("invalid_monotone", "no feature column '" + col + "'");
    if (spec.columns[static_cast<std::size_t>(i)].kind != ColumnKind::kNumeric) {
      return Status::InvalidArgument("invalid_monotone", col + " is categorical; only numeric columns can be monotone");
    }
  }
  TRANCHE_ASSIGN_OR_RETURN(Matrix m, Encode(spec, data, true));
  const std::vector<int> folds = AssignFolds(m.labels, o.folds, o.seed);
  const int total_fits = static_cast<int>(std::size(kCandidates)) * o.folds;
  int fits = 0;

  // Cross-validate each candidate; keep the out-of-fold margins of the best.
  std::vector<CandidateResult> search;
  std::vector<double> best_oof;
  for (const Candidate& c : kCandidates) {
    const BoosterParams params = ParamsFor(c, o, spec);
    std::vector<double> oof(m.rows);
    int rounds_sum = 0;
    for (int f = 0; f < o.folds; ++f) {
      std::vector<std::size_t> held_out;
      TRANCHE_ASSIGN_OR_RETURN(DMatrix train, Subset(m, folds, f, false, nullptr));
      TRANCHE_ASSIGN_OR_RETURN(DMatrix valid, Subset(m, folds, f, true, &held_out));
      TRANCHE_ASSIGN_OR_RETURN(auto fitted, Booster::Train(train, params, o.max_rounds, &valid, o.patience));
      TRANCHE_ASSIGN_OR_RETURN(auto margins, fitted.first.PredictMargins(valid));
      for (std::size_t k = 0; k < held_out.size(); ++k) oof[held_out[k]] = margins[k];
      rounds_sum += fitted.second.rounds;
      if (progress) progress(++fits, total_fits);
    }
    std::vector<double> p(oof.size());
    std::transform(oof.begin(), oof.end(), p.begin(), Sigmoid);
    CandidateResult r{c, Auc(oof, m.labels), LogLoss(p, m.labels), std::max(1, rounds_sum / o.folds)};
    if (search.empty() || r.cv_logloss < std::min_element(search.begin(), search.end(), [](auto& a, auto& b) {
                                           return a.cv_logloss < b.cv_logloss;
                                         })->cv_logloss) {
      best_oof = oof;
    }
    search.push_back(r);
  }
  const CandidateResult best = *std::min_element(search.begin(), search.end(),
                                                 [](auto& a, auto& b) { return a.cv_logloss < b.cv_logloss; });
  const Platt platt = FitPlatt(best_oof, m.labels);
  std::vector<double> calibrated(best_oof.size());
  std::transform(best_oof.begin(), best_oof.end(), calibrated.begin(), [&](double x) { return platt.Apply(x); });

  // The final model: all rows, the chosen parameters, the cross-validated round count.
  const BoosterParams params = ParamsFor(best.params, o, spec);
  TRANCHE_ASSIGN_OR_RETURN(DMatrix all, DMatrix::FromDense(m.values, m.rows, m.cols, m.labels));
  TRANCHE_ASSIGN_OR_RETURN(auto final_fit, Booster::Train(all, params, best.rounds, nullptr, 1));
  const double positives = static_cast<double>(std::count(m.labels.begin(), m.labels.end(), 1.0F));
  std::vector<Bins> feature_baselines;
  for (std::size_t c = 0; c < m.cols; ++c) {
    std::vector<double> column(m.rows);
    for (std::size_t r = 0; r < m.rows; ++r) column[r] = m.values[r * m.cols + c];
    feature_baselines.push_back(QuantileBins(column));
  }
  return TrainedModel{std::move(spec),    std::move(final_fit.first),
                      platt,              params,
                      best.rounds,        std::move(search),
                      Measure(calibrated, m.labels), m.rows,
                      positives / static_cast<double>(m.rows), QuantileBins(calibrated),
                      std::move(feature_baselines)};
}

}  // namespace tranche::credit
