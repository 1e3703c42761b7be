// Fraud decisions per day laid over a range of dates (pure).
#include "ops/fraud_summary.h"

#include <gtest/gtest.h>

namespace tranche::ops {
namespace {

Date D(const char* s) { return *ParseDate(s); }

TEST(FraudSummaryTest, EveryDateOfTheRangeWithZerosAndTotalsOfTheRangeOnly) {
  const DateRange range{D("2026-02-27"), D("2026-03-02")};  // across the month's end
  const std::vector<fraud::DecisionDayCounts> counted = {
      {D("2026-02-26"), {9, 9, 9, 9, 0, 0}},  // before the range
      {D("2026-02-28"), {3, 2, 1, 1, 1, 0}},
      {D("2026-03-02"), {0, 1, 0, 0, 0, 1}},
      {D("2026-03-03"), {7, 0, 0, 0, 0, 0}},  // after it
  };
  const FraudDecisionSummary s = SpreadOverRange(counted, range);
  ASSERT_EQ(s.days.size(), 4u);
  EXPECT_EQ(s.days[0].date, D("2026-02-27"));
  EXPECT_EQ(s.days[0].counts, fraud::DecisionCounts{});
  EXPECT_EQ(s.days[1].counts, (fraud::DecisionCounts{3, 2, 1, 1, 1, 0}));
  EXPECT_EQ(s.days[2].date, D("2026-03-01"));
  EXPECT_EQ(s.days[2].counts, fraud::DecisionCounts{});
  EXPECT_EQ(s.days[3].counts, (fraud::DecisionCounts{0, 1, 0, 0, 0, 1}));
  EXPECT_EQ(s.total, (fraud::DecisionCounts{3, 3, 1, 1, 1, 1}));
  EXPECT_EQ(s.total.decisions(), 7);
}

TEST(FraudSummaryTest, OneQuietDay) {
  const FraudDecisionSummary s = SpreadOverRange({}, {D("2026-12-01"), D("2026-12-01")});
  ASSERT_EQ(s.days.size(), 1u);
  EXPECT_EQ(s.days[0].date, D("2026-12-01"));
  EXPECT_EQ(s.total.decisions(), 0);
}

}  // namespace
}  // namespace tranche::ops
