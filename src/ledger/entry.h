// Journal entries: the only way money moves.
//
// An entry has two or more lines whose amounts (debit positive, credit negative) sum
// to zero per currency. It carries a posting key that makes posting idempotent (the
// same business event posts once however often it is retried), a reason code, and the
// id of the business object that caused it. Entries are immutable; a mistake is
// corrected by a reversal: a new entry with every line negated that names the original.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/time.h"
#include "ledger/account.h"

namespace tranche::ledger {

inline constexpr std::size_t kMaxLinesPerEntry = 64;
inline constexpr std::size_t kMaxPostingKeyChars = 200;
inline constexpr std::size_t kMaxObjectIdChars = 64;
inline constexpr std::size_t kMaxMemoChars = 500;
// One line may move at most 10^15 minor units. With at most 64 lines the per-currency
// sums of an entry cannot overflow int64, and no real movement comes near it.
inline constexpr std::int64_t kMaxLineAmountMinor = 1'000'000'000'000'000;

enum class Reason : std::uint8_t {
  kCapture,            // consumer receivable from a captured purchase
  kRefund,             // merchant refunds a captured amount
  kCollection,         // consumer repayment collected
  kLateFee,
  kInterestAccrual,
  kChargeOff,
  kRecovery,           // payment on a charged-off plan
  kPayout,             // merchant paid out
  kManualAdjustment,   // operator correction, e.g. clearing suspense
  kReversal,
  kReconciliation,     // processor fees and settlement differences, by rule or by a person
  kChargeback,         // a collection a card issuer took back
  kMerchantWriteOff,   // a rejected merchant's debt written off (settlement/write_off.h)
};

inline constexpr Reason kAllReasons[] = {
    Reason::kCapture,  Reason::kRefund, Reason::kCollection,       Reason::kLateFee,
    Reason::kInterestAccrual, Reason::kChargeOff, Reason::kRecovery, Reason::kPayout,
    Reason::kManualAdjustment, Reason::kReversal, Reason::kReconciliation, Reason::kChargeback,
    Reason::kMerchantWriteOff};

std::string_view ReasonName(Reason r);
std::optional<Reason> ParseReason(std::string_view name);

struct Line {
  AccountRef account;
  std::int64_t amount_minor;  // debit > 0, credit < 0, never 0

  friend bool operator==(const Line&, const Line&) = default;
};

struct JournalEntry {
  std::string id;           // je_...
  std::string posting_key;  // unique across the ledger
  Reason reason;
  std::string object_id;    // the business object that caused it (cap_..., opr_...)
  std::string reverses;     // id of the reversed entry, for reversals only
  std::string memo;
  Instant posted_at;
  std::vector<Line> lines;
};

// Appends a line for `amount_minor` to `account`; nothing when the amount is zero (an
// entry has no zero lines, and a part of a movement may round to nothing).
void AddLine(JournalEntry& e, AccountRef account, std::int64_t amount_minor);

// Checks every rule an entry must satisfy on its own: id, limits, accounts, non-zero
// amounts, no account twice, and zero sum per currency.
Status ValidateEntry(const JournalEntry& e);

// True when two entries describe the same posting (everything but id and time).
bool SameContent(const JournalEntry& a, const JournalEntry& b);

// The reversal of `original`: every line negated, reason kReversal, `reverses` set.
JournalEntry MakeReversal(const JournalEntry& original, std::string id,
                          std::string posting_key, std::string memo, Instant now);

}  // namespace tranche::ledger
