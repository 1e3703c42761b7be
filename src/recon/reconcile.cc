#include "recon/reconcile.h"

#include "ledger/posting.h"

namespace tranche::recon {

namespace {

using ledger::AccountRef;
using ledger::AccountType;
using ledger::Reason;

constexpr Currency kCurrencies[] = {Currency::kUSD, Currency::kEUR, Currency::kGBP, Currency::kSEK};

// What a cash account line is, for reconciliation; nothing for lines no processor or
// rail reports (adjustments, among them reconciliation's own postings).
std::optional<LineKind> KindOf(AccountType account, Reason reason, std::int64_t amount_minor) {
  if (account == AccountType::kCollectionsCash) {
    if ((reason == Reason::kCollection || reason == Reason::kRecovery) && amount_minor > 0) return LineKind::kCollection;
    if (reason == Reason::kRefund && amount_minor < 0) return LineKind::kRefund;
  }
  if (account == AccountType::kSettlementCash && reason == Reason::kPayout && amount_minor < 0) {
    return LineKind::kPayout;
  }
  return std::nullopt;
}

}  // namespace

Result<std::vector<Expected>> ReadLedgerMovements(store::Tx& tx, LedgerCursor& cursor) {
  std::vector<Expected> out;
  for (Currency c : kCurrencies) {
    for (AccountType type : {AccountType::kCollectionsCash, AccountType::kSettlementCash}) {
      const std::string account = ledger::AccountId(AccountRef{type, c, ""});
      std::int64_t& after = cursor[account];
      while (true) {
        TRANCHE_ASSIGN_OR_RETURN(auto lines, tx.ledger().ListAccountLines(account, after, ledger::kMaxPageSize));
        for (const ledger::AccountLine& l : lines) {
          after = l.seq;
          if (auto kind = KindOf(type, l.reason, l.amount_minor)) {
            const Date d = DateOf(l.posted_at - std::chrono::microseconds(1));
            out.push_back({l.object_id, *kind, Money(l.amount_minor < 0 ? -l.amount_minor : l.amount_minor, c), d});
          }
        }
        if (lines.size() < ledger::kMaxPageSize) break;
      }
    }
  }
  return out;
}

Status PostAdjustments(store::Tx& tx, IdGenerator& ids, Instant now, const DayResult& result) {
  for (const auto& [currency, adj] : result.adjustments) {
    // The chart has no processing-fee expense account yet: processor costs are netted
    // against MDR revenue (net payment revenue), under the adjustment reason with a memo
    // saying which rule posted it.
    ledger::JournalEntry e{ids.Next("je"), "reconciliation:" + FormatDate(result.date) + ":" + std::string(CurrencyCode(currency)),
                           Reason::kManualAdjustment, "settlement_file:" + FormatDate(result.date), "",
                           "reconciliation rule: processor fees and differences within tolerance", now, {}};
    const std::int64_t collections = adj.collections_cash_minor - adj.fees_minor;
    ledger::AddLine(e, {AccountType::kCollectionsCash, currency, ""}, collections);
    ledger::AddLine(e, {AccountType::kSettlementCash, currency, ""}, adj.settlement_cash_minor);
    ledger::AddLine(e, {AccountType::kMdrRevenue, currency, ""}, -(collections + adj.settlement_cash_minor));
    if (e.lines.size() < 2) continue;  // nothing moved, or it cancelled out
    TRANCHE_RETURN_IF_ERROR(ledger::Post(tx.ledger(), e).status());
  }
  return Status::Ok();
}

}  // namespace tranche::recon
