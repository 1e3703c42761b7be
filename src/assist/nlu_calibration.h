// Calibration of an intent distribution, fitted on validation rows the model never
// trained on: temperature scaling (so confidence is a probability one can threshold)
// and the confidence below which an utterance counts as out of scope. Pure.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "assist/understanding.h"

namespace tranche::assist {

struct Calibration {
  double temperature = 1.0;    // q_i ∝ p_i^(1/T); > 0
  double oos_threshold = 0.0;  // calibrated confidence below this → out of scope
};

// Applies temperature `t` to a distribution in place (renormalised).
void ApplyTemperature(double t, std::vector<double>& probs);

// The temperature in [0.2, 5] (a fixed log-spaced grid) minimising the mean negative
// log-likelihood of `truth[i]` under `raw[i]` tempered. Precondition: same sizes,
// every truth index within its row.
double FitTemperature(const std::vector<std::vector<double>>& raw, const std::vector<std::size_t>& truth);

// One validation row after calibration: the best in-scope guess, its confidence, and
// whether that guess is right and whether the row is truly out of scope.
struct ScoredRow {
  double confidence = 0.0;
  bool top_correct = false;  // the argmax label is the true label
  bool truly_oos = false;
  bool top_is_oos = false;   // the argmax label is itself the out-of-scope label
};

// How much in-scope accuracy the threshold may cost, against no threshold at all.
inline constexpr double kMaxInScopeLoss = 0.02;

// The threshold in {0, 0.01, …, 0.99} maximising the mean of in-scope accuracy and
// out-of-scope recall (ties: the smaller threshold) among those that cost at most
// kMaxInScopeLoss of in-scope accuracy: with few out-of-scope rows to validate on, an
// unbounded search would trade many answered questions for a handful of caught ones.
// 0 when no row is out of scope: there is nothing to measure a threshold against.
double ChooseOosThreshold(const std::vector<ScoredRow>& rows);

}  // namespace tranche::assist
