#include "fraud/model_trainer.h"

#include <algorithm>
#include <cmath>

#include "core/assert.h"
#include "ml/cross_validation.h"

namespace tranche::fraud {

namespace {

// Shallow to deep; learning rate and rounds are settled by early stopping.
constexpr FraudCandidate kCandidates[] = {{3, 1}, {4, 1}, {6, 1}, {6, 10}, {8, 5}};
constexpr double kLearningRate = 0.1;
// The trees each feature-selection trial trains: the search's depth-4 candidate (the
// search runs after the choice, on the columns kept).
constexpr FraudCandidate kSelectionTrees = {4, 1};

ml::BoosterParams ParamsFor(const FraudCandidate& c, const FraudTrainOptions& o) {
  return ml::LogisticParams({c.max_depth, c.min_child_weight, kLearningRate, o.seed, o.threads, {}, "exact"});
}

// Leaves out, of `t.columns`, the families the elimination drops. Precondition: `m` is
// the rows restricted to t.columns.
Status SelectFamilies(const ml::Matrix& m, const Catalogue& catalogue, const FraudTrainOptions& o, TrainedFraud& t) {
  std::vector<std::string> families;
  std::vector<int> family_of_column;
  for (std::size_t c : t.columns) {
    const std::string family = FeatureFamily(catalogue.at(c).name);
    const auto it = std::find(families.begin(), families.end(), family);
    family_of_column.push_back(static_cast<int>(it - families.begin()));
    if (it == families.end()) families.push_back(family);
  }
  ml::GroupSelectionOptions so;
  so.params = ParamsFor(kSelectionTrees, o);
  so.max_rounds = o.max_rounds;
  so.patience = o.patience;
  TRANCHE_ASSIGN_OR_RETURN(ml::GroupSelection selection, ml::SelectGroupsBackward(m, family_of_column, so));
  std::vector<std::size_t> kept;
  for (std::size_t k = 0; k < t.columns.size(); ++k) {
    const int family = family_of_column[k];
    if (std::find(selection.dropped.begin(), selection.dropped.end(), family) == selection.dropped.end()) {
      kept.push_back(t.columns[k]);
    }
  }
  for (int family : selection.dropped) t.dropped_families.push_back(families[static_cast<std::size_t>(family)]);
  TRANCHE_ASSERT(!kept.empty());
  t.columns = std::move(kept);
  t.selection = std::move(selection);
  return Status::Ok();
}

}  // namespace

std::string FeatureFamily(std::string_view name) {
  for (std::string_view window : {"_1h", "_24h", "_1d", "_7d", "_14d", "_30d"}) {
    if (name.size() > window.size() && name.ends_with(window)) return std::string(name.substr(0, name.size() - window.size()));
  }
  return std::string(name);
}

Result<TrainedFraud> TrainFraud(const ml::Matrix& rows, const Catalogue& catalogue, const FraudTrainOptions& o) {
  TRANCHE_ASSERT(rows.cols == catalogue.size());
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
  if (o.select_features) TRANCHE_RETURN_IF_ERROR(SelectFamilies(ml::SelectColumns(rows, t.columns), catalogue, o, t));
  const ml::Matrix m = ml::SelectColumns(rows, t.columns);
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
