// Posting rules, shared by every LedgerRepo implementation.
#pragma once

#include "ledger/ledger_repo.h"

namespace tranche::ledger {

struct Posted {
  JournalEntry entry;
  bool replayed = false;  // true when the posting key had been posted before
};

// Posts `e` once. Posting the same content under the same posting key again returns
// the stored entry (replayed); other content under a used key is a conflict. A
// reversal must name an existing, not yet reversed, non-reversal entry and negate it
// exactly.
Result<Posted> Post(LedgerRepo& repo, const JournalEntry& e);

// Builds and posts the reversal of entry `original_id`.
Result<Posted> Reverse(LedgerRepo& repo, std::string_view original_id, std::string reversal_id,
                       std::string posting_key, std::string memo, Instant now);

struct CurrencyTotals {
  Currency currency;
  std::vector<TypeTotal> types;  // in chart order, only types with accounts
  std::int64_t debits_minor = 0;
  std::int64_t credits_minor = 0;
  std::int64_t net_minor() const { return debits_minor - credits_minor; }
};

// Sums balances per currency and type (what SumByType returns), checked for overflow.
Result<std::vector<TypeTotal>> SumByType(const std::vector<AccountBalance>& accounts);

// The trial balance: per currency, per account type. In a sound ledger every
// currency's net is zero. Totals are checked for overflow.
Result<std::vector<CurrencyTotals>> TrialBalance(const std::vector<TypeTotal>& totals);

struct VerifyReport {
  std::int64_t accounts_checked = 0;
  std::vector<std::string> mismatched_accounts;  // maintained != recomputed
  std::vector<std::string> unbalanced_entries;
  std::vector<Currency> unbalanced_currencies;  // trial balance net != 0
  bool ok() const {
    return mismatched_accounts.empty() && unbalanced_entries.empty() &&
           unbalanced_currencies.empty();
  }
};

// Recomputes every balance from the entries and compares it with the maintained one.
Result<VerifyReport> Verify(LedgerRepo& repo);

}  // namespace tranche::ledger
