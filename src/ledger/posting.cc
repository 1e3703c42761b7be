#include "ledger/posting.h"

#include <map>

namespace tranche::ledger {

namespace {
Status CheckReversal(LedgerRepo& repo, const JournalEntry& e) {
  TRANCHE_ASSIGN_OR_RETURN(auto original, repo.FindEntry(e.reverses));
  if (!original) {
    return Status::NotFound("entry_not_found", "no entry " + e.reverses, "reverses");
  }
  if (original->reason == Reason::kReversal) {
    return Status::BusinessRule("cannot_reverse_reversal",
                                "a reversal cannot be reversed; post a new entry instead");
  }
  TRANCHE_ASSIGN_OR_RETURN(auto existing, repo.FindReversalOf(e.reverses));
  if (existing) {
    return Status::BusinessRule("entry_already_reversed",
                                "entry " + e.reverses + " was reversed by " + *existing);
  }
  const JournalEntry expected = MakeReversal(*original, e.id, e.posting_key, e.memo, e.posted_at);
  if (expected.lines != e.lines) {
    return Status::InvalidArgument("invalid_reversal", "a reversal must negate every line");
  }
  return Status::Ok();
}
}  // namespace

Result<Posted> Post(LedgerRepo& repo, const JournalEntry& e) {
  TRANCHE_RETURN_IF_ERROR(ValidateEntry(e));
  if (e.reason == Reason::kReversal) {
    // A retried reversal finds its own earlier posting, not a "second" reversal.
    TRANCHE_ASSIGN_OR_RETURN(auto earlier, repo.FindByPostingKey(e.posting_key));
    if (!earlier) TRANCHE_RETURN_IF_ERROR(CheckReversal(repo, e));
  }
  // The common case, a new posting key, costs one insert; the lookup happens only
  // when the key turns out to be taken.
  TRANCHE_ASSIGN_OR_RETURN(bool appended, repo.Append(e));
  if (appended) return Posted{e, false};
  TRANCHE_ASSIGN_OR_RETURN(auto existing, repo.FindByPostingKey(e.posting_key));
  TRANCHE_ASSERT_MSG(existing.has_value(), "Append refused a posting key that does not exist");
  if (!SameContent(*existing, e)) {
    return Status::Conflict("posting_key_reused",
                            "posting key was used for a different entry " + existing->id);
  }
  return Posted{std::move(*existing), true};
}

Result<Posted> Reverse(LedgerRepo& repo, std::string_view original_id, std::string reversal_id,
                       std::string posting_key, std::string memo, Instant now) {
  TRANCHE_ASSIGN_OR_RETURN(auto original, repo.FindEntry(original_id));
  if (!original) {
    return Status::NotFound("entry_not_found", "no entry " + std::string(original_id), "id");
  }
  return Post(repo, MakeReversal(*original, std::move(reversal_id), std::move(posting_key),
                                 std::move(memo), now));
}

namespace {
Status CheckedAdd(std::int64_t& total, std::int64_t amount) {
  if (__builtin_add_overflow(total, amount, &total)) {
    return Status::Internal("ledger totals overflow 64 bits");
  }
  return Status::Ok();
}
}  // namespace

Result<std::vector<TypeTotal>> SumByType(const std::vector<AccountBalance>& accounts) {
  std::map<std::pair<Currency, AccountType>, TypeTotal> grouped;
  for (const AccountBalance& a : accounts) {
    const auto key = std::make_pair(a.ref.currency, a.ref.type);
    auto [it, _] = grouped.try_emplace(key, TypeTotal{a.ref.currency, a.ref.type});
    TRANCHE_RETURN_IF_ERROR(CheckedAdd(it->second.debits_minor, a.debits_minor));
    TRANCHE_RETURN_IF_ERROR(CheckedAdd(it->second.credits_minor, a.credits_minor));
    ++it->second.accounts;
  }
  std::vector<TypeTotal> out;
  for (auto& [_, t] : grouped) out.push_back(t);
  return out;
}

Result<std::vector<CurrencyTotals>> TrialBalance(const std::vector<TypeTotal>& totals) {
  std::vector<CurrencyTotals> out;
  for (const TypeTotal& t : totals) {
    if (out.empty() || out.back().currency != t.currency) out.push_back(CurrencyTotals{t.currency, {}, 0, 0});
    CurrencyTotals& c = out.back();
    TRANCHE_ASSERT_MSG(c.types.empty() || c.types.back().type < t.type,
                       "type totals must be ordered by currency, then type");
    TRANCHE_RETURN_IF_ERROR(CheckedAdd(c.debits_minor, t.debits_minor));
    TRANCHE_RETURN_IF_ERROR(CheckedAdd(c.credits_minor, t.credits_minor));
    c.types.push_back(t);
  }
  return out;
}

Result<VerifyReport> Verify(LedgerRepo& repo) {
  TRANCHE_ASSIGN_OR_RETURN(auto maintained, repo.ListAccounts());
  TRANCHE_ASSIGN_OR_RETURN(auto recomputed, repo.RecomputeAccounts());
  TRANCHE_ASSIGN_OR_RETURN(auto unbalanced, repo.FindUnbalancedEntries());
  VerifyReport report;
  report.unbalanced_entries = std::move(unbalanced);
  std::map<std::string, AccountBalance> by_id;
  for (auto& a : recomputed) by_id.emplace(a.account_id, a);
  for (const AccountBalance& m : maintained) {
    ++report.accounts_checked;
    auto it = by_id.find(m.account_id);
    const AccountBalance zero{m.account_id, m.ref, 0, 0, 0};
    if (!(m == (it == by_id.end() ? zero : it->second))) {
      report.mismatched_accounts.push_back(m.account_id);
    }
    if (it != by_id.end()) by_id.erase(it);
  }
  // Lines on accounts that have no maintained balance at all.
  for (const auto& [id, _] : by_id) report.mismatched_accounts.push_back(id);
  TRANCHE_ASSIGN_OR_RETURN(auto by_type, SumByType(maintained));
  TRANCHE_ASSIGN_OR_RETURN(auto trial_balance, TrialBalance(by_type));
  for (const CurrencyTotals& c : trial_balance) {
    if (c.net_minor() != 0) report.unbalanced_currencies.push_back(c.currency);
  }
  return report;
}

}  // namespace tranche::ledger
