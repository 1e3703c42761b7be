#include "core/money.h"

#include <gtest/gtest.h>

#include <numeric>

namespace tranche {
namespace {

TEST(MoneyTest, AddsAndSubtractsInOneCurrency) {
  Money a(12999, Currency::kUSD), b(1, Currency::kUSD);
  EXPECT_EQ(a.Plus(b)->minor(), 13000);
  EXPECT_EQ(a.Minus(b)->minor(), 12998);
  EXPECT_EQ(b.Minus(a)->minor(), -12998);
}

TEST(MoneyTest, RefusesCurrencyMixing) {
  auto r = Money(100, Currency::kUSD).Plus(Money(100, Currency::kEUR));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), "currency_mismatch");
  EXPECT_FALSE(Money(1, Currency::kGBP).Minus(Money(1, Currency::kSEK)).ok());
}

TEST(MoneyTest, RefusesOverflow) {
  const Money max(INT64_MAX, Currency::kUSD), min(INT64_MIN, Currency::kUSD);
  EXPECT_EQ(max.Plus(Money(1, Currency::kUSD)).status().code(), "amount_overflow");
  EXPECT_EQ(min.Minus(Money(1, Currency::kUSD)).status().code(), "amount_overflow");
  EXPECT_EQ(min.Negated().status().code(), "amount_overflow");
  EXPECT_EQ(max.Times(2).status().code(), "amount_overflow");
  EXPECT_EQ(max.Negated()->minor(), -INT64_MAX);
}

TEST(MoneyTest, SplitGivesEveryLeftoverUnitToTheFirstPart) {
  auto parts = Money(10001, Currency::kUSD).Split(4);
  ASSERT_TRUE(parts.ok());
  EXPECT_EQ((*parts)[0].minor(), 2501);
  EXPECT_EQ((*parts)[1].minor(), 2500);
  EXPECT_EQ((*parts)[3].minor(), 2500);
  auto three = Money(10003, Currency::kUSD).Split(4);
  EXPECT_EQ((*three)[0].minor(), 2503);
  EXPECT_EQ((*three)[1].minor(), 2500);
  EXPECT_EQ((*three)[3].minor(), 2500);
}

TEST(MoneyTest, SplitAlwaysAddsUpWithOnlyTheFirstPartLarger) {
  for (std::int64_t amount : {0LL, 1LL, 3LL, 99LL, 12999LL, 150000LL, 1000000000001LL}) {
    for (int n = 1; n <= 24; ++n) {
      auto parts = Money(amount, Currency::kEUR).Split(n);
      ASSERT_TRUE(parts.ok());
      std::int64_t sum = 0;
      for (std::size_t i = 0; i < parts->size(); ++i) {
        const Money m = (*parts)[i];
        sum += m.minor();
        EXPECT_EQ(m.currency(), Currency::kEUR);
        EXPECT_EQ(m.minor(), i == 0 ? amount / n + amount % n : amount / n);
      }
      EXPECT_EQ(sum, amount);
    }
  }
}

TEST(MoneyTest, SplitRefusesBadInput) {
  EXPECT_FALSE(Money(100, Currency::kUSD).Split(0).ok());
  EXPECT_FALSE(Money(100, Currency::kUSD).Split(1001).ok());
  EXPECT_FALSE(Money(-100, Currency::kUSD).Split(2).ok());
}

TEST(MoneyTest, ParsesOnlyKnownCurrencyCodes) {
  EXPECT_EQ(ParseCurrency("SEK"), Currency::kSEK);
  EXPECT_FALSE(ParseCurrency("usd"));
  EXPECT_FALSE(ParseCurrency("XXX"));
  EXPECT_FALSE(ParseCurrency(""));
}

TEST(MoneyTest, ReferenceRatesMakeAmountsComparableAcrossCurrencies) {
  EXPECT_EQ(ToUsdReferenceMinor(Money(12'999, Currency::kUSD)), 12'999);
  EXPECT_EQ(ToUsdReferenceMinor(Money(105'000, Currency::kSEK)), 10'000);  // 1,050 kr is $100
  EXPECT_EQ(ToUsdReferenceMinor(Money(9'200, Currency::kEUR)), 10'000);
  EXPECT_EQ(ToUsdReferenceMinor(Money(1'049, Currency::kSEK)), 99);  // rounded down
  EXPECT_EQ(ToUsdReferenceMinor(Money(0, Currency::kGBP)), 0);
  // The largest input amount in the currency worth least per unit stays in range.
  EXPECT_EQ(ToUsdReferenceMinor(Money(kMaxInputAmountMinor, Currency::kSEK)), kMaxInputAmountMinor * 100 / 1050);
  for (const Currency c : kAllCurrencies) {
    // $100 worth of each currency reads as $100.
    EXPECT_EQ(ToUsdReferenceMinor(Money(ReferenceUnitsPerUsdX100(c) * 100, c)), 10'000) << CurrencyCode(c);
  }
}

TEST(MoneyTest, Formats) {
  EXPECT_EQ(FormatMoney(Money(12999, Currency::kUSD)), "129.99 USD");
  EXPECT_EQ(FormatMoney(Money(-5, Currency::kEUR)), "-0.05 EUR");
  EXPECT_EQ(FormatMoney(Money(INT64_MIN, Currency::kUSD)), "-92233720368547758.08 USD");
}

}  // namespace
}  // namespace tranche
