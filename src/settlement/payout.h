// Payouts (records): a settlement's positive net paid to the merchant through the
// payout rail (payments/payments.h).
#pragma once

#include <optional>
#include <string>

#include "core/money.h"
#include "core/time.h"
#include "payments/money_movement.h"

namespace tranche::settlement {

enum class PayoutStatus : std::uint8_t { kPending, kPaid, kFailed, kUnknown };
std::string_view PayoutStatusName(PayoutStatus s);
// Payouts follow the money movement state machine; paid is its succeeded.
payments::MovementState MovementStateOf(PayoutStatus s);
PayoutStatus PayoutStatusOf(payments::MovementState s);

struct Payout {
  std::string id;  // po_...
  std::string settlement_id;
  std::string merchant_id;
  Money amount;
  PayoutStatus status = PayoutStatus::kPending;
  std::string rail_ref;
  std::string failure_code;
  Instant created_at;
  std::optional<Instant> resolved_at = {};
};

}  // namespace tranche::settlement
