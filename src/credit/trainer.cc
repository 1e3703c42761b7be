#include "credit/trainer.h"

#include <algorithm>
#include <cmath>

#include "core/assert.h"

namespace tranche::credit {

using ml::AssignFolds;
using ml::Gather;
using ml::RowsWhere;
using ml::ToDMatrix;

namespace {

// The search space: deliberately small, so training stays well under a minute on two
// cores; learning rate and rounds are settled by early stopping instead.
constexpr Candidate kCandidates[] = {{3, 1}, {3, 10}, {4, 1}, {4, 10}, {4, 30}};
constexpr double kLearningRate = 0.1;
// Blend weights of the scorecard tried on the out-of-fold margins. The trees always
// keep a share; on small data the scorecard may carry most of the weight (the trees'
// out-of-fold margins are those of the search's winner, so slightly flattered).
constexpr double kBlendWeights[] = {0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9};
// Outer folds are drawn with another seed than the inner ones.
constexpr std::uint64_t kOuterSeedSalt = 0x9e3779b97f4a7c15ULL;

// The monotone direction of each model input: the option where it names the input,
// else a derived feature's known direction, else none.
std::vector<int> MonotoneSigns(const TrainOptions& o, const FeatureSpec& spec) {
  std::vector<int> signs;
  for (std::size_t i = 0; i < spec.width(); ++i) {
    const auto it = o.monotone.find(spec.FeatureName(i));
    const int known = i < spec.columns.size() ? 0 : spec.derived[i - spec.columns.size()].monotone;
    signs.push_back(it != o.monotone.end() ? it->second : known);
  }
  return signs;
}

ml::BoosterParams ParamsFor(const Candidate& c, const TrainOptions& o, const FeatureSpec& spec) {
  return ml::LogisticParams({c.max_depth, c.min_child_weight, kLearningRate, o.seed, o.threads, MonotoneSigns(o, spec)});
}

// The first `cols` columns of every row (the raw ones, without derived features).
Matrix FirstColumns(const Matrix& m, std::size_t cols) {
  Matrix out{m.rows, cols, {}, m.labels, {}};
  out.values.reserve(m.rows * cols);
  for (std::size_t r = 0; r < m.rows; ++r) {
    const auto row = m.values.begin() + static_cast<std::ptrdiff_t>(r * m.cols);
    out.values.insert(out.values.end(), row, row + static_cast<std::ptrdiff_t>(cols));
  }
  return out;
}

double Blend(double trees, double card, double weight) { return (1 - weight) * trees + weight * card; }

// One run of the whole procedure (trainer.h, steps 2-5) on the rows of a matrix.
struct Fitted {
  ml::Booster booster;
  ml::BoosterParams params;
  int rounds = 0;
  std::vector<CandidateResult> search;
  std::optional<Scorecard> scorecard;
  double blend = 0;
  double scorecard_cv_auc = 0;
  ml::Platt platt;
  std::vector<double> oof_pd;  // calibrated, out-of-fold

  // Calibrated PDs of every row of `m`.
  Result<std::vector<double>> Predict(const Matrix& m) const {
    TRANCHE_ASSIGN_OR_RETURN(ml::DMatrix d, ToDMatrix(m));
    TRANCHE_ASSIGN_OR_RETURN(std::vector<double> margins, booster.PredictMargins(d));
    std::vector<double> pd(m.rows);
    for (std::size_t r = 0; r < m.rows; ++r) {
      const double card = scorecard ? scorecard->Margin(m.values.data() + r * m.cols) : 0;
      pd[r] = platt.Apply(Blend(margins[r], card, blend));
    }
    return pd;
  }
};

class Procedure {
 public:
  Procedure(const FeatureSpec& spec, const TrainOptions& o, const std::function<void()>& tick)
      : spec_(spec), o_(o), tick_(tick) {}

  Result<Fitted> Run(const Matrix& m) const {
    const std::vector<int> folds = AssignFolds(m.labels, o_.folds, o_.seed);
    Fitted fit;
    std::vector<double> best_oof;
    for (const Candidate& c : kCandidates) {
      std::vector<double> oof;
      TRANCHE_ASSIGN_OR_RETURN(CandidateResult r, CrossValidate(m, folds, c, &oof));
      const bool better = fit.search.empty() ||
                          r.cv_logloss < std::min_element(fit.search.begin(), fit.search.end(), ByLogLoss)->cv_logloss;
      if (better) best_oof = std::move(oof);
      fit.search.push_back(r);
    }
    const CandidateResult best = *std::min_element(fit.search.begin(), fit.search.end(), ByLogLoss);
    std::vector<double> oof = best_oof;
    if (o_.scorecard) {
      const std::vector<double> card_oof = ScorecardOutOfFold(m, folds);
      fit.scorecard_cv_auc = ml::Auc(card_oof, m.labels);
      fit.blend = ChooseBlend(best_oof, card_oof, m.labels);
      for (std::size_t r = 0; r < m.rows; ++r) oof[r] = Blend(best_oof[r], card_oof[r], fit.blend);
      if (fit.blend > 0) fit.scorecard = FitScorecard(m, MonotoneSigns(o_, spec_));
    }
    fit.platt = ml::FitPlatt(oof, m.labels);
    fit.oof_pd.resize(oof.size());
    std::transform(oof.begin(), oof.end(), fit.oof_pd.begin(), [&](double x) { return fit.platt.Apply(x); });
    // The final trees: all rows, the chosen parameters, the cross-validated round count.
    fit.params = ParamsFor(best.params, o_, spec_);
    fit.rounds = best.rounds;
    TRANCHE_ASSIGN_OR_RETURN(ml::DMatrix all, ToDMatrix(m));
    TRANCHE_ASSIGN_OR_RETURN(auto final_fit, ml::Booster::Train(all, fit.params, best.rounds, nullptr, 1));
    fit.booster = std::move(final_fit.first);
    return fit;
  }

