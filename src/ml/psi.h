// Drift monitoring (pure): the population stability index of a score or feature
// against its training baseline. PSI = Σ (a − e) · ln(a / e) over bins, with e the
// training share and a the recent share of each bin. Rule of thumb used by credit
// teams: < 0.1 stable, 0.1–0.25 investigate, > 0.25 a significant shift.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/time.h"

namespace tranche::ml {

inline constexpr double kPsiInvestigate = 0.1;
inline constexpr double kPsiSignificant = 0.25;

// Bins fixed at training: `edges` are the upper bounds of all but the last bin (values
// above the last edge fall in the last bin); `expected` holds each bin's training share
// and, last, the share of missing values.
struct Bins {
  std::vector<double> edges;
  std::vector<double> expected;  // edges.size() + 2 entries: bins, then missing
};

// Decile bins (fewer when values repeat) of `values`; NaN counts as missing.
Bins QuantileBins(const std::vector<double>& values, std::size_t bins = 10);

// PSI of `values` against `baseline`. Empty bins are smoothed (a share of 1e-4) so
// the logarithm stays finite. Precondition: `values` is not empty.
double Psi(const Bins& baseline, const std::vector<double>& values);

// PSI over time: one point per week from `from` (weeks are [from + 7k days, from +
// 7(k+1) days)) up to `until`, of the scores made in that week. A week without scores
// has a point with count 0 and no PSI. Scores outside [from, until) are ignored.
// Precondition: from < until.
struct TimedScore {
  Instant at;
  double score = 0;
};
struct PsiPoint {
  Instant week_start;
  std::size_t count = 0;
  std::optional<double> psi;
};
std::vector<PsiPoint> WeeklyPsi(const Bins& baseline, const std::vector<TimedScore>& scores, Instant from,
                                Instant until);

// "stable", "investigate" or "significant shift".
std::string PsiVerdict(double psi);

}  // namespace tranche::ml
