#include "settlement/payout.h"

#include "core/assert.h"

namespace tranche::settlement {

std::string_view PayoutStatusName(PayoutStatus s) {
  switch (s) {
    case PayoutStatus::kPending: return "pending";
    case PayoutStatus::kPaid: return "paid";
    case PayoutStatus::kFailed: return "failed";
    case PayoutStatus::kUnknown: return "unknown";
  }
  TRANCHE_ASSERT_MSG(false, "unknown payout status");
  return "";
}

payments::MovementState MovementStateOf(PayoutStatus s) {
  switch (s) {
    case PayoutStatus::kPending: return payments::MovementState::kPending;
    case PayoutStatus::kPaid: return payments::MovementState::kSucceeded;
    case PayoutStatus::kFailed: return payments::MovementState::kFailed;
    case PayoutStatus::kUnknown: return payments::MovementState::kUnknown;
  }
  TRANCHE_ASSERT_MSG(false, "unknown payout status");
  return payments::MovementState::kUnknown;
}

PayoutStatus PayoutStatusOf(payments::MovementState s) {
  switch (s) {
    case payments::MovementState::kPending: return PayoutStatus::kPending;
    case payments::MovementState::kSucceeded: return PayoutStatus::kPaid;
    case payments::MovementState::kFailed: return PayoutStatus::kFailed;
    case payments::MovementState::kUnknown: return PayoutStatus::kUnknown;
  }
  TRANCHE_ASSERT_MSG(false, "unknown movement state");
  return PayoutStatus::kUnknown;
}

}  // namespace tranche::settlement
