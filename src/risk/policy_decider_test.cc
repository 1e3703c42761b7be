#include "risk/policy_decider.h"

#include <gtest/gtest.h>

namespace tranche::risk {
namespace {

Money Usd(std::int64_t minor) { return Money(minor, Currency::kUSD); }

DecisionRequest Clean(lending::ProductKind product = lending::ProductKind::kPayIn4,
                      std::int64_t amount = 20000) {
  return DecisionRequest{lending::DefaultTerms(product, Currency::kUSD), Usd(amount),
                         *ParseDate("2026-11-26"), *ParseDate("1990-04-01"),
                         Exposure{Usd(0), Usd(0), std::nullopt, false, 0}, true, std::nullopt};
}

std::vector<std::string> Codes(const Decision& d) {
  std::vector<std::string> out;
  for (const auto& r : d.reasons) out.push_back(r.code);
  return out;
}

TEST(PolicyDeciderTest, ApprovesACleanNewConsumerWithTheStartingLimit) {
  const Decision d = PolicyDecider().Decide(Clean());
  EXPECT_EQ(d.outcome, Outcome::kApproved);
  EXPECT_TRUE(d.reasons.empty());
  EXPECT_EQ(d.credit_limit, Usd(60000));
  EXPECT_EQ(d.decider_version, "policy-1");
  EXPECT_EQ(d.apr_bps, 0);
}

TEST(PolicyDeciderTest, FinancingGetsTheConfiguredAprWithinTerms) {
  auto r = Clean(lending::ProductKind::kFinancing12, 50000);
  EXPECT_EQ(PolicyDecider().Decide(r).apr_bps, 1999);
  r.terms.max_apr_bps = 999;  // a merchant that caps APR lower
  EXPECT_EQ(PolicyDecider().Decide(r).apr_bps, 999);
}

TEST(PolicyDeciderTest, AgeCountsWholeYearsToTheBirthday) {
  const Date today = *ParseDate("2026-11-26");
  EXPECT_EQ(AgeInYears(*ParseDate("2008-11-26"), today), 18);
  EXPECT_EQ(AgeInYears(*ParseDate("2008-11-27"), today), 17);
  EXPECT_EQ(AgeInYears(*ParseDate("2008-02-29"), *ParseDate("2026-02-28")), 17);
  auto r = Clean();
  r.date_of_birth = *ParseDate("2008-11-27");
  EXPECT_EQ(Codes(PolicyDecider().Decide(r)), std::vector<std::string>{"underage"});
  r.date_of_birth = *ParseDate("2008-11-26");
  EXPECT_EQ(PolicyDecider().Decide(r).outcome, Outcome::kApproved);
}

TEST(PolicyDeciderTest, DeclinesOverdueConsumers) {
  auto r = Clean();
  r.exposure.has_overdue = true;
  r.exposure.credit_limit = Usd(500000);
  const Decision d = PolicyDecider().Decide(r);
  EXPECT_EQ(d.outcome, Outcome::kDeclined);
  EXPECT_EQ(Codes(d), std::vector<std::string>{"overdue_balance"});
  EXPECT_FALSE(d.reasons[0].message.empty());
}

TEST(PolicyDeciderTest, ExposureIncludesOutstandingAndOpenAuthorizations) {
  auto r = Clean(lending::ProductKind::kPayIn4, 20000);
  r.exposure = Exposure{Usd(30000), Usd(10000), Usd(60000), false};
  EXPECT_EQ(PolicyDecider().Decide(r).outcome, Outcome::kApproved);  // exactly at the limit
  r.amount = Usd(20001);
  EXPECT_EQ(Codes(PolicyDecider().Decide(r)), std::vector<std::string>{"exceeds_available_credit"});
  r.exposure.outstanding = Money(INT64_MAX, Currency::kUSD);  // overflow never approves
  EXPECT_EQ(PolicyDecider().Decide(r).outcome, Outcome::kDeclined);
}

TEST(PolicyDeciderTest, ProductLimitsApply) {
  EXPECT_EQ(Codes(PolicyDecider().Decide(Clean(lending::ProductKind::kPayIn4, 3000))),
            std::vector<std::string>{"amount_outside_product_limits"});
}

TEST(PolicyDeciderTest, ReportsThePrincipalReasonsFirstAtMostFour) {
  auto r = Clean(lending::ProductKind::kPayIn4, 200000);  // over the product and the limit
  r.identity_consistent = false;
  r.date_of_birth = *ParseDate("2015-01-01");
  r.exposure.has_overdue = true;
  const Decision d = PolicyDecider().Decide(r);
  EXPECT_EQ(Codes(d), (std::vector<std::string>{"identity_mismatch", "underage", "overdue_balance",
                                                "amount_outside_product_limits"}));
}

TEST(PolicyDeciderTest, TheShopperSeesOnlyWhatFollowsFromWhatTheyEntered) {
  // What would tell the shopper about an email's owner reads as one generic reason.
  auto mismatch = Clean();
  mismatch.identity_consistent = false;
  auto overdue = Clean();
  overdue.exposure.has_overdue = true;
  auto over_limit = Clean(lending::ProductKind::kPayIn4, 70000);
  for (const DecisionRequest& r : {mismatch, overdue, over_limit}) {
    const Decision d = PolicyDecider().Decide(r);
    ASSERT_EQ(d.outcome, Outcome::kDeclined);
    EXPECT_EQ(Codes(Decision{d.outcome, ShopperReasons(d), d.credit_limit, 0, "", std::nullopt}),
              std::vector<std::string>{std::string(kNotApproved)});
  }
  // Their own age and the amount for the product they chose, they may act on; the
  // mismatch next to them stays hidden.
  auto underage = mismatch;
  underage.date_of_birth = *ParseDate("2010-01-01");
  const Decision d = PolicyDecider().Decide(underage);
  EXPECT_EQ(Codes(d), (std::vector<std::string>{"identity_mismatch", "underage"}));
  ASSERT_EQ(ShopperReasons(d).size(), 1u);
  EXPECT_EQ(ShopperReasons(d)[0].code, "underage");
  EXPECT_TRUE(ShopperReasons(PolicyDecider().Decide(Clean())).empty());
}

}  // namespace
}  // namespace tranche::risk
