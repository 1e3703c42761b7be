// The reconciliation shell: reads what the ledger says moved since the last run, hands
// it and the day's settlement lines to the pure matcher (matcher.h), and posts the fees
// and the differences the rules resolve as one balanced entry per currency and date
// (cash against MDR revenue, netting processor costs; memo "reconciliation rule").
// Exceptions are returned for people.
#pragma once

#include <map>

#include "core/ids.h"
#include "recon/matcher.h"
#include "store/store.h"

namespace tranche::recon {

// Where the last run stopped reading each cash account (its last ledger seq).
using LedgerCursor = std::map<std::string, std::int64_t>;

// The ledger's collections, consumer refunds and payouts posted after `cursor`, each
// dated by the business date whose close posted it (a close stamps the end of its date,
// midnight, so the date is that of the instant just before); advances the cursor.
Result<std::vector<Expected>> ReadLedgerMovements(store::Tx& tx, LedgerCursor& cursor);

// Posts `result`'s adjustments at `now` (posting keys name the date and currency, so a
// retry posts once).
Status PostAdjustments(store::Tx& tx, IdGenerator& ids, Instant now, const DayResult& result);

}  // namespace tranche::recon
