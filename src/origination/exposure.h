// What a consumer owes and may still borrow: the exposure a credit decision weighs, and
// the credit lines a consumer sees on their account. Both read the same ledger balance
// and open authorizations, so the consumer's "available credit" is exactly the room the
// next decision starts from.
#pragma once

#include <string_view>
#include <vector>

#include "risk/decider.h"
#include "store/store.h"

namespace tranche::origination {

// The consumer's exposure in `c` at `now`, for a credit decision.
Result<risk::Exposure> LoadExposure(store::Tx& tx, std::string_view consumer_id, Currency c, Instant now);

// One currency's credit line. All amounts in the limit's currency; available is never
// negative (a refunded or repriced plan can leave more outstanding than the limit).
struct CreditLine {
  Money limit;
  Money outstanding;
  Money open_authorizations;
  Money available;
};

// Every credit line of the consumer (one per currency with a limit), at `now`.
Result<std::vector<CreditLine>> LoadCreditLines(store::Tx& tx, std::string_view consumer_id, Instant now);

}  // namespace tranche::origination
