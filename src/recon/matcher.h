// The reconciliation matcher: pure. Matches a day's settlement file against what the
// ledger says moved (collections, consumer refunds, payouts), by tranche's reference.
//
// Rules, in order, for each file line:
//   reference matched before (within kDuplicateWindowDays) → duplicate, ignored;
//   reference awaited, same amount → matched (late when it was expected on an earlier
//     date: a line may arrive one day late);
//   awaited, amount differs by at most the tolerance → matched, the difference written
//     off (posted with the fees);
//   awaited, larger difference → exception amount_mismatch;
//   not awaited → exception unknown_reference.
// An expected movement still without its line one day after its date → exception
// missing. Fees of matched lines are posted. Everything an exception holds is money
// not yet reconciled until a person resolves it.
//
// Chargeback lines are never awaited: the issuer decides them. Each names a collection,
// which the caller looks up (Chargeable). A collection is charged back at most once:
//   the same line (collection and processor reference) seen within
//     kChargebackMemoryDays → duplicate, ignored (a processor re-sending a chargeback
//     weeks later is still the one chargeback);
//   not a collection that succeeded, or in another currency → exception unknown_reference;
//   more than the collection has left to take back → exception amount_mismatch,
//     expecting what is left: all of it, or nothing once charged back, and never more
//     than its order has left (what the order's collections took, less what went back
//     to the consumer — refunds beyond what was owed, overpayments — and the chargebacks
//     of its collections accepted before, in this file too). A chargeback of money
//     already returned would pay the cardholder twice: a person contests it;
//   otherwise → a chargeback: the caller posts it whole and learns the order was fraud.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "recon/settlement_file.h"

namespace tranche::recon {

inline constexpr int kLateGraceDays = 1;
inline constexpr int kDuplicateWindowDays = 7;
// Chargeback lines are remembered longer than other references: issuers take up to 120
// days to charge back, and processors repeat their lines within it. Few lines are
// chargebacks, so the carried state stays small.
inline constexpr int kChargebackMemoryDays = 180;

// A collection a chargeback line names, as the store holds it.
struct Chargeable {
  Money collected;            // what the collection took
  bool charged_back = false;  // a chargeback against it was accepted before
  std::string order_id;       // the order it paid towards
  // What the order's succeeded collections took, less what went back to the consumer
  // and the chargebacks posted against them (at least 0, in the collection's currency).
  std::int64_t order_left_minor = 0;
};
using ChargeableCollections = std::map<std::string, Chargeable>;  // by collection id

// A movement as the ledger recorded it.
struct Expected {
  std::string reference;
  LineKind kind = LineKind::kCollection;
  Money amount;
  Date date;
};

enum class ExceptionKind : std::uint8_t { kAmountMismatch, kUnknownReference, kMissing };
std::string_view ExceptionKindName(ExceptionKind k);

struct ReconException {
  ExceptionKind kind = ExceptionKind::kMissing;
  std::string reference;
  LineKind line_kind = LineKind::kCollection;
  Date date;                        // the file's date when it was found
  Currency currency = Currency::kUSD;
  std::int64_t expected_minor = 0;  // 0 for unknown references
  std::int64_t actual_minor = 0;    // 0 for missing lines
  // What stays unreconciled until a person resolves it: the difference, or all of a
  // chargeback, of which nothing is posted.
  std::int64_t open_minor() const {
    if (line_kind == LineKind::kChargeback) return actual_minor;
    return expected_minor > actual_minor ? expected_minor - actual_minor : actual_minor - expected_minor;
  }
};

// What the matching asks the ledger to post, per currency: fees, and differences within
// tolerance as cash moves (positive: more cash than the ledger says).
struct CashAdjustment {
  std::int64_t fees_minor = 0;
  std::int64_t collections_cash_minor = 0;  // collections and consumer refunds
  std::int64_t settlement_cash_minor = 0;   // payouts
};

// Adds a difference of `diff_minor` (file minus ledger) on a line of `kind` to `a` as the
// change in cash it means: more collected is more cash, more refunded or paid out less.
void AddDifference(CashAdjustment& a, LineKind kind, std::int64_t diff_minor);

struct DayResult {
  Date date;
  std::int64_t lines = 0;
  std::int64_t matched = 0;      // on time, exact
  std::int64_t matched_late = 0;
  std::int64_t duplicates = 0;
  std::int64_t written_off = 0;  // matched with a difference within tolerance
  std::vector<FileLine> chargebacks;  // accepted, in file order: the caller posts them
  std::vector<ReconException> exceptions;
  std::map<Currency, CashAdjustment> adjustments;  // chargeback fees included
  std::int64_t auto_resolved() const {
    return matched + matched_late + duplicates + written_off + static_cast<std::int64_t>(chargebacks.size());
  }
};

// What carries from one day to the next.
struct MatchState {
  std::map<std::string, Expected> awaiting;  // expected, no line yet
  // Recently matched references; chargeback lines under keys of their own
  // ("chargeback:" or "chargeback_queued:", the collection and the processor's
  // reference), since the collection's line is remembered under the bare id.
  std::map<std::string, Date> matched;
};

// The posting key of the chargeback of `collection_id` (one per collection).
std::string ChargebackKey(std::string_view collection_id);

struct MatchRules {
  std::int64_t tolerance_minor = 100;
};

// Reconciles date `d`: adds `expected` (the ledger's movements of `d`) to what is
// awaited, then matches `file` (the settlement lines received for `d`), its chargeback
// lines against `chargeable` (the collections they name that the store has; missing
// ones are unknown). Updates `state`.
DayResult Reconcile(Date d, const std::vector<Expected>& expected, const std::vector<FileLine>& file,
                    const ChargeableCollections& chargeable, const MatchRules& rules, MatchState& state);

}  // namespace tranche::recon
