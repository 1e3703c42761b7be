#include "lending/schedule.h"

#include <gtest/gtest.h>

namespace tranche::lending {
namespace {

Date D(const char* s) { return *ParseDate(s); }
Money Usd(std::int64_t minor) { return Money(minor, Currency::kUSD); }

TEST(ScheduleTest, PayIn4SplitsEvenlyWithLeftoverFirstEvery14Days) {
  auto s = BuildSchedule(ProductKind::kPayIn4, Usd(10003), D("2026-11-26"), 0);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  ASSERT_EQ(s->installments.size(), 4u);
  const std::int64_t amounts[] = {2503, 2500, 2500, 2500};
  const char* dates[] = {"2026-11-26", "2026-12-10", "2026-12-24", "2027-01-07"};
  for (int i = 0; i < 4; ++i) {
    EXPECT_EQ(s->installments[i].amount.minor(), amounts[i]);
    EXPECT_EQ(FormatDate(s->installments[i].due_date), dates[i]);
    EXPECT_TRUE(s->installments[i].interest.is_zero());
  }
  EXPECT_EQ(s->total_of_payments.minor(), 10003);
  EXPECT_TRUE(s->finance_charge.is_zero());
}

TEST(ScheduleTest, PayIn30IsOnePaymentThirtyDaysLater) {
  auto s = BuildSchedule(ProductKind::kPayIn30, Usd(4999), D("2026-02-15"), 0);
  ASSERT_TRUE(s.ok());
  ASSERT_EQ(s->installments.size(), 1u);
  EXPECT_EQ(FormatDate(s->installments[0].due_date), "2026-03-17");
  EXPECT_EQ(s->installments[0].amount.minor(), 4999);
}

// Computed independently with exact rational arithmetic: 1,000.00 at 10 % APR over 12
// months pays 87.92 a month (the textbook figure); the last payment absorbs the
// rounding; interest totals 54.99. Each instalment shows the rounded cumulative
// interest less what the earlier ones showed.
TEST(ScheduleTest, Financing12At10PercentMatchesTheHandSchedule) {
  auto s = BuildSchedule(ProductKind::kFinancing12, Usd(100000), D("2026-01-15"), 1000);
  ASSERT_TRUE(s.ok());
  const std::int64_t interest[] = {833, 767, 700, 633, 565, 496, 427, 357, 287, 217, 144, 73};
  ASSERT_EQ(s->installments.size(), 12u);
  for (int i = 0; i < 12; ++i) {
    EXPECT_EQ(s->installments[i].interest.minor(), interest[i]) << i;
    EXPECT_EQ(s->installments[i].amount.minor(), i < 11 ? 8792 : 8787) << i;
  }
  EXPECT_EQ(FormatDate(s->installments[0].due_date), "2026-02-15");
  EXPECT_EQ(FormatDate(s->installments[11].due_date), "2027-01-15");
  EXPECT_EQ(s->finance_charge.minor(), 5499);
  EXPECT_EQ(s->total_of_payments.minor(), 105499);
  EXPECT_EQ(s->amount_financed.minor(), 100000);
}

TEST(ScheduleTest, FinancingAtTheCapMatchesTheHandSchedule) {
  auto s = BuildSchedule(ProductKind::kFinancing6, Usd(500000), D("2026-03-01"), 3599);
  ASSERT_TRUE(s.ok());
  const std::int64_t amounts[] = {92296, 92296, 92296, 92296, 92296, 92297};
  const std::int64_t interest[] = {14996, 12677, 10290, 7830, 5297, 2687};
  for (int i = 0; i < 6; ++i) {
    EXPECT_EQ(s->installments[i].amount.minor(), amounts[i]) << i;
    EXPECT_EQ(s->installments[i].interest.minor(), interest[i]) << i;
  }
}

TEST(ScheduleTest, ZeroAprFinancingIsEqualPartsWithTheRemainderLast) {
  auto s = BuildSchedule(ProductKind::kFinancing12, Usd(100000), D("2026-01-10"), 0);
  ASSERT_TRUE(s.ok());
  for (int i = 0; i < 11; ++i) EXPECT_EQ(s->installments[i].amount.minor(), 8333);
  EXPECT_EQ(s->installments[11].amount.minor(), 8337);
  EXPECT_TRUE(s->finance_charge.is_zero());
  EXPECT_EQ(ActuarialAprPercent(*s), 0.0);
}

TEST(ScheduleTest, RefusesAprAboveTheCapAndInterestOnPayInProducts) {
  EXPECT_EQ(BuildSchedule(ProductKind::kFinancing24, Usd(500000), D("2026-01-01"), 3600)
                .status().code(), "invalid_apr");
  EXPECT_TRUE(BuildSchedule(ProductKind::kFinancing24, Usd(500000), D("2026-01-01"), 3599).ok());
  EXPECT_EQ(BuildSchedule(ProductKind::kPayIn4, Usd(10000), D("2026-01-01"), 100).status().code(),
            "invalid_apr");
  EXPECT_EQ(BuildSchedule(ProductKind::kPayIn4, Usd(399), D("2026-01-01"), 0).status().code(),
            "invalid_amount");
}

TEST(ScheduleTest, MonthlyDueDatesClampToMonthEnd) {
  EXPECT_EQ(FormatDate(AddMonthsClamped(D("2026-01-31"), 1)), "2026-02-28");
  EXPECT_EQ(FormatDate(AddMonthsClamped(D("2026-01-31"), 2)), "2026-03-31");
  EXPECT_EQ(FormatDate(AddMonthsClamped(D("2026-01-31"), 3)), "2026-04-30");
  EXPECT_EQ(FormatDate(AddMonthsClamped(D("2027-12-31"), 2)), "2028-02-29");
  EXPECT_EQ(FormatDate(AddMonthsClamped(D("2026-11-26"), 14)), "2028-01-26");
  auto s = BuildSchedule(ProductKind::kFinancing6, Usd(30000), D("2026-08-31"), 1999);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(FormatDate(s->installments[0].due_date), "2026-09-30");
  EXPECT_EQ(FormatDate(s->installments[1].due_date), "2026-10-31");
  EXPECT_EQ(FormatDate(s->installments[5].due_date), "2027-02-28");
}

// Across terms, amounts and rates: principal adds up to the amount, payments to the
// disclosed total, and the APR recomputed from the rounded schedule matches the stated
// APR within 0.01 percentage points.
TEST(ScheduleTest, DisclosuresHoldAcrossTheRange) {
  for (ProductKind p : {ProductKind::kFinancing6, ProductKind::kFinancing12, ProductKind::kFinancing24}) {
    for (std::int64_t amount : {20000LL, 20001LL, 99999LL, 123457LL, 1000000LL}) {
      for (std::int64_t apr : {1LL, 99LL, 500LL, 1299LL, 2499LL, 3599LL}) {
        auto s = BuildSchedule(p, Usd(amount), D("2026-05-31"), apr);
        ASSERT_TRUE(s.ok());
        std::int64_t principal = 0, paid = 0, interest = 0;
        for (const auto& i : s->installments) {
          principal += i.principal.minor();
          paid += i.amount.minor();
          interest += i.interest.minor();
          EXPECT_GT(i.amount.minor(), 0);
        }
        EXPECT_EQ(principal, amount);
        EXPECT_EQ(paid, s->total_of_payments.minor());
        EXPECT_EQ(interest, s->finance_charge.minor());
        EXPECT_EQ(s->total_of_payments.minor(), amount + s->finance_charge.minor());
        if (!s->finance_charge.is_zero()) {
          EXPECT_NEAR(ActuarialAprPercent(*s), static_cast<double>(apr) / 100.0, 0.01)
              << ProductName(p) << " " << amount << " " << apr;
        }
      }
    }
  }
}

TEST(ProductTest, DefaultLimitsFollowTheProductBriefInEveryCurrency) {
  const auto usd = DefaultTerms(ProductKind::kPayIn4, Currency::kUSD);
  EXPECT_EQ(usd.min_amount.minor(), 3500);
  EXPECT_EQ(usd.max_amount.minor(), 150000);
  EXPECT_TRUE(CheckAmount(usd, Usd(3500)).ok());
  EXPECT_EQ(CheckAmount(usd, Usd(3499)).code(), "amount_outside_product_limits");
  EXPECT_EQ(CheckAmount(usd, Usd(150001)).code(), "amount_outside_product_limits");
  EXPECT_EQ(CheckAmount(usd, Money(5000, Currency::kEUR)).code(), "currency_not_offered");
  const auto sek = DefaultTerms(ProductKind::kFinancing12, Currency::kSEK);
  EXPECT_EQ(sek.min_amount.minor(), 210000);   // 200 USD ≈ 2,100 SEK
  EXPECT_EQ(sek.max_amount.minor(), 10500000);
  EXPECT_EQ(sek.max_apr_bps, 3599);
  EXPECT_EQ(ParseProduct("financing_24"), ProductKind::kFinancing24);
  EXPECT_FALSE(ParseProduct("pay_in_5"));
}

}  // namespace
}  // namespace tranche::lending
