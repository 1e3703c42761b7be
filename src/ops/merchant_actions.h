// Operator actions on merchants that tell the merchant: the use cases the API and the
// simulator share, each in the caller's transaction.
#pragma once

#include "onboarding/onboarding.h"

namespace tranche::ops {

// An operator's onboarding decision (onboarding::ReviewMerchant) and the merchant's
// merchant.onboarding_decided event, committed together.
Result<merchants::Merchant> DecideOnboarding(store::Tx& tx, IdGenerator& ids, std::string_view merchant_id,
                                             const onboarding::ReviewDecision& decision, Instant now);

// Merchant monitoring for business date `d` (onboarding::MonitorMerchants), each
// merchant sent back to review told (merchant.onboarding_decided). Returns how many.
Result<std::int64_t> MonitorMerchants(store::Tx& tx, IdGenerator& ids, Date d, Instant now);

}  // namespace tranche::ops
