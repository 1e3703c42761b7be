// Operator actions on merchants that tell the merchant: the use cases the API and the
// simulator share, each in the caller's transaction.
#pragma once

#include "onboarding/onboarding.h"
#include "settlement/write_off.h"

namespace tranche::ops {

// An operator's onboarding decision (onboarding::ReviewMerchant) and the merchant's
// merchant.onboarding_decided event, committed together.
Result<merchants::Merchant> DecideOnboarding(store::Tx& tx, IdGenerator& ids, std::string_view merchant_id,
                                             const onboarding::ReviewDecision& decision, Instant now);

// Merchant monitoring for business date `d` (onboarding::MonitorMerchants), each
// merchant sent back to review told (merchant.onboarding_decided). Returns how many.
Result<std::int64_t> MonitorMerchants(store::Tx& tx, IdGenerator& ids, Date d, Instant now);

// An operator writes off `amount` of what a rejected merchant owes (settlement/write_off.h):
// the entry is posted and the write-off recorded, together. NotFound merchant_not_found;
// Conflict merchant_not_rejected unless the merchant is rejected (a trading merchant's
// captures net its debt, and one under review may trade again); then CheckWriteOff
// against the payable account's balance now. Preconditions: operator_id and reason are
// not empty, reason is at most settlement::kMaxWriteOffReasonChars, amount > 0.
struct WriteOffRequest {
  Money amount;
  std::string operator_id;
  std::string reason;
};
Result<settlement::DebtWriteOff> WriteOffMerchantDebt(store::Tx& tx, IdGenerator& ids, std::string_view merchant_id,
                                                      const WriteOffRequest& request, Instant now);

}  // namespace tranche::ops
