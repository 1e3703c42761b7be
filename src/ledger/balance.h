// Ledger read models (records): an account's maintained balance, the accounts of one
// type summed, and one entry's line as its account sees it. Amounts are minor units of
// the account's currency (AccountRef::currency); a line is read through its account.
#pragma once

#include <cstdint>
#include <string>

#include "ledger/entry.h"

namespace tranche::ledger {

struct AccountBalance {
  std::string account_id;
  AccountRef ref;
  std::int64_t debits_minor = 0;   // sum of positive lines
  std::int64_t credits_minor = 0;  // sum of |negative lines|
  std::int64_t line_count = 0;
  std::int64_t balance_minor() const { return debits_minor - credits_minor; }

  friend bool operator==(const AccountBalance&, const AccountBalance&) = default;
};

// The accounts of one type in one currency, summed.
struct TypeTotal {
  Currency currency;
  AccountType type;
  std::int64_t debits_minor = 0;
  std::int64_t credits_minor = 0;
  std::int64_t accounts = 0;
  friend bool operator==(const TypeTotal&, const TypeTotal&) = default;
};

// One line of one entry, as seen from its account.
struct AccountLine {
  std::int64_t seq = 0;  // the entry's position in the ledger; the pagination cursor
  std::string entry_id;
  Reason reason;
  std::string object_id;
  Instant posted_at;
  std::int64_t amount_minor = 0;
};

}  // namespace tranche::ledger