 private:
  static bool ByLogLoss(const CandidateResult& a, const CandidateResult& b) { return a.cv_logloss < b.cv_logloss; }

  Result<CandidateResult> CrossValidate(const Matrix& m, const std::vector<int>& folds, const Candidate& c,
                                        std::vector<double>* oof) const {
    TRANCHE_ASSIGN_OR_RETURN(ml::CrossValidated cv, ml::CrossValidate(m, folds, o_.folds, ParamsFor(c, o_, spec_),
                                                                      o_.max_rounds, o_.patience, tick_));
    *oof = std::move(cv.oof_margins);
    return CandidateResult{c, cv.auc, cv.logloss, cv.rounds};
  }

  std::vector<double> ScorecardOutOfFold(const Matrix& m, const std::vector<int>& folds) const {
    std::vector<double> oof(m.rows);
    for (int f = 0; f < o_.folds; ++f) {
      const Scorecard card = FitScorecard(Gather(m, RowsWhere(folds, f, false)), MonotoneSigns(o_, spec_));
      for (std::size_t r : RowsWhere(folds, f, true)) oof[r] = card.Margin(m.values.data() + r * m.cols);
    }
    return oof;
  }

  // The weight with the best out-of-fold AUC; ties go to the smaller weight.
  static double ChooseBlend(const std::vector<double>& trees, const std::vector<double>& card,
                            const std::vector<float>& labels) {
    double best_weight = 0, best_auc = -1;
    std::vector<double> blended(trees.size());
    for (double w : kBlendWeights) {
      for (std::size_t r = 0; r < trees.size(); ++r) blended[r] = Blend(trees[r], card[r], w);
      const double auc = ml::Auc(blended, labels);
      if (auc > best_auc) {
        best_auc = auc;
        best_weight = w;
      }
    }
    return best_weight;
  }

