#include "fraud/stream_training.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "fraud/features.h"

namespace tranche::fraud {
namespace {

// Rows of the engine's catalogue with only `amount` known: every fifth row is a fraud
// of a large amount, except `noisy_frauds` of them that look ordinary.
ml::Matrix AmountRows(std::size_t n, std::size_t noisy_frauds) {
  const std::size_t width = FeatureEngine::width();
  const std::size_t amount = *FeatureEngine::catalogue().Find("amount");
  ml::Matrix m{n, width, std::vector<float>(n * width, std::numeric_limits<float>::quiet_NaN()), {}, {}};
  for (std::size_t r = 0; r < n; ++r) {
    const bool fraud = r % 5 == 0;
    const bool looks_ordinary = fraud && r / 5 < noisy_frauds;
    m.values[r * width + amount] = static_cast<float>((fraud && !looks_ordinary ? 50'000 : 1'000) + (r * 37) % 900);
    m.labels.push_back(fraud ? 1.0F : 0.0F);
  }
  return m;
}

TEST(EvaluateOnRowsTest, ScoresRowsTheModelNeverSawAndCountsWhatItsThresholdsCatch) {
  auto trained = TrainOnRows(AmountRows(400, 0), FeatureEngine::catalogue(), 7 * kDayS, FraudTrainOptions{});
  ASSERT_TRUE(trained.ok()) << trained.status().ToString();
  // 40 frauds, 4 of which look ordinary: those rank among the legitimate rows.
  auto e = EvaluateOnRows(trained->model, AmountRows(200, 4));
  ASSERT_TRUE(e.ok()) << e.status().ToString();
  EXPECT_EQ(e->rows, 200u);
  EXPECT_EQ(e->frauds, 40u);
  EXPECT_GT(e->auc, 0.85);
  EXPECT_LT(e->auc, 0.99);
  EXPECT_GT(e->average_precision, 0.85);
  EXPECT_LT(e->average_precision, 0.99);
  EXPECT_EQ(e->frauds_reviewed, 36u);
  EXPECT_EQ(e->reviewed, 36u);
  EXPECT_LE(e->frauds_blocked, e->frauds_reviewed);
}

TEST(EvaluateOnRowsTest, RowsOfOneClassAreRefused) {
  auto trained = TrainOnRows(AmountRows(400, 0), FeatureEngine::catalogue(), 7 * kDayS, FraudTrainOptions{});
  ASSERT_TRUE(trained.ok());
  ml::Matrix legitimate = AmountRows(200, 0);
  for (float& label : legitimate.labels) label = 0.0F;
  auto e = EvaluateOnRows(trained->model, legitimate);
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.status().code(), "too_few_rows");
}

}  // namespace
}  // namespace tranche::fraud
