// Book: an in-memory LedgerRepo. The pure ledger core for tests, the simulator and the
// in-memory posting benchmark. Not thread-safe; one owner at a time.
#pragma once

#include <map>
#include <unordered_map>

#include "ledger/ledger_repo.h"

namespace tranche::ledger {

class Book final : public LedgerRepo {
 public:
  Result<std::optional<JournalEntry>> FindEntry(std::string_view entry_id) override;
  Result<std::optional<JournalEntry>> FindByPostingKey(std::string_view key) override;
  Result<std::optional<std::string>> FindReversalOf(std::string_view entry_id) override;
  Result<bool> Append(const JournalEntry& e) override;
  Result<std::optional<AccountBalance>> GetAccount(std::string_view account_id) override;
  Result<std::vector<AccountBalance>> ListAccounts() override;
  Result<std::vector<TypeTotal>> SumByType() override;
  Result<std::vector<AccountBalance>> RecomputeAccounts() override;
  Result<std::vector<std::string>> FindUnbalancedEntries() override;
  Result<std::vector<AccountLine>> ListAccountLines(std::string_view account_id,
                                                    std::int64_t after_seq,
                                                    std::size_t limit) override;
  Result<std::int64_t> CountEntries() override;

 private:
  std::vector<JournalEntry> entries_;  // in posting order
  std::unordered_map<std::string, std::size_t> index_by_id_;
  std::unordered_map<std::string, std::size_t> index_by_key_;
  std::unordered_map<std::string, std::string> reversal_of_;
  std::map<std::string, AccountBalance> accounts_;
};

// Adds `amount_minor` to the debit or credit side of `b`, checked.
Status ApplyLine(AccountBalance& b, std::int64_t amount_minor);

}  // namespace tranche::ledger