  const FeatureSpec& spec_;
  const TrainOptions& o_;
  const std::function<void()>& tick_;
};

// The unbiased estimate (trainer.h): the procedure and the baseline, each trained on
// the outer training rows and scored on the outer rows they never saw.
Result<Validation> Validate(const Matrix& m, const FeatureSpec& spec, const TrainOptions& o,
                            const std::function<void()>& tick) {
  FeatureSpec raw_spec = spec;
  raw_spec.derived.clear();
  TrainOptions plain = o;
  plain.monotone.clear();
  plain.scorecard = false;
  const Matrix raw = FirstColumns(m, spec.columns.size());
  const Procedure procedure(spec, o, tick), baseline(raw_spec, plain, tick);
  const std::vector<int> outer = AssignFolds(m.labels, o.outer_folds, o.seed ^ kOuterSeedSalt);
  Validation v{o.outer_folds, o.nested ? o.outer_folds : 1, 0, {}, {}, {}};
  std::vector<double> model_pd, baseline_pd;
  std::vector<float> labels;
  for (int f = 0; f < v.folds_scored; ++f) {
    const std::vector<std::size_t> train_rows = RowsWhere(outer, f, false), test_rows = RowsWhere(outer, f, true);
    TRANCHE_ASSIGN_OR_RETURN(Fitted fit, procedure.Run(Gather(m, train_rows)));
    TRANCHE_ASSIGN_OR_RETURN(std::vector<double> pd, fit.Predict(Gather(m, test_rows)));
    TRANCHE_ASSIGN_OR_RETURN(Fitted base, baseline.Run(Gather(raw, train_rows)));
    TRANCHE_ASSIGN_OR_RETURN(std::vector<double> base_pd, base.Predict(Gather(raw, test_rows)));
    model_pd.insert(model_pd.end(), pd.begin(), pd.end());
    baseline_pd.insert(baseline_pd.end(), base_pd.begin(), base_pd.end());
    for (std::size_t r : test_rows) labels.push_back(m.labels[r]);
  }
  v.rows = labels.size();
  v.model = Measure(model_pd, labels);
  v.curves = ml::MeasureCurves(model_pd, labels);
  v.baseline = Measure(baseline_pd, labels);
  return v;
}

Status CheckOptions(const TrainOptions& o) {
  if (o.folds < 2 || o.folds > 20) return Status::InvalidArgument("invalid_folds", "folds must be 2-20");
  if (o.outer_folds != 0 && (o.outer_folds < 2 || o.outer_folds > 20)) {
    return Status::InvalidArgument("invalid_folds", "outer folds must be 0 (none) or 2-20");
  }
  for (const auto& [col, sign] : o.monotone) {
    if (sign != 1 && sign != -1) return Status::InvalidArgument("invalid_monotone", col + ": use +1 or -1");
  }
  return Status::Ok();
}

}  // namespace

Quality Measure(const std::vector<double>& pd, const std::vector<float>& labels) {
  Quality q;
  q.auc = ml::Auc(pd, labels);
  q.ks = ml::Ks(pd, labels);
  q.gini = 2 * q.auc - 1;
  q.brier = ml::Brier(pd, labels);
  q.calibration = ml::CalibrationTable(pd, labels);
  return q;
}

Result<TrainedModel> Train(const Table& data, const TrainOptions& o, const Progress& progress) {
  TRANCHE_RETURN_IF_ERROR(CheckOptions(o));
  TRANCHE_ASSIGN_OR_RETURN(FeatureSpec spec, InferSpec(data, o.label, o.exclude));
  if (o.engineer_features) spec.derived = DetectDerivedFor(spec);
  for (const auto& [col, sign] : o.monotone) {
    const int i = spec.IndexOf(col);
    if (i < 0) return Status::InvalidArgument("invalid_monotone", "no feature column '" + col + "'");
    if (static_cast<std::size_t>(i) < spec.columns.size() &&
        spec.columns[static_cast<std::size_t>(i)].kind != ColumnKind::kNumeric) {
      return Status::InvalidArgument("invalid_monotone", col + " is categorical; only numeric columns can be monotone");
    }
  }
  TRANCHE_ASSIGN_OR_RETURN(Matrix m, Encode(spec, data, true));
  // Every training subset (inner and outer) must hold both classes for the scorecard,
  // the calibration and the AUC to be defined.
  const auto positives_count = static_cast<std::size_t>(std::count(m.labels.begin(), m.labels.end(), 1.0F));
  const std::size_t needed = static_cast<std::size_t>(o.folds) * static_cast<std::size_t>(std::max(1, o.outer_folds));
  if (std::min(positives_count, m.rows - positives_count) < needed) {
    return Status::InvalidArgument("too_few_rows", "each label class needs at least " + std::to_string(needed) +
                                                       " rows for these folds");
  }

  // Each procedure fits the candidates on every fold; the validation runs two per
  // outer fold scored (the model's and the baseline's), and the final one runs once.
  const int per_procedure = static_cast<int>(std::size(kCandidates)) * o.folds;
  const int outer_scored = o.outer_folds == 0 ? 0 : (o.nested ? o.outer_folds : 1);
  const int total_fits = per_procedure * (1 + 2 * outer_scored);
  int fits = 0;
  const std::function<void()> tick = [&] {
    if (progress) progress(++fits, total_fits);
  };
  std::optional<Validation> validation;
  if (o.outer_folds != 0) {
    TRANCHE_ASSIGN_OR_RETURN(validation, Validate(m, spec, o, tick));
  }
  TRANCHE_ASSIGN_OR_RETURN(Fitted fit, Procedure(spec, o, tick).Run(m));

  const double positives = static_cast<double>(positives_count);
  std::vector<ml::Bins> feature_baselines;
  for (std::size_t c = 0; c < spec.columns.size(); ++c) {
    std::vector<double> column(m.rows);
    for (std::size_t r = 0; r < m.rows; ++r) column[r] = m.values[r * m.cols + c];
    feature_baselines.push_back(ml::QuantileBins(column));
  }
  TrainedModel t;
  t.spec = std::move(spec);
  t.booster = std::move(fit.booster);
  t.platt = fit.platt;
  t.params = std::move(fit.params);
  t.rounds = fit.rounds;
  t.search = std::move(fit.search);
  t.scorecard = std::move(fit.scorecard);
  t.blend = fit.blend;
  t.scorecard_cv_auc = fit.scorecard_cv_auc;
  t.cv = Measure(fit.oof_pd, m.labels);
  t.held_out = validation ? validation->curves : ml::MeasureCurves(fit.oof_pd, m.labels);
  t.validation = std::move(validation);
  t.rows = m.rows;
  t.default_rate = positives / static_cast<double>(m.rows);
  t.score_baseline = ml::QuantileBins(fit.oof_pd);
  t.feature_baselines = std::move(feature_baselines);
  return t;
}

}  // namespace tranche::credit
