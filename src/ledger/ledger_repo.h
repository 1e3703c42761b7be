// The ledger's storage port. The posting rules (posting.h) run against this interface;
// the in-memory Book and the SQLite store implement it, a PostgreSQL store will too.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ledger/balance.h"
#include "ledger/entry.h"

namespace tranche::ledger {

inline constexpr std::size_t kMaxPageSize = 100;

class LedgerRepo {
 public:
  virtual ~LedgerRepo() = default;

  virtual Result<std::optional<JournalEntry>> FindEntry(std::string_view entry_id) = 0;
  virtual Result<std::optional<JournalEntry>> FindByPostingKey(std::string_view key) = 0;
  // The id of the entry reversing `entry_id`, if there is one.
  virtual Result<std::optional<std::string>> FindReversalOf(std::string_view entry_id) = 0;

  // Stores a validated entry and applies its lines to the maintained balances, all or
  // nothing: an implementation that can fail part-way must make sure the partial
  // write never commits. Returns false, writing nothing, when the posting key is
  // already used.
  // Preconditions (checked by Post): ValidateEntry passed, the id is new, a
  // reversal's target exists and is not yet reversed.
  virtual Result<bool> Append(const JournalEntry& e) = 0;

  // Maintained balances, updated by Append.
  virtual Result<std::optional<AccountBalance>> GetAccount(std::string_view account_id) = 0;
  virtual Result<std::vector<AccountBalance>> ListAccounts() = 0;
  // Maintained balances summed per currency and account type, ordered by both; the
  // cost does not grow with the number of accounts sent back to the caller.
  virtual Result<std::vector<TypeTotal>> SumByType() = 0;
  // Balances recomputed from the lines alone, ignoring the maintained ones.
  virtual Result<std::vector<AccountBalance>> RecomputeAccounts() = 0;
  // Ids of entries whose lines do not sum to zero per currency (should be none).
  virtual Result<std::vector<std::string>> FindUnbalancedEntries() = 0;

  // An account's lines in posting order, starting after `after_seq`; at most `limit`.
  virtual Result<std::vector<AccountLine>> ListAccountLines(std::string_view account_id,
                                                            std::int64_t after_seq,
                                                            std::size_t limit) = 0;
  virtual Result<std::int64_t> CountEntries() = 0;
};

}  // namespace tranche::ledger
