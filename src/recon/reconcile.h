// The reconciliation shell: reads what the ledger says moved since the last run, hands
// it and the day's settlement lines to the pure matcher (matcher.h), posts the fees and
// the differences the rules resolve as one balanced entry per currency and date (cash
// against processing_expense) and each chargeback the rules accept (fraud_loss_expense),
// and queues what it cannot explain as exceptions for people (exception_queue.h), who
// claim and resolve them here too.
#pragma once

#include <map>

#include "core/ids.h"
#include "recon/carried_state.h"
#include "recon/exception_queue.h"
#include "recon/recon_repo.h"
#include "servicing/collection.h"
#include "store/store.h"

namespace tranche::recon {

// The ledger's collections, consumer refunds and payouts posted after `cursor`, each
// dated by the business date whose close posted it (a close stamps the end of its date,
// midnight, so the date is that of the instant just before); advances the cursor.
Result<std::vector<Expected>> ReadLedgerMovements(store::Tx& tx, LedgerCursor& cursor);

// What the consumer paid towards order `order_id` and has not been given back, which is
// what a chargeback of its collections could still take back: what they took, less what
// went back to the consumer (overpayments owed back, refunds beyond what the plans still
// owed, a fraud refund) and the chargebacks already posted against them. At least 0.
Result<std::int64_t> OrderLeftMinor(store::Tx& tx, const std::string& order_id);

// Posts `result`'s adjustments at `now` (posting keys name the date and currency, so a
// retry posts once).
Status PostAdjustments(store::Tx& tx, IdGenerator& ids, Instant now, const DayResult& result);

struct DayOutcome {
  DayResult result;
  // The collections result.chargebacks took money back from, side by side with them.
  std::vector<servicing::Collection> charged_back;
  std::vector<ExceptionRecord> exceptions;  // as queued
  std::size_t awaiting = 0;                 // movements still awaited after the day
};

// Reconciles the settlement file `file` of date `d` against the stored state: matches
// (chargebacks against the stored collections they name), posts the adjustments and
// each accepted chargeback (ChargebackEntry), queues the exceptions, records the run and
// saves the carried state, all in `tx`. Labelling the charged-back orders as fraud is
// the caller's (ops::ReconcileFile). Files are reconciled in date order, each once: a date not after
// the last one reconciled is refused (Conflict already_reconciled). The first file
// starts reconciliation: movements the ledger dated before it are not awaited.
Result<DayOutcome> ReconcileDay(store::Tx& tx, IdGenerator& ids, Instant now, Date d, const std::vector<FileLine>& file,
                                const MatchRules& rules);

// The date after which the next file is due: the last date reconciled, if any.
Result<std::optional<Date>> LastReconciledDate(store::Tx& tx);

// Reconciliation at a glance: the last date reconciled, the open exceptions and the
// money they hold, and the latest runs (newest first, at most kSummaryRuns).
inline constexpr std::size_t kSummaryRuns = 30;
struct Summary {
  std::optional<Date> last_date;
  ReconRepo::OpenTotals open;
  std::vector<RunRecord> runs;
};
Result<Summary> ReadSummary(store::Tx& tx);

Result<ExceptionRecord> ClaimException(store::Tx& tx, std::string_view id, std::string_view operator_id, Instant now);

// Resolves the exception and, for a write-off, posts its entry (WriteOffEntry).
Result<ExceptionRecord> ResolveException(store::Tx& tx, IdGenerator& ids, std::string_view id,
                                         std::string_view operator_id, Resolution resolution, std::string note,
                                         Instant now);

}  // namespace tranche::recon
