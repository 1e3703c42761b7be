#include "onboarding/merchant_monitoring.h"

#include <gtest/gtest.h>

namespace tranche::onboarding {
namespace {

TEST(MerchantMonitoring, AMerchantWhosePlansGoUnpaidAtOnceIsLookedAtAgain) {
  EXPECT_TRUE(NeedsReview({"mer_1", 40, 38}));
  EXPECT_TRUE(NeedsReview({"mer_1", 10, 6}));  // exactly at the share
  EXPECT_FALSE(NeedsReview({"mer_1", 10, 5}));
  EXPECT_FALSE(NeedsReview({"mer_1", 19, 5}));  // a small merchant's bad month
  // A book's own early delinquency is no sign.
  EXPECT_FALSE(NeedsReview({"mer_1", 1'000, 60}));
  // Too few plans to say anything, however many are late.
  EXPECT_FALSE(NeedsReview({"mer_1", kMinPlansMonitored - 1, kMinPlansMonitored - 1}));
  EXPECT_FALSE(NeedsReview({"mer_1", 0, 0}));
}

}  // namespace
}  // namespace tranche::onboarding
