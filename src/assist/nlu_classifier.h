// FastTextIntentClassifier: the IntentClassifier behind the assistant. An ensemble of
// fastText models (same data, different seeds) whose probabilities are averaged, then
// tempered (calibrated confidence) and thresholded (out of scope). Saved as a model
// directory: intents.json (labels, calibration, parameters) and intent-K.bin.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "assist/nlu_calibration.h"
#include "assist/nlu_fasttext.h"
#include "assist/understanding.h"
#include "core/status.h"

namespace tranche::assist {

// Members of an ensemble; each costs one fastText prediction per utterance.
inline constexpr int kMaxEnsemble = 9;

class FastTextIntentClassifier final : public IntentClassifier {
 public:
  // Precondition: 1..kMaxEnsemble members trained on the same label set.
  FastTextIntentClassifier(std::vector<FastTextModel> members, Calibration calibration, std::string params);

  static Result<std::unique_ptr<FastTextIntentClassifier>> Load(const std::string& dir);
  // Writes intents.json and the members into `dir` (which must exist).
  Status Save(const std::string& dir) const;

  // The calibrated top intent; "oos" when the model has that label and the confidence
  // is below the threshold (the confidence stays the top intent's).
  IntentPrediction Classify(std::string_view text) const override;

  // The ensemble's mean probability of every label (labels() order), uncalibrated.
  void RawDistribution(std::string_view text, std::vector<double>& probs) const;
  // Calibration and threshold applied to a raw distribution (consumed): this model's
  // own, or one being fitted.
  IntentPrediction Decide(std::vector<double> raw) const { return Decide(std::move(raw), calibration_); }
  IntentPrediction Decide(std::vector<double> raw, const Calibration& calibration) const;

  const std::vector<std::string>& labels() const { return labels_; }
  const Calibration& calibration() const { return calibration_; }
  bool has_oos() const { return oos_index_ >= 0; }

 private:
  std::vector<FastTextModel> members_;
  std::vector<std::vector<std::size_t>> to_canonical_;  // member label index → labels_ index
  bool shared_input_ = true;                            // every member SharesInput with the first
  std::vector<std::string> labels_;                     // sorted
  Calibration calibration_;
  std::string params_;
  int oos_index_ = -1;
};

}  // namespace tranche::assist
