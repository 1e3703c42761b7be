// Fraud's trained model as the authorization path uses it: a directory written by
// `tranche train fraud`, loaded once and shared read-only by every request (scoring
// allocates only for the reasons and is safe from any number of threads).
//
// A score is 0-99: the calibrated probability of fraud × 100, rounded down. Reasons are
// the features that pushed this event's score up the most (exact TreeSHAP, ml/tree_shap.h),
// for reviewers. The directory holds model.json (the XGBoost booster), fraud_model.json
// (format, version, the catalogue names the trees read, calibration, thresholds, label
// delay, training summary, the held-out curves and the training score distribution that
// monitoring compares live scores with — models written before those two load without
// them) — written last, so a directory with it is complete.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"
#include "fraud/feature_values.h"
#include "fraud/model_trainer.h"
#include "ml/psi.h"
#include "ml/tree_shap.h"

namespace tranche::fraud {

inline constexpr std::size_t kMaxFraudReasons = 3;

struct FraudReason {
  std::string feature;  // a catalogue name
  double contribution = 0;  // log-odds pushed toward fraud (> 0)
};

struct FraudScore {
  int score = 0;  // 0-99
  double probability = 0;
  std::vector<FraudReason> reasons;  // strongest first; empty unless asked for
};

class FraudModel {
 public:
  // Default thresholds on the score: operators' rules may decide otherwise.
  static constexpr int kDefaultReviewScore = 50;
  static constexpr int kDefaultBlockScore = 90;

  // `catalogue` is the engine's (FeatureEngine::catalogue()); the model keeps the names of
  // the columns it reads so that a later catalogue with more features still loads it.
  static Result<FraudModel> FromTrained(const TrainedFraud& t, const Catalogue& catalogue, std::int64_t label_delay_s);
  static Result<FraudModel> Load(const std::string& dir, const Catalogue& catalogue);
  Status Save(const std::string& dir) const;

  // `row`: the event's features as FeatureEngine::ComputeRow fills them.
  FraudScore ScoreRow(const float* row, bool with_reasons) const;
  FraudScore Score(const FeatureValues& values, bool with_reasons) const;

  const std::string& version() const { return version_; }
  std::int64_t label_delay_s() const { return label_delay_s_; }
  int review_score() const { return review_score_; }
  int block_score() const { return block_score_; }
  const std::vector<std::string>& feature_names() const { return names_; }
  std::size_t training_rows() const { return training_rows_; }
  // The out-of-fold ROC and calibration (optimistic: the search chose on those folds).
  const std::optional<ml::Curves>& held_out() const { return held_out_; }
  // Bins of the training rows' scores (0-99), for PSI.
  const std::optional<ml::Bins>& score_baseline() const { return score_baseline_; }
  std::string Describe() const;

 private:
  std::string booster_json_;
  std::string meta_json_;
  std::string version_;
  std::vector<std::string> names_;
  std::vector<std::size_t> columns_;  // catalogue index of each model input
  ml::TreeEnsemble trees_;
  ml::Platt platt_;
  std::int64_t label_delay_s_ = 0;
  int review_score_ = kDefaultReviewScore;
  int block_score_ = kDefaultBlockScore;
  std::size_t training_rows_ = 0;
  std::optional<ml::Curves> held_out_;
  std::optional<ml::Bins> score_baseline_;
};

}  // namespace tranche::fraud
