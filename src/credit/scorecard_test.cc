// The WoE logistic scorecard: binning, evidence in the right direction, exact
// contributions, missing values, determinism.
#include <gtest/gtest.h>

#include <cmath>

#include "core/random.h"
#include "ml/metrics.h"
#include "credit/scorecard.h"

namespace tranche::credit {
namespace {

// Columns: months late (0-4, drives default), a balance (0-10,000, mildly), noise
// (sometimes missing).
Matrix Synthetic(std::uint64_t seed, std::size_t rows = 3000) {
  SeededRandom r(seed);
  Matrix m{rows, 3, {}, {}, {}};
  for (std::size_t i = 0; i < rows; ++i) {
    const float late = static_cast<float>(r.Uniform(5));
    const float balance = static_cast<float>(r.Uniform(10'000));
    const float noise = r.Uniform(10) == 0 ? std::nanf("") : static_cast<float>(r.Uniform(100));
    const double p = 1 / (1 + std::exp(-(-2.5 + 1.0 * late + 0.0001 * balance)));
    m.values.insert(m.values.end(), {late, balance, noise});
    m.labels.push_back(static_cast<double>(r.Uniform(1'000'000)) / 1e6 < p ? 1.0F : 0.0F);
  }
  return m;
}

TEST(ScorecardTest, BinsFewValuesOneEachAndManyByQuantile) {
  const Scorecard card = FitScorecard(Synthetic(1));
  ASSERT_EQ(card.inputs.size(), 3u);
  EXPECT_EQ(card.inputs[0].edges, (std::vector<float>{1, 2, 3, 4}));  // each status its own bin
  EXPECT_EQ(card.inputs[1].edges.size(), kScorecardBins - 1);
  for (const ScorecardInput& in : card.inputs) EXPECT_EQ(in.woe.size(), in.edges.size() + 2);
}

TEST(ScorecardTest, LearnsTheEvidenceAndRanksFreshData) {
  const Scorecard card = FitScorecard(Synthetic(1));
  // More months late is more evidence of default, bin by bin.
  for (float late = 1; late <= 4; ++late) EXPECT_GT(card.inputs[0].Woe(late), card.inputs[0].Woe(late - 1));
  EXPECT_GT(card.inputs[0].weight, 0.5);
  const Matrix fresh = Synthetic(2);
  std::vector<double> margins;
  for (std::size_t r = 0; r < fresh.rows; ++r) margins.push_back(card.Margin(fresh.values.data() + r * fresh.cols));
  EXPECT_GT(ml::Auc(margins, fresh.labels), 0.75);
}

TEST(ScorecardTest, ContributionsAreExactAndMissingAndUnseenValuesAreHandled) {
  const Scorecard card = FitScorecard(Synthetic(1));
  for (const std::vector<float>& row : {std::vector<float>{4, 9000, 50}, std::vector<float>{0, 10, std::nanf("")},
                                        std::vector<float>{99, -5, 1e9F}}) {
    double phi[4];
    card.Contributions(row.data(), phi);
    EXPECT_NEAR(phi[0] + phi[1] + phi[2] + phi[3], card.Margin(row.data()), 1e-12);
    EXPECT_TRUE(std::isfinite(card.Margin(row.data())));
  }
  // An input never missing in training gives a missing value no evidence.
  EXPECT_EQ(card.inputs[0].Woe(std::nanf("")), 0);
}

TEST(ScorecardTest, MonotoneInputsNeverLowerTheMarginAsTheyRise) {
  // Against the evidence: months late may only lower the PD. Its WoE is pooled flat
  // rather than reversed, and its weight stays ≥ 0.
  const Scorecard card = FitScorecard(Synthetic(1), {-1, +1, 0});
  for (float late = 1; late <= 4; ++late) EXPECT_LE(card.inputs[0].Woe(late), card.inputs[0].Woe(late - 1));
  EXPECT_GE(card.inputs[0].weight, 0);
  EXPECT_GE(card.inputs[1].weight, 0);
  double last = -1e300;
  for (float balance = 0; balance <= 10'000; balance += 250) {
    const float row[] = {2, balance, 50};
    EXPECT_GE(card.Margin(row), last) << balance;
    last = card.Margin(row);
  }
}

TEST(ScorecardTest, IsDeterministic) {
  const Scorecard a = FitScorecard(Synthetic(3)), b = FitScorecard(Synthetic(3));
  EXPECT_EQ(a.bias, b.bias);
  for (std::size_t j = 0; j < a.inputs.size(); ++j) {
    EXPECT_EQ(a.inputs[j].weight, b.inputs[j].weight);
    EXPECT_EQ(a.inputs[j].woe, b.inputs[j].woe);
  }
}

}  // namespace
}  // namespace tranche::credit
