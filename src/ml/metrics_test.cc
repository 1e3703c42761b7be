#include <gtest/gtest.h>

#include <cmath>

#include "ml/metrics.h"

namespace tranche::ml {
namespace {

TEST(MetricsTest, MatchHandComputedValues) {
  const std::vector<float> y = {0, 0, 1, 1};
  EXPECT_DOUBLE_EQ(Auc({0.1, 0.4, 0.35, 0.8}, y), 0.75);
  EXPECT_DOUBLE_EQ(Auc({0.5, 0.5, 0.5, 0.5}, y), 0.5);  // ties count one half
  EXPECT_DOUBLE_EQ(Ks({0.1, 0.4, 0.35, 0.8}, y), 0.5);
  EXPECT_DOUBLE_EQ(Brier({0, 0, 1, 1}, y), 0);
  EXPECT_DOUBLE_EQ(Brier({0.5, 0.5, 0.5, 0.5}, y), 0.25);
  const auto table = CalibrationTable({0.1, 0.2, 0.3, 0.4}, y, 2);
  ASSERT_EQ(table.size(), 2u);
  EXPECT_EQ(table[0].count, 2u);
  EXPECT_DOUBLE_EQ(table[0].observed_rate, 0);
  EXPECT_DOUBLE_EQ(table[1].mean_pd, 0.35);
}

TEST(MetricsTest, AveragePrecisionMatchesHandComputedValues) {
  // Ranked 0.8(1) 0.4(0) 0.35(1) 0.1(0): precision 1 at recall ½, then ⅔ at recall 1.
  EXPECT_DOUBLE_EQ(AveragePrecision({0.1, 0.4, 0.35, 0.8}, {0, 0, 1, 1}), 0.5 * 1 + 0.5 * 2.0 / 3);
  EXPECT_DOUBLE_EQ(AveragePrecision({0.9, 0.8, 0.1}, {1, 1, 0}), 1);
  // One tied threshold holding everything: precision is the base rate.
  EXPECT_DOUBLE_EQ(AveragePrecision({0.5, 0.5, 0.5, 0.5}, {0, 1, 0, 0}), 0.25);
  // Ties are one threshold: the positive tied with a negative gets precision ½.
  EXPECT_DOUBLE_EQ(AveragePrecision({0.9, 0.7, 0.7}, {1, 0, 1}), 0.5 * 1 + 0.5 * 2.0 / 3);
}

TEST(MetricsTest, RocCurveWalksTheDistinctScores) {
  // Ranked 0.8(1) 0.4(0) 0.35(1) 0.1(0).
  const auto roc = RocCurve({0.1, 0.4, 0.35, 0.8}, {0, 0, 1, 1});
  ASSERT_EQ(roc.size(), 5u);
  const double expected[5][2] = {{0, 0}, {0, 0.5}, {0.5, 0.5}, {0.5, 1}, {1, 1}};
  for (std::size_t i = 0; i < 5; ++i) {
    EXPECT_DOUBLE_EQ(roc[i].fpr, expected[i][0]) << i;
    EXPECT_DOUBLE_EQ(roc[i].tpr, expected[i][1]) << i;
  }
  // Tied scores are one step: both rates move together.
  const auto tied = RocCurve({0.5, 0.5, 0.2}, {1, 0, 0});
  ASSERT_EQ(tied.size(), 3u);
  EXPECT_DOUBLE_EQ(tied[1].fpr, 0.5);
  EXPECT_DOUBLE_EQ(tied[1].tpr, 1);
}

TEST(MetricsTest, RocCurveIsThinnedKeepingBothEnds) {
  std::vector<double> scores;
  std::vector<float> labels;
  for (int i = 0; i < 1000; ++i) {
    scores.push_back(i);
    labels.push_back(i % 3 == 0 ? 1 : 0);
  }
  const auto roc = RocCurve(scores, labels, 11);
  ASSERT_EQ(roc.size(), 11u);
  EXPECT_DOUBLE_EQ(roc.front().fpr, 0);
  EXPECT_DOUBLE_EQ(roc.front().tpr, 0);
  EXPECT_DOUBLE_EQ(roc.back().fpr, 1);
  EXPECT_DOUBLE_EQ(roc.back().tpr, 1);
  for (std::size_t i = 1; i < roc.size(); ++i) {
    EXPECT_GE(roc[i].fpr, roc[i - 1].fpr);
    EXPECT_GE(roc[i].tpr, roc[i - 1].tpr);
  }
  EXPECT_EQ(RocCurve(scores, labels).size(), kMaxRocPoints);
}

TEST(MetricsTest, CurvesNeedBothClassesForTheRoc) {
  const Curves both = MeasureCurves({0.1, 0.4, 0.35, 0.8}, {0, 0, 1, 1});
  EXPECT_EQ(both.rows, 4u);
  EXPECT_EQ(both.positives, 2u);
  ASSERT_TRUE(both.auc.has_value());
  EXPECT_DOUBLE_EQ(*both.auc, 0.75);
  EXPECT_EQ(both.roc.size(), 5u);
  EXPECT_EQ(both.calibration.size(), 4u);
  const Curves one_class = MeasureCurves({0.1, 0.4}, {0, 0}, false);
  EXPECT_FALSE(one_class.auc.has_value());
  EXPECT_TRUE(one_class.roc.empty());
  EXPECT_TRUE(one_class.calibration.empty());
  const Curves none = MeasureCurves({}, {});
  EXPECT_EQ(none.rows, 0u);
  EXPECT_TRUE(none.calibration.empty());
}

TEST(MetricsTest, PlattRecoversAKnownLogisticRelation) {
  // Labels drawn so that P(y=1 | m) = sigmoid(2m - 1) exactly, in proportion.
  std::vector<double> margins;
  std::vector<float> labels;
  for (int i = -30; i <= 30; ++i) {
    const double m = i / 10.0;
    const double p = 1 / (1 + std::exp(-(2 * m - 1)));
    const int ones = static_cast<int>(std::lround(p * 200));
    for (int k = 0; k < 200; ++k) {
      margins.push_back(m);
      labels.push_back(k < ones ? 1 : 0);
    }
  }
  const Platt p = FitPlatt(margins, labels);
  EXPECT_NEAR(p.a, 2, 0.05);
  EXPECT_NEAR(p.b, -1, 0.05);
}

}  // namespace
}  // namespace tranche::ml
