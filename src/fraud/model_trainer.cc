#include "fraud/model_trainer.h"

#include <algorithm>
#include <cmath>

#include "ml/cross_validation.h"

namespace tranche::fraud {

namespace {

// Shallow to deep; learning rate and rounds are settled by early stopping.
constexpr FraudCandidate kCandidates[] = {{3, 1}, {4, 1}, {6, 1}, {6, 10}, {8, 5}};
constexpr double kLearningRate = 0.1;

ml::BoosterParams ParamsFor(const FraudCandidate& c, const FraudTrainOptions& o) {
  return ml::LogisticParams({c.max_depth, c.min_child_weight, kLearningRate, o.seed, o.threads, {}, "exact"});
}

}  // namespace

ml::Matrix SelectColumns(const ml::Matrix& rows, const std::vector<std::size_t>& columns) {
  ml::Matrix out{rows.rows, columns.size(), {}, rows.labels, rows.ids};
  out.values.reserve(rows.rows * columns.size());
  for (std::size_t r = 0; r < rows.rows; ++r) {
    for (std::size_t c : columns) out.values.push_back(rows.row(r)[c]);
  }
  return out;
}

Result<TrainedFraud> TrainFraud(const ml::Matrix& rows, const FraudTrainOptions& o) {
  if (o.folds < 2 || o.folds > 10) return Status::InvalidArgument("invalid_folds", "folds must be 2-10");
  const auto frauds = static_cast<std::size_t>(std::count(rows.labels.begin(), rows.labels.end(), 1.0F));
  if (std::min(frauds, rows.rows - frauds) < static_cast<std::size_t>(o.folds)) {
    return Status::InvalidArgument("too_few_rows", "each class needs at least " + std::to_string(o.folds) + " rows");
  }
  TrainedFraud t;
  t.rows = rows.rows;
  t.frauds = frauds;
  for (std::size_t c = 0; c < rows.cols; ++c) {
    for (std::size_t r = 0; r < rows.rows; ++r) {
      if (!std::isnan(rows.row(r)[c])) {
        t.columns.push_back(c);
        break;
      }
    }
  }
  if (t.columns.empty()) return Status::InvalidArgument("no_features", "every feature is missing on every row");
  const ml::Matrix m = SelectColumns(rows, t.columns);
  const std::vector<int> folds = ml::AssignFolds(m.labels, o.folds, o.seed);
  std::vector<double> best_oof;
  for (const FraudCandidate& c : kCandidates) {
    TRANCHE_ASSIGN_OR_RETURN(ml::CrossValidated cv,
                             ml::CrossValidate(m, folds, o.folds, ParamsFor(c, o), o.max_rounds, o.patience));
    const FraudCandidateResult r{c, cv.auc, ml::AveragePrecision(cv.oof_margins, m.labels), cv.rounds};
    if (t.search.empty() || r.cv_average_precision > t.cv_average_precision) {
      t.cv_average_precision = r.cv_average_precision;
      t.cv_auc = r.cv_auc;
      t.rounds = r.rounds;
      t.params = ParamsFor(c, o);
      best_oof = std::move(cv.oof_margins);
    }
    t.search.push_back(r);
  }
  t.platt = ml::FitPlatt(best_oof, m.labels);
  for (double margin : best_oof) t.oof_probability.push_back(t.platt.Apply(margin));
  t.held_out = ml::MeasureCurves(t.oof_probability, m.labels);
  TRANCHE_ASSIGN_OR_RETURN(ml::DMatrix all, ml::ToDMatrix(m));
  TRANCHE_ASSIGN_OR_RETURN(auto fit, ml::Booster::Train(all, t.params, t.rounds, nullptr, 1));
  t.booster = std::move(fit.first);
  return t;
}

}  // namespace tranche::fraud
