#include "settlement/payout.h"

#include <gtest/gtest.h>

namespace tranche::settlement {
namespace {

TEST(PayoutTest, Names) { EXPECT_EQ(PayoutStatusName(PayoutStatus::kUnknown), "unknown"); }

TEST(PayoutTest, PayoutStatusesAreMovementStates) {
  EXPECT_EQ(MovementStateOf(PayoutStatus::kPaid), payments::MovementState::kSucceeded);
  for (PayoutStatus s : {PayoutStatus::kPending, PayoutStatus::kPaid, PayoutStatus::kFailed, PayoutStatus::kUnknown}) {
    EXPECT_EQ(PayoutStatusOf(MovementStateOf(s)), s) << PayoutStatusName(s);
  }
}

}  // namespace
}  // namespace tranche::settlement
