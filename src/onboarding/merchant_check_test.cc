#include "onboarding/merchant_check.h"

#include <gtest/gtest.h>

namespace tranche::onboarding {
namespace {

using merchants::OnboardingStatus;

merchants::MerchantDraft Draft(std::string category, std::int64_t mdr_bps = 329) {
  merchants::MerchantDraft d;
  d.name = "Nordic Shoes";
  d.country = "SE";
  d.default_currency = Currency::kSEK;
  d.pricing.mdr_bps = mdr_bps;
  d.category = std::move(category);
  EXPECT_TRUE(merchants::ValidateMerchant(d).ok());
  return d;
}

TEST(NameKeyTest, MeetsOverCaseSpacingPunctuationAndTrailingLegalForm) {
  EXPECT_EQ(NameKey("ACME Trading, Ltd."), "acme trading");
  EXPECT_EQ(NameKey("  acme   trading "), "acme trading");
  EXPECT_EQ(NameKey("Acme-Trading GmbH"), "acme trading");
  EXPECT_EQ(NameKey("Ltd"), "ltd");                   // a name that is only a legal form keeps it
  EXPECT_EQ(NameKey("AB Volvo Parts"), "ab volvo parts");  // only a trailing one is dropped
  EXPECT_EQ(NameKey("Café 24"), "cafe 24");
  EXPECT_EQ(NameKey("MÜLLER & Söhne GmbH"), "muller sohne");
  EXPECT_EQ(NameKey("Åhléns Ærø Straße"), "ahlens aero strasse");
  EXPECT_EQ(NameKey("a×b ☃ c"), "a b c");  // not letters: a separator, and beyond Latin-1 too
  EXPECT_EQ(NameKey("!!!"), "");
}

TEST(CheckMerchantTest, AStandardMerchantOnStandardPricingIsActiveWithNoFinding) {
  const MerchantCheck c = CheckMerchant(Draft("fashion"), false);
  EXPECT_EQ(c.status, OnboardingStatus::kActive);
  EXPECT_TRUE(c.findings.empty());
}

TEST(CheckMerchantTest, HighRiskCategoryRestrictedNameOrLowPricingGoToAPerson) {
  EXPECT_EQ(CheckMerchant(Draft("travel"), false).findings, std::vector<std::string>{"high_risk_category"});
  EXPECT_EQ(CheckMerchant(Draft("fashion"), true).findings, std::vector<std::string>{"restricted_name_match"});
  EXPECT_EQ(CheckMerchant(Draft("fashion", kMdrFloorBps - 1), false).findings,
            std::vector<std::string>{"pricing_below_floor"});
  EXPECT_EQ(CheckMerchant(Draft("fashion", kMdrFloorBps), false).status, OnboardingStatus::kActive);
  for (const bool restricted : {false, true}) {
    EXPECT_EQ(CheckMerchant(Draft("jewelry"), restricted).status, OnboardingStatus::kPendingReview);
  }
}

TEST(CheckMerchantTest, AProhibitedCategoryIsRejectedWhateverElseItFinds) {
  const MerchantCheck c = CheckMerchant(Draft("gambling", 100), true);
  EXPECT_EQ(c.status, OnboardingStatus::kRejected);
  EXPECT_EQ(c.findings, (std::vector<std::string>{"prohibited_category", "restricted_name_match", "pricing_below_floor"}));
}

TEST(CheckMerchantTest, EveryCatalogueCategoryHasARisk) {
  for (const std::string_view name : merchants::Categories()) {
    EXPECT_TRUE(merchants::RiskOfCategory(name).has_value()) << name;
  }
  EXPECT_FALSE(merchants::RiskOfCategory("Fashion").has_value());
}

}  // namespace
}  // namespace tranche::onboarding
