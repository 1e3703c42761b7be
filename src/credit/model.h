// A credit model as a directory a data scientist can inspect and ship:
//   model.json    the XGBoost booster (JSON)
//   spec.json     features and their encoding, the engineered features and their
//                 inputs, the scorecard and its blend weight, label, calibration,
//                 parameters, rounds, version, the training data's SHA-256
//   reasons.json  the reason catalogue: feature → reason code and consumer message
//                 (editable; loaded as written)
//   metrics.json  the unbiased estimate (validation split or nested CV) beside the
//                 baseline's, cross-validated quality (AUC, KS, Gini, Brier,
//                 calibration table), the hyper-parameter search, and the held-out
//                 curves (ROC of at most 101 points, 10 calibration bins) for the
//                 console (models written before these curves load without them)
// Scoring gives a calibrated PD and the principal reasons from exact contributions: the
// margin is (1 − blend) · trees + blend · scorecard, so each input's contribution is the
// same blend of its TreeSHAP value and its (exact, linear) scorecard contribution.
#pragma once

#include <string>
#include <vector>

#include "credit/reasons.h"
#include "credit/trainer.h"
#include "ml/tree_shap.h"

namespace tranche::credit {

struct Score {
  double pd = 0;      // calibrated probability of default
  double margin = 0;  // the blended log-odds before calibration
  std::vector<ReasonScore> reasons;
  // Exact contributions: one per model input (raw columns, then derived features), then
  // the bias; they sum to margin.
  std::vector<double> contributions;
};

// The ROC and calibration recorded at training, and on which rows: "validation_split",
// "nested_cv", or "cross_validated" (out-of-fold, optimistic).
struct HeldOut {
  std::string method;
  ml::Curves curves;
};

class CreditModel {
 public:
  CreditModel(TrainedModel trained, std::string data_sha256);
  static Result<CreditModel> Load(const std::string& dir);
  Status Save(const std::string& dir) const;

  // Scores every row of `m` (encoded with spec(), derived features included). Reasons
  // come from exact contributions, which sum with the bias to the margin.
  Result<std::vector<Score>> ScoreMatrix(const Matrix& m) const;
  // Scores one application: one value per raw feature column (spec().columns), NaN for
  // missing; the derived features are computed here. Safe to call from several threads
  // at once.
  Result<Score> ScoreOne(const std::vector<float>& row) const;
  // The trees' contributions computed by XGBoost itself, for checking ours.
  Result<std::vector<float>> XgboostContributions(const Matrix& m) const;

  // The scorecard (if any) and its weight in the margin.
  const std::optional<Scorecard>& scorecard() const { return scorecard_; }
  double blend() const { return blend_; }

  const FeatureSpec& spec() const { return spec_; }
  const std::string& version() const { return version_; }
  const std::vector<ReasonEntry>& reasons() const { return reasons_; }
  // Training distributions for drift monitoring (trainer.h).
  const ml::Bins& score_baseline() const { return score_baseline_; }
  const std::vector<ml::Bins>& feature_baselines() const { return feature_baselines_; }
  const std::optional<HeldOut>& held_out() const { return held_out_; }
  std::size_t training_rows() const { return training_rows_; }
  // A summary for people: version, data, features, quality, calibration.
  std::string Describe() const;

 private:
  CreditModel() = default;
  Score ScoreRow(const float* row) const;

  FeatureSpec spec_;
  ml::Booster booster_;     // kept for saving; scoring walks trees_
  std::optional<ml::TreeEnsemble> trees_;
  std::optional<Scorecard> scorecard_;
  double blend_ = 0;
  ml::Platt platt_;
  std::vector<ReasonEntry> reasons_;
  ml::Bins score_baseline_;
  std::vector<ml::Bins> feature_baselines_;
  std::optional<HeldOut> held_out_;
  std::size_t training_rows_ = 0;
  std::string spec_json_;
  std::string metrics_json_;
  std::string version_;
};

// SHA-256 of a file's bytes, as hex.
Result<std::string> FileSha256(const std::string& path);

}  // namespace tranche::credit
