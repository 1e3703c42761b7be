#include "ledger/book.h"

#include "ledger/posting.h"

namespace tranche::ledger {

Status ApplyLine(AccountBalance& b, std::int64_t amount_minor) {
  std::int64_t& side = amount_minor > 0 ? b.debits_minor : b.credits_minor;
  const std::int64_t magnitude = amount_minor > 0 ? amount_minor : -amount_minor;
  if (__builtin_add_overflow(side, magnitude, &side)) {
    return Status::Internal("account " + b.account_id + " total overflows 64 bits");
  }
  ++b.line_count;
  return Status::Ok();
}

Result<std::optional<JournalEntry>> Book::FindEntry(std::string_view entry_id) {
  auto it = index_by_id_.find(std::string(entry_id));
  if (it == index_by_id_.end()) return std::optional<JournalEntry>();
  return std::optional<JournalEntry>(entries_[it->second]);
}

Result<std::optional<JournalEntry>> Book::FindByPostingKey(std::string_view key) {
  auto it = index_by_key_.find(std::string(key));
  if (it == index_by_key_.end()) return std::optional<JournalEntry>();
  return std::optional<JournalEntry>(entries_[it->second]);
}

Result<std::optional<std::string>> Book::FindReversalOf(std::string_view entry_id) {
  auto it = reversal_of_.find(std::string(entry_id));
  if (it == reversal_of_.end()) return std::optional<std::string>();
  return std::optional<std::string>(it->second);
}

Result<bool> Book::Append(const JournalEntry& e) {
  if (index_by_key_.contains(e.posting_key)) return false;
  TRANCHE_ASSERT(!index_by_id_.contains(e.id));
  // Apply to copies first so a failure leaves the book unchanged.
  std::vector<AccountBalance> updated;
  for (const Line& l : e.lines) {
    const std::string id = AccountId(l.account);
    auto it = accounts_.find(id);
    AccountBalance b = it == accounts_.end() ? AccountBalance{id, l.account} : it->second;
    TRANCHE_RETURN_IF_ERROR(ApplyLine(b, l.amount_minor));
    updated.push_back(std::move(b));
  }
  for (AccountBalance& b : updated) accounts_[b.account_id] = std::move(b);
  index_by_id_.emplace(e.id, entries_.size());
  index_by_key_.emplace(e.posting_key, entries_.size());
  if (!e.reverses.empty()) reversal_of_.emplace(e.reverses, e.id);
  entries_.push_back(e);
  return true;
}

Result<std::optional<AccountBalance>> Book::GetAccount(std::string_view account_id) {
  auto it = accounts_.find(std::string(account_id));
  if (it == accounts_.end()) return std::optional<AccountBalance>();
  return std::optional<AccountBalance>(it->second);
}

Result<std::vector<AccountBalance>> Book::ListAccounts() {
  std::vector<AccountBalance> out;
  for (const auto& [_, b] : accounts_) out.push_back(b);
  return out;
}

Result<std::vector<TypeTotal>> Book::SumByType() {
  TRANCHE_ASSIGN_OR_RETURN(auto accounts, ListAccounts());
  return ledger::SumByType(accounts);
}

Result<std::vector<AccountBalance>> Book::RecomputeAccounts() {
  std::map<std::string, AccountBalance> fresh;
  for (const JournalEntry& e : entries_) {
    for (const Line& l : e.lines) {
      const std::string id = AccountId(l.account);
      auto [it, _] = fresh.try_emplace(id, AccountBalance{id, l.account});
      TRANCHE_RETURN_IF_ERROR(ApplyLine(it->second, l.amount_minor));
    }
  }
  std::vector<AccountBalance> out;
  for (auto& [_, b] : fresh) out.push_back(std::move(b));
  return out;
}

Result<std::vector<std::string>> Book::FindUnbalancedEntries() {
  std::vector<std::string> out;
  for (const JournalEntry& e : entries_) {
    std::map<Currency, std::int64_t> sums;
    for (const Line& l : e.lines) sums[l.account.currency] += l.amount_minor;
    for (const auto& [_, s] : sums) {
      if (s != 0) {
        out.push_back(e.id);
        break;
      }
    }
  }
  return out;
}

Result<std::vector<AccountLine>> Book::ListAccountLines(std::string_view account_id,
                                                        std::int64_t after_seq,
                                                        std::size_t limit) {
  // The cursor is the entry's position in the book, as in the SQLite store.
  std::vector<AccountLine> out;
  std::int64_t seq = 0;
  for (const JournalEntry& e : entries_) {
    ++seq;
    if (seq <= after_seq) continue;
    for (const Line& l : e.lines) {
      if (AccountId(l.account) != account_id) continue;
      if (out.size() == limit) return out;
      out.push_back(AccountLine{seq, e.id, e.reason, e.object_id, e.posted_at, l.amount_minor});
    }
  }
  return out;
}

Result<std::int64_t> Book::CountEntries() { return static_cast<std::int64_t>(entries_.size()); }

}  // namespace tranche::ledger
