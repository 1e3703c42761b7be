#include "risk/decision_summary.h"

#include <gtest/gtest.h>

namespace tranche::risk {
namespace {

DecisionRecord Made(const char* date, Outcome outcome, std::vector<Reason> reasons = {}) {
  const Currency c = Currency::kUSD;
  DecisionRequest req{lending::DefaultTerms(lending::ProductKind::kPayIn4, c), Money(10000, c), *ParseDate(date),
                      *ParseDate("1985-01-01"), Exposure{Money::Zero(c), Money::Zero(c), std::nullopt, false, 0}, true,
                      std::nullopt};
  Decision d{outcome, std::move(reasons), Money(60000, c), 0, "policy", std::nullopt};
  const Instant at = std::chrono::sys_days(*ParseDate(date)) + std::chrono::hours(13);
  return {"dec_x", "cs", "mer", "con", std::move(req), std::move(d), at};
}

const Reason kOverdue{"overdue_balance", "You have a payment overdue"};
const Reason kLimit{"insufficient_limit", "The purchase is above your limit"};

TEST(DecisionSummaryTest, CountsPerDayWithEveryDateAndPrincipalReasons) {
  const std::vector<DecisionRecord> records = {
      Made("2026-11-01", Outcome::kApproved),
      Made("2026-11-01", Outcome::kDeclined, {kLimit, kOverdue}),
      Made("2026-11-03", Outcome::kDeclined, {kOverdue}),
      Made("2026-11-03", Outcome::kDeclined, {kOverdue, kLimit}),
      Made("2026-11-03", Outcome::kApproved),
      Made("2026-10-31", Outcome::kApproved),  // before the period
      Made("2026-11-04", Outcome::kDeclined, {kOverdue}),  // after it
  };
  const DecisionSummary s = SummarizeDecisions(records, *ParseDate("2026-11-01"), *ParseDate("2026-11-03"), false);
  EXPECT_EQ(s.approved, 2u);
  EXPECT_EQ(s.declined, 3u);
  ASSERT_EQ(s.days.size(), 3u);
  EXPECT_EQ(FormatDate(s.days[0].date), "2026-11-01");
  EXPECT_EQ(s.days[0].approved, 1u);
  EXPECT_EQ(s.days[0].declined, 1u);
  EXPECT_EQ(s.days[1].approved + s.days[1].declined, 0u);  // a quiet day is still there
  EXPECT_EQ(s.days[2].approved, 1u);
  EXPECT_EQ(s.days[2].declined, 2u);
  ASSERT_EQ(s.decline_reasons.size(), 2u);
  EXPECT_EQ(s.decline_reasons[0].code, "overdue_balance");
  EXPECT_EQ(s.decline_reasons[0].count, 2u);
  EXPECT_EQ(s.decline_reasons[0].message, kOverdue.message);
  EXPECT_EQ(s.decline_reasons[1].code, "insufficient_limit");
  EXPECT_EQ(s.decline_reasons[1].count, 1u);
}

TEST(DecisionSummaryTest, EmptyPeriodHasZeroDays) {
  const DecisionSummary s = SummarizeDecisions({}, *ParseDate("2026-12-01"), *ParseDate("2026-12-01"), true);
  ASSERT_EQ(s.days.size(), 1u);
  EXPECT_EQ(s.approved + s.declined, 0u);
  EXPECT_TRUE(s.decline_reasons.empty());
  EXPECT_TRUE(s.truncated);
}

}  // namespace
}  // namespace tranche::risk
