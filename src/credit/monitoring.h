// Drift monitoring (pure): the population stability index of a score or feature
// against its training baseline. PSI = Σ (a − e) · ln(a / e) over bins, with e the
// training share and a the recent share of each bin. Rule of thumb used by credit
// teams: < 0.1 stable, 0.1–0.25 investigate, > 0.25 a significant shift.
#pragma once

#include <string>
#include <vector>

namespace tranche::credit {

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

// "stable", "investigate" or "significant shift".
std::string PsiVerdict(double psi);

}  // namespace tranche::credit
