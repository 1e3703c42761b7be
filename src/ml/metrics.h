// Model quality measures and probability calibration (pure, deterministic).
#pragma once

#include <optional>
#include <vector>

namespace tranche::ml {

// Area under the ROC curve; tied scores count one half. Preconditions (asserted): same
// sizes, both classes present.
double Auc(const std::vector<double>& scores, const std::vector<float>& labels);
// Average precision: the precision at each distinct score threshold (highest first),
// weighted by the recall it adds, Σ (Rₙ − Rₙ₋₁)·Pₙ, without interpolation; tied scores
// form one threshold. Preconditions (asserted): same sizes, at least one positive.
double AveragePrecision(const std::vector<double>& scores, const std::vector<float>& labels);
// Kolmogorov-Smirnov: the largest gap between the cumulative score distributions of
// the two classes.
double Ks(const std::vector<double>& scores, const std::vector<float>& labels);
// Mean squared error of probabilities.
double Brier(const std::vector<double>& probabilities, const std::vector<float>& labels);
double LogLoss(const std::vector<double>& probabilities, const std::vector<float>& labels);

struct CalibrationBin {
  double min_pd = 0;
  double max_pd = 0;
  std::size_t count = 0;
  double mean_pd = 0;        // what the model said
  double observed_rate = 0;  // what happened
};
// Equal-count bins by predicted probability (fewer when there are fewer rows).
std::vector<CalibrationBin> CalibrationTable(const std::vector<double>& probabilities,
                                             const std::vector<float>& labels, std::size_t bins = 10);

// A point of the ROC curve: the false- and true-positive rates when every score at or
// above some threshold is flagged.
struct RocPoint {
  double fpr = 0;
  double tpr = 0;
};
inline constexpr std::size_t kMaxRocPoints = 101;

// The ROC curve from (0, 0) to (1, 1), one point per distinct score (tied scores move
// both rates at once), thinned to at most `max_points` evenly spaced along the walk
// (both ends kept). Preconditions (asserted): same sizes, both classes present,
// max_points >= 2.
std::vector<RocPoint> RocCurve(const std::vector<double>& scores, const std::vector<float>& labels,
                               std::size_t max_points = kMaxRocPoints);

// A model's discrimination and calibration on some labelled rows: its held-out rows at
// training, or the decisions whose outcome is known. AUC and ROC need both classes, so
// they are empty when one is missing; the calibration table needs probabilities and
// rows, so it is empty when the caller passes none.
struct Curves {
  std::size_t rows = 0;
  std::size_t positives = 0;
  std::optional<double> auc;
  std::vector<RocPoint> roc;
  std::vector<CalibrationBin> calibration;
};
Curves MeasureCurves(const std::vector<double>& probabilities, const std::vector<float>& labels,
                     bool with_calibration = true);

// Platt scaling: PD = 1 / (1 + exp(-(a·margin + b))), fitted to out-of-fold margins by
// Newton's method on the log-likelihood with Platt's smoothed targets.
struct Platt {
  double a = 1;
  double b = 0;
  double Apply(double margin) const;
};
Platt FitPlatt(const std::vector<double>& margins, const std::vector<float>& labels);

}  // namespace tranche::ml
