#include "ml/psi.h"

#include <algorithm>
#include <cmath>

#include "core/assert.h"

namespace tranche::ml {

namespace {

constexpr double kSmoothing = 1e-4;

std::vector<double> Shares(const Bins& b, const std::vector<double>& values) {
  std::vector<double> counts(b.edges.size() + 2, 0);
  for (double v : values) {
    if (std::isnan(v)) {
      counts.back() += 1;
      continue;
    }
    const auto it = std::lower_bound(b.edges.begin(), b.edges.end(), v);
    counts[static_cast<std::size_t>(it - b.edges.begin())] += 1;
  }
  for (double& c : counts) c /= static_cast<double>(values.size());
  return counts;
}

}  // namespace

Bins QuantileBins(const std::vector<double>& values, std::size_t bins) {
  TRANCHE_ASSERT(bins >= 2 && !values.empty());
  std::vector<double> present;
  for (double v : values) {
    if (!std::isnan(v)) present.push_back(v);
  }
  std::sort(present.begin(), present.end());
  Bins b;
  for (std::size_t k = 1; k < bins && !present.empty(); ++k) {
    const double edge = present[k * present.size() / bins];
    if (b.edges.empty() || edge > b.edges.back()) b.edges.push_back(edge);
  }
  // A value equal to an edge belongs to the bin the edge closes (lower_bound): an edge
  // that equals the largest value would leave the last bin empty, so drop it.
  if (!b.edges.empty() && !present.empty() && b.edges.back() >= present.back()) b.edges.pop_back();
  b.expected = Shares(b, values);
  return b;
}

double Psi(const Bins& baseline, const std::vector<double>& values) {
  TRANCHE_ASSERT(!values.empty());
  TRANCHE_ASSERT(baseline.expected.size() == baseline.edges.size() + 2);
  const std::vector<double> actual = Shares(baseline, values);
  double psi = 0;
  for (std::size_t i = 0; i < actual.size(); ++i) {
    const double a = std::max(actual[i], kSmoothing);
    const double e = std::max(baseline.expected[i], kSmoothing);
    if (actual[i] == 0 && baseline.expected[i] == 0) continue;
    psi += (a - e) * std::log(a / e);
  }
  return psi;
}

std::vector<PsiPoint> WeeklyPsi(const Bins& baseline, const std::vector<TimedScore>& scores, Instant from,
                                Instant until) {
  TRANCHE_ASSERT(from < until);
  constexpr auto kWeek = std::chrono::days(7);
  const auto weeks = static_cast<std::size_t>((until - from + kWeek - std::chrono::microseconds(1)) / kWeek);
  std::vector<std::vector<double>> by_week(weeks);
  for (const TimedScore& s : scores) {
    if (s.at < from || s.at >= until) continue;
    by_week[static_cast<std::size_t>((s.at - from) / kWeek)].push_back(s.score);
  }
  std::vector<PsiPoint> out;
  for (std::size_t w = 0; w < weeks; ++w) {
    PsiPoint p{from + kWeek * static_cast<int>(w), by_week[w].size(), std::nullopt};
    if (!by_week[w].empty()) p.psi = Psi(baseline, by_week[w]);
    out.push_back(p);
  }
  return out;
}

std::string PsiVerdict(double psi) {
  if (psi > kPsiSignificant) return "significant shift";
  if (psi > kPsiInvestigate) return "investigate";
  return "stable";
}

}  // namespace tranche::ml
