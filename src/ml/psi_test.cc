// PSI against a training baseline, and PSI week by week.
#include "ml/psi.h"

#include <gtest/gtest.h>

#include <cmath>

#include "core/random.h"

namespace tranche::ml {
namespace {

std::vector<double> Uniform(std::uint64_t seed, std::size_t n, double lo, double hi) {
  SeededRandom r(seed);
  std::vector<double> out;
  for (std::size_t i = 0; i < n; ++i) out.push_back(lo + (hi - lo) * static_cast<double>(r.Uniform(1'000'000)) / 1e6);
  return out;
}

TEST(PsiTest, IsNearZeroForTheSameDistributionAndLargeForAShift) {
  const Bins b = QuantileBins(Uniform(1, 20'000, 0, 1));
  EXPECT_EQ(b.edges.size(), 9u);
  EXPECT_NEAR(b.expected[0], 0.1, 0.005);
  EXPECT_EQ(b.expected.back(), 0);  // no missing values in training
  const double same = Psi(b, Uniform(2, 5'000, 0, 1));
  EXPECT_LT(same, 0.01);
  EXPECT_EQ(PsiVerdict(same), "stable");
  const double shifted = Psi(b, Uniform(3, 5'000, 0.5, 1.5));
  EXPECT_GT(shifted, kPsiSignificant);
  EXPECT_EQ(PsiVerdict(shifted), "significant shift");
  // Missing values are a bin of their own.
  std::vector<double> with_missing = Uniform(4, 1'000, 0, 1);
  for (std::size_t i = 0; i < 300; ++i) with_missing[i] = std::nan("");
  EXPECT_GT(Psi(b, with_missing), kPsiInvestigate);
}

TEST(PsiTest, HandlesRepeatedValues) {
  const Bins b = QuantileBins({1, 1, 1, 1, 2, 2, 3, 3, 3, 3});
  EXPECT_LT(b.edges.size(), 9u);
  double total = 0;
  for (double e : b.expected) total += e;
  EXPECT_NEAR(total, 1, 1e-12);
  EXPECT_NEAR(Psi(b, {1, 1, 1, 1, 2, 2, 3, 3, 3, 3}), 0, 1e-12);
}

TEST(PsiTest, WeeklyPsiHasOnePointPerWeekAndNoneForEmptyWeeks) {
  // Two bins split at 0.5, half the training in each.
  const Bins b{{0.5}, {0.5, 0.5, 0}};
  const Instant from = *ParseRfc3339("2026-11-01T00:00:00Z");
  const Instant until = from + std::chrono::days(15);  // three weeks, the last one partial
  const auto at = [&](int days) { return from + std::chrono::days(days); };
  const std::vector<TimedScore> scores = {
      {at(0), 0.2}, {at(6), 0.9},                  // week 1: as in training
      {at(14), 0.1}, {at(14), 0.2}, {at(14), 0.3},  // week 3: all in the low bin
      {at(15), 0.9}, {from - std::chrono::seconds(1), 0.9}};  // outside the window
  const std::vector<PsiPoint> w = WeeklyPsi(b, scores, from, until);
  ASSERT_EQ(w.size(), 3u);
  EXPECT_EQ(w[0].week_start, from);
  EXPECT_EQ(w[0].count, 2u);
  ASSERT_TRUE(w[0].psi.has_value());
  EXPECT_DOUBLE_EQ(*w[0].psi, 0);
  EXPECT_EQ(w[1].week_start, at(7));
  EXPECT_EQ(w[1].count, 0u);
  EXPECT_FALSE(w[1].psi.has_value());
  EXPECT_EQ(w[2].count, 3u);
  // (1 - 0.5)·ln(1/0.5) + (1e-4 - 0.5)·ln(1e-4/0.5): the empty bin is smoothed.
  EXPECT_NEAR(*w[2].psi, 0.5 * std::log(2) + (1e-4 - 0.5) * std::log(1e-4 / 0.5), 1e-12);
  EXPECT_TRUE(WeeklyPsi(b, {}, from, until)[0].count == 0);
}

}  // namespace
}  // namespace tranche::ml
