#include "checkout/session.h"

#include <gtest/gtest.h>

#include "merchants/merchant.h"

namespace tranche::checkout {
namespace {

Money Usd(std::int64_t m) { return Money(m, Currency::kUSD); }

SessionDraft Draft() {
  return SessionDraft{Usd(25998),
                      {{"Trail shoes", 2, Usd(9999), Usd(19998)}, {"Socks", 3, Usd(2000), Usd(6000)}},
                      "order-1042", std::nullopt};
}

TEST(SessionTest, ValidDraftPasses) { EXPECT_TRUE(ValidateSession(Draft()).ok()); }

TEST(SessionTest, LinesMustAddUpAndMultiply) {
  auto d = Draft();
  d.amount = Usd(25999);
  EXPECT_EQ(ValidateSession(d).code(), "lines_do_not_add_up");
  d = Draft();
  d.lines[1].total_amount = Usd(5999);
  d.amount = Usd(25997);
  const Status st = ValidateSession(d);
  EXPECT_EQ(st.code(), "line_total_mismatch");
  EXPECT_EQ(st.param(), "order_lines[1].total_amount");
  d = Draft();
  d.lines[0].quantity = 0;
  EXPECT_EQ(ValidateSession(d).param(), "order_lines[0].quantity");
  d = Draft();
  d.lines.clear();
  EXPECT_FALSE(ValidateSession(d).ok());
  d = Draft();
  d.lines[0].unit_price = Money(9999, Currency::kEUR);
  EXPECT_EQ(ValidateSession(d).code(), "currency_mismatch");
  d = Draft();
  d.merchant_reference = "";
  EXPECT_EQ(ValidateSession(d).param(), "merchant_reference");
}

TEST(SessionTest, OffersFollowProductLimits) {
  const Date today = *ParseDate("2026-11-26");
  auto names = [&](std::int64_t amount) {
    std::vector<std::string> out;
    for (const Offer& o : OffersFor(Usd(amount), today, merchants::DefaultProducts(Currency::kUSD))) {
      out.emplace_back(lending::ProductName(o.preview.product));
    }
    return out;
  };
  EXPECT_EQ(names(2000), std::vector<std::string>{"pay_in_30"});
  EXPECT_EQ(names(25998), (std::vector<std::string>{"pay_in_4", "pay_in_30", "financing_6",
                                                    "financing_12", "financing_24"}));
  EXPECT_EQ(names(120000), (std::vector<std::string>{"pay_in_4", "financing_6", "financing_12",
                                                     "financing_24"}));
  EXPECT_TRUE(names(2000000).empty());
  const auto offers = OffersFor(Usd(25998), today, merchants::DefaultProducts(Currency::kUSD));
  // Financing states the merchant's APR range and previews its top: the decision
  // prices by risk within it, so the approved APR is never above what was shown.
  const lending::ProductTerms f6 = lending::DefaultTerms(lending::ProductKind::kFinancing6, Currency::kUSD);
  EXPECT_EQ(offers[2].min_apr_bps, f6.min_apr_bps);
  EXPECT_EQ(offers[2].max_apr_bps, f6.max_apr_bps);
  EXPECT_EQ(offers[2].preview.apr_bps, f6.max_apr_bps);
  EXPECT_EQ(offers[0].preview.installments.size(), 4u);
  EXPECT_EQ(offers[0].max_apr_bps, 0);
}

TEST(SessionTest, OffersFollowTheMerchantsTerms) {
  const Date today = *ParseDate("2026-11-26");
  // A merchant offering only financing_12, from 500.00, at 0-9.99 % APR.
  const std::vector<lending::ProductTerms> terms = {
      {lending::ProductKind::kFinancing12, Usd(50000), Usd(1000000), 0, 999}};
  EXPECT_TRUE(OffersFor(Usd(25998), today, terms).empty());
  const auto offers = OffersFor(Usd(60000), today, terms);
  ASSERT_EQ(offers.size(), 1u);
  EXPECT_EQ(offers[0].preview.product, lending::ProductKind::kFinancing12);
  EXPECT_EQ(offers[0].min_apr_bps, 0);
  EXPECT_EQ(offers[0].max_apr_bps, 999);
  EXPECT_EQ(offers[0].preview.apr_bps, 999);
}

TEST(SessionTest, OpenSessionsExpireAfter48Hours) {
  const Instant t0 = *ParseRfc3339("2026-11-26T10:00:00Z");
  CheckoutSession s{"cs_1", "mer_1", Draft(), {}, SessionStatus::kOpen, t0, t0 + kSessionLifetime};
  EXPECT_EQ(EffectiveStatus(s, t0 + std::chrono::hours(47)), SessionStatus::kOpen);
  EXPECT_EQ(EffectiveStatus(s, t0 + std::chrono::hours(48)), SessionStatus::kExpired);
  s.status = SessionStatus::kComplete;
  EXPECT_EQ(EffectiveStatus(s, t0 + std::chrono::hours(100)), SessionStatus::kComplete);
}

}  // namespace
}  // namespace tranche::checkout
