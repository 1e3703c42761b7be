// Writing off a rejected merchant's debt (pure). When refunds, disputes or chargebacks
// after a merchant stops trading take more than it was owed, its payable account holds
// a debit balance: the merchant owes the lender. While it trades, later captures net the
// debt away; a rejected merchant captures nothing more, so the debt stays on the books
// until it is paid or an operator judges it lost and writes it off. The write-off moves
// the debt to merchant_loss_expense; the next settlement carries the debt in and the
// write-off's adjustment line out, so the merchant's statement nets to what is left.
#pragma once

#include <string>

#include "core/money.h"
#include "core/time.h"
#include "ledger/entry.h"

namespace tranche::settlement {

// The reason is the entry's memo too.
inline constexpr std::size_t kMaxWriteOffReasonChars = ledger::kMaxMemoChars;
inline constexpr std::size_t kMaxWriteOffsListed = 100;

// One write-off, as the operator made it: the audit record beside its journal entry.
struct DebtWriteOff {
  std::string id;           // mwo_...
  std::string merchant_id;  // mer_...
  Money amount;             // > 0, in the payable account's currency
  std::string entry_id;     // the journal entry that moved it (je_...)
  std::string written_off_by;  // the operator
  std::string reason;          // not empty, at most kMaxWriteOffReasonChars
  Instant written_off_at;
  friend bool operator==(const DebtWriteOff&, const DebtWriteOff&) = default;
};

// Whether `amount` may be written off a payable account whose balance is
// `payable_balance` (debit > 0: what the merchant owes). BusinessRule no_debt when it
// owes nothing; BusinessRule write_off_exceeds_debt for more than it owes (a partial
// write-off is allowed: part of a debt may be paid). Precondition: same currency,
// amount > 0.
Status CheckWriteOff(Money payable_balance, Money amount);

// The balanced entry of `w`: merchant_loss_expense debited, the merchant's payable
// credited, both by w.amount; posting key merchant_write_off:<w.id>, object w.id, memo
// w.reason. Precondition: w is complete (asserted through ValidateEntry).
ledger::JournalEntry WriteOffEntry(const DebtWriteOff& w);

}  // namespace tranche::settlement
