#include "ml/metrics.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "core/assert.h"

namespace tranche::ml {

namespace {

std::vector<std::size_t> OrderBy(const std::vector<double>& v) {
  std::vector<std::size_t> idx(v.size());
  std::iota(idx.begin(), idx.end(), 0);
  std::stable_sort(idx.begin(), idx.end(), [&](std::size_t a, std::size_t b) { return v[a] < v[b]; });
  return idx;
}

void CheckInputs(const std::vector<double>& scores, const std::vector<float>& labels) {
  TRANCHE_ASSERT(scores.size() == labels.size() && !scores.empty());
}

}  // namespace

double Auc(const std::vector<double>& scores, const std::vector<float>& labels) {
  CheckInputs(scores, labels);
  const auto idx = OrderBy(scores);
  double positive_rank_sum = 0;
  double positives = 0;
  for (std::size_t i = 0; i < idx.size();) {
    std::size_t j = i;
    while (j < idx.size() && scores[idx[j]] == scores[idx[i]]) ++j;
    const double mid_rank = (static_cast<double>(i) + static_cast<double>(j) + 1) / 2;  // 1-based, ties averaged
    for (std::size_t k = i; k < j; ++k) {
      if (labels[idx[k]] == 1) {
        positive_rank_sum += mid_rank;
        ++positives;
      }
    }
    i = j;
  }
  const double negatives = static_cast<double>(scores.size()) - positives;
  TRANCHE_ASSERT(positives > 0 && negatives > 0);
  return (positive_rank_sum - positives * (positives + 1) / 2) / (positives * negatives);
}

double AveragePrecision(const std::vector<double>& scores, const std::vector<float>& labels) {
  CheckInputs(scores, labels);
  const auto idx = OrderBy(scores);  // ascending: walk it from the end
  const double positives = static_cast<double>(std::count(labels.begin(), labels.end(), 1.0F));
  TRANCHE_ASSERT(positives > 0);
  double tp = 0, seen = 0, ap = 0;
  for (std::size_t j = idx.size(); j > 0;) {
    std::size_t i = j;
    double new_tp = 0;
    for (; i > 0 && scores[idx[i - 1]] == scores[idx[j - 1]]; --i) new_tp += labels[idx[i - 1]] == 1 ? 1 : 0;
    tp += new_tp;
    seen += static_cast<double>(j - i);
    ap += (new_tp / positives) * (tp / seen);
    j = i;
  }
  return ap;
}

double Ks(const std::vector<double>& scores, const std::vector<float>& labels) {
  CheckInputs(scores, labels);
  const auto idx = OrderBy(scores);
  const double positives = static_cast<double>(std::count(labels.begin(), labels.end(), 1.0F));
  const double negatives = static_cast<double>(labels.size()) - positives;
  TRANCHE_ASSERT(positives > 0 && negatives > 0);
  double tp = 0, fp = 0, best = 0;
  for (std::size_t i = 0; i < idx.size();) {
    std::size_t j = i;
    for (; j < idx.size() && scores[idx[j]] == scores[idx[i]]; ++j) {
      (labels[idx[j]] == 1 ? tp : fp) += 1;
    }
    best = std::max(best, std::abs(tp / positives - fp / negatives));
    i = j;
  }
  return best;
}

double Brier(const std::vector<double>& p, const std::vector<float>& labels) {
  CheckInputs(p, labels);
  double sum = 0;
  for (std::size_t i = 0; i < p.size(); ++i) sum += (p[i] - labels[i]) * (p[i] - labels[i]);
  return sum / static_cast<double>(p.size());
}

double LogLoss(const std::vector<double>& p, const std::vector<float>& labels) {
  CheckInputs(p, labels);
  double sum = 0;
  for (std::size_t i = 0; i < p.size(); ++i) {
    const double q = std::clamp(p[i], 1e-15, 1 - 1e-15);
    sum -= labels[i] == 1 ? std::log(q) : std::log(1 - q);
  }
  return sum / static_cast<double>(p.size());
}

std::vector<CalibrationBin> CalibrationTable(const std::vector<double>& p, const std::vector<float>& labels,
                                             std::size_t bins) {
  CheckInputs(p, labels);
  TRANCHE_ASSERT(bins > 0);
  const auto idx = OrderBy(p);
  bins = std::min(bins, p.size());
  std::vector<CalibrationBin> out;
  for (std::size_t b = 0; b < bins; ++b) {
    const std::size_t lo = b * p.size() / bins;
    const std::size_t hi = (b + 1) * p.size() / bins;
    CalibrationBin bin{p[idx[lo]], p[idx[hi - 1]], hi - lo, 0, 0};
    for (std::size_t k = lo; k < hi; ++k) {
      bin.mean_pd += p[idx[k]];
      bin.observed_rate += labels[idx[k]];
    }
    bin.mean_pd /= static_cast<double>(bin.count);
    bin.observed_rate /= static_cast<double>(bin.count);
    out.push_back(bin);
  }
  return out;
}

std::vector<RocPoint> RocCurve(const std::vector<double>& scores, const std::vector<float>& labels,
                               std::size_t max_points) {
  CheckInputs(scores, labels);
  TRANCHE_ASSERT(max_points >= 2);
  const auto idx = OrderBy(scores);  // ascending: walk it from the end
  const double positives = static_cast<double>(std::count(labels.begin(), labels.end(), 1.0F));
  const double negatives = static_cast<double>(labels.size()) - positives;
  TRANCHE_ASSERT(positives > 0 && negatives > 0);
  std::vector<RocPoint> walk{{0, 0}};
  double tp = 0, fp = 0;
  for (std::size_t j = idx.size(); j > 0;) {
    std::size_t i = j;
    for (; i > 0 && scores[idx[i - 1]] == scores[idx[j - 1]]; --i) (labels[idx[i - 1]] == 1 ? tp : fp) += 1;
    walk.push_back({fp / negatives, tp / positives});
    j = i;
  }
  if (walk.size() <= max_points) return walk;
  std::vector<RocPoint> out;
  for (std::size_t k = 0; k < max_points; ++k) out.push_back(walk[k * (walk.size() - 1) / (max_points - 1)]);
  return out;
}

Curves MeasureCurves(const std::vector<double>& p, const std::vector<float>& labels, bool with_calibration) {
  TRANCHE_ASSERT(p.size() == labels.size());
  Curves c;
  c.rows = p.size();
  c.positives = static_cast<std::size_t>(std::count(labels.begin(), labels.end(), 1.0F));
  if (c.positives > 0 && c.positives < c.rows) {
    c.auc = Auc(p, labels);
    c.roc = RocCurve(p, labels);
  }
  if (with_calibration && !p.empty()) c.calibration = CalibrationTable(p, labels);
  return c;
}

double Platt::Apply(double margin) const { return 1 / (1 + std::exp(-(a * margin + b))); }

Platt FitPlatt(const std::vector<double>& margins, const std::vector<float>& labels) {
  TRANCHE_ASSERT(margins.size() == labels.size() && !margins.empty());
  const double positives = static_cast<double>(std::count(labels.begin(), labels.end(), 1.0F));
  const double negatives = static_cast<double>(labels.size()) - positives;
  // Platt's targets keep the fit away from 0 and 1 on separable data.
  const double t_pos = (positives + 1) / (positives + 2);
  const double t_neg = 1 / (negatives + 2);
  Platt p{1, 0};
  for (int iter = 0; iter < 100; ++iter) {
    double g_a = 0, g_b = 0, h_aa = 1e-12, h_ab = 0, h_bb = 1e-12;
    for (std::size_t i = 0; i < margins.size(); ++i) {
      const double q = p.Apply(margins[i]);
      const double t = labels[i] == 1 ? t_pos : t_neg;
      const double w = q * (1 - q);
      g_a += (q - t) * margins[i];
      g_b += q - t;
      h_aa += w * margins[i] * margins[i];
      h_ab += w * margins[i];
      h_bb += w;
    }
    const double det = h_aa * h_bb - h_ab * h_ab;
    if (std::abs(det) < 1e-18) break;
    const double da = (h_bb * g_a - h_ab * g_b) / det;
    const double db = (h_aa * g_b - h_ab * g_a) / det;
    p.a -= da;
    p.b -= db;
    if (std::abs(da) < 1e-10 && std::abs(db) < 1e-10) break;
  }
  return p;
}

}  // namespace tranche::ml
