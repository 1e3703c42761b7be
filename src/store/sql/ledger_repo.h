// The ledger in SQLite: the implementation of the port it includes, on one connection,
// inside whatever transaction the store has open on it.
#pragma once

#include <unordered_map>
#include <utility>
#include <vector>

#include "ledger/ledger_repo.h"
#include "store/sql/connection.h"

namespace tranche::store::sql {

// On the writer connection, balance changes are written behind: Append records each
// line's delta in memory, and FlushBalances() applies them once per account just
// before COMMIT. A commit group posting a thousand captures then updates the MDR
// revenue account once, not a thousand times. Reads of balances inside the same
// transaction add the pending deltas, so they see what they would after the flush.
// Account keys are cached; keys created inside the transaction are forgotten again if
// the unit of work or the transaction that created them rolls back.
class SqlLedgerRepo final : public ledger::LedgerRepo {
 public:
  explicit SqlLedgerRepo(Connection& c) : c_(c) {}

  // Transaction hooks, called by the store around units of work and commits.
  struct Mark {
    std::size_t deltas;
    std::size_t new_keys;
  };
  Mark MarkPending() const { return {deltas_.size(), new_keys_.size()}; }
  void RollbackTo(const Mark& m);
  Status FlushBalances();
  void Committed();
  void RolledBack();
  // True (once) when an Append failed after writing part of an entry; the store then
  // refuses to commit the unit of work, whatever it returned.
  bool TakeTaint() { return std::exchange(tainted_, false); }

  Result<std::optional<ledger::JournalEntry>> FindEntry(std::string_view entry_id) override;
  Result<std::optional<ledger::JournalEntry>> FindByPostingKey(std::string_view key) override;
  Result<std::optional<std::string>> FindReversalOf(std::string_view entry_id) override;
  Result<bool> Append(const ledger::JournalEntry& e) override;
  Result<std::optional<ledger::AccountBalance>> GetAccount(std::string_view account_id) override;
  Result<std::vector<ledger::AccountBalance>> ListAccounts() override;
  Result<std::vector<ledger::TypeTotal>> SumByType() override;
  Result<std::vector<ledger::AccountBalance>> RecomputeAccounts() override;
  Result<std::vector<std::string>> FindUnbalancedEntries() override;
  Result<std::vector<ledger::AccountLine>> ListAccountLines(std::string_view account_id,
                                                            std::int64_t after_seq,
                                                            std::size_t limit) override;
  Result<std::int64_t> CountEntries() override;

 private:
  struct Delta {
    std::int64_t account_key;
    std::int64_t debits_minor;
    std::int64_t credits_minor;
  };
  Result<std::optional<ledger::JournalEntry>> LoadEntry(Statement& stmt);
  Result<std::int64_t> AccountKey(const ledger::AccountRef& ref, const std::string& id);
  Status InsertLines(std::int64_t seq, const std::vector<std::int64_t>& keys,
                     const ledger::JournalEntry& e);
  void AddPending(ledger::AccountBalance& b, std::int64_t account_key) const;

  Connection& c_;
  std::unordered_map<std::string, std::int64_t> account_keys_;
  std::unordered_map<std::int64_t, std::string> account_ids_;  // the inverse, for reads
  std::vector<std::string> new_keys_;  // created in the open transaction, in order
  std::vector<Delta> deltas_;          // not yet applied to ledger_accounts
  bool tainted_ = false;
};

}  // namespace tranche::store::sql
