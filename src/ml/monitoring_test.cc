#include "ml/monitoring.h"

#include <gtest/gtest.h>

#include <cmath>

namespace tranche::ml {
namespace {

TEST(MonitorLiveTest, MeasuresTheWindowsRowsAndTheKnownOutcomes) {
  const Instant from = *ParseRfc3339("2026-11-01T00:00:00Z");
  const Instant until = from + std::chrono::days(14);
  const auto at = [&](int days) { return from + std::chrono::days(days); };
  const Bins baseline{{50}, {0.5, 0.5, 0}};  // scores 0-99 split at 50
  const std::vector<ScoredRow> rows = {
      {at(0), 80, true}, {at(1), 40, false}, {at(2), 35, true}, {at(3), 10, false},  // AUC 0.75
      {at(8), 20, std::nullopt},                                                     // outcome unknown
      {at(20), 99, true}};                                                           // after the window
  const LiveMonitoring live = MonitorLive(baseline, rows, from, until, 0.01);
  EXPECT_EQ(live.scored, 5u);
  ASSERT_EQ(live.psi.size(), 2u);
  EXPECT_EQ(live.psi[0].count, 4u);
  // Three of four at or below 50 where training had half: 0.25·ln(1.5) + 0.25·ln(2).
  EXPECT_NEAR(*live.psi[0].psi, 0.25 * std::log(1.5) + 0.25 * std::log(2), 1e-12);
  EXPECT_EQ(live.psi[1].count, 1u);
  EXPECT_EQ(live.outcomes.rows, 4u);
  EXPECT_EQ(live.outcomes.positives, 2u);
  ASSERT_TRUE(live.outcomes.auc.has_value());
  EXPECT_DOUBLE_EQ(*live.outcomes.auc, 0.75);
  ASSERT_EQ(live.outcomes.calibration.size(), 4u);
  EXPECT_DOUBLE_EQ(live.outcomes.calibration[0].mean_pd, 0.10);  // the score as a probability

  const LiveMonitoring no_baseline = MonitorLive(std::nullopt, rows, from, until, 0);
  EXPECT_TRUE(no_baseline.psi.empty());
  EXPECT_TRUE(no_baseline.outcomes.calibration.empty());
  EXPECT_EQ(no_baseline.outcomes.roc.size(), 5u);

  const LiveMonitoring empty = MonitorLive(baseline, {}, from, until, 1);
  EXPECT_EQ(empty.scored, 0u);
  EXPECT_EQ(empty.psi.size(), 2u);
  EXPECT_FALSE(empty.outcomes.auc.has_value());
}

}  // namespace
}  // namespace tranche::ml
