#include "settlement/write_off.h"

namespace tranche::settlement {

Status CheckWriteOff(Money payable_balance, Money amount) {
  TRANCHE_ASSERT(payable_balance.currency() == amount.currency() && amount.minor() > 0);
  const std::string currency(CurrencyCode(amount.currency()));
  if (payable_balance.minor() <= 0) {
    return Status::BusinessRule("no_debt", "this merchant owes nothing in " + currency, "currency");
  }
  if (amount.minor() > payable_balance.minor()) {
    return Status::BusinessRule("write_off_exceeds_debt",
                                "this merchant owes " + std::to_string(payable_balance.minor()) + " " + currency +
                                    " minor units; no more can be written off",
                                "amount");
  }
  return Status::Ok();
}

ledger::JournalEntry WriteOffEntry(const DebtWriteOff& w) {
  TRANCHE_ASSERT(w.amount.minor() > 0 && !w.reason.empty() && w.reason.size() <= kMaxWriteOffReasonChars);
  const Currency c = w.amount.currency();
  ledger::JournalEntry e{w.entry_id, "merchant_write_off:" + w.id, ledger::Reason::kMerchantWriteOff, w.id, "",
                         w.reason, w.written_off_at, {}};
  ledger::AddLine(e, {ledger::AccountType::kMerchantLossExpense, c, ""}, w.amount.minor());
  ledger::AddLine(e, {ledger::AccountType::kMerchantPayable, c, w.merchant_id}, -w.amount.minor());
  TRANCHE_ASSERT(ledger::ValidateEntry(e).ok());
  return e;
}

}  // namespace tranche::settlement
