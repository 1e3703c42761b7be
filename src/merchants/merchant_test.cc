#include "merchants/merchant.h"

#include <gtest/gtest.h>

#include "merchants/consumer.h"

namespace tranche::merchants {
namespace {

MerchantDraft Good() { return {"Brooklyn Bicycle Works", "US", Currency::kUSD, Pricing{}, {}}; }

TEST(MerchantTest, DefaultsMatchTheProductBrief) {
  EXPECT_EQ(Pricing{}.mdr_bps, 329);
  EXPECT_EQ(Pricing{}.fixed_fee_minor, 30);
  EXPECT_TRUE(ValidateMerchant(Good()).ok());
}

TEST(MerchantTest, RefusesBadDrafts) {
  auto d = Good();
  d.name = "";
  EXPECT_EQ(ValidateMerchant(d).param(), "name");
  d = Good();
  d.name = std::string(kMaxNameChars + 1, 'x');
  EXPECT_EQ(ValidateMerchant(d).param(), "name");
  d = Good();
  d.country = "XX";
  EXPECT_EQ(ValidateMerchant(d).code(), "unsupported_country");
  d = Good();
  d.pricing.mdr_bps = -1;
  EXPECT_EQ(ValidateMerchant(d).param(), "pricing.mdr_bps");
  d = Good();
  d.pricing.fixed_fee_minor = kMaxFixedFeeMinor + 1;
  EXPECT_EQ(ValidateMerchant(d).param(), "pricing.fixed_fee");
}

TEST(ConsumerTest, NormalizesEmail) {
  EXPECT_EQ(*NormalizeEmail("  Ava.Larsson@Example.COM "), "ava.larsson@example.com");
  for (const char* bad : {"", "ava", "@example.com", "ava@", "ava@example", "a@b@c.com",
                          "ava @example.com", "ava@.com"}) {
    EXPECT_FALSE(NormalizeEmail(bad).ok()) << bad;
  }
  EXPECT_FALSE(NormalizeEmail(std::string(300, 'a') + "@example.com").ok());
}

}  // namespace
}  // namespace tranche::merchants
