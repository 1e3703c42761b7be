#include "recon/reconcile.h"

#include <algorithm>

#include "ledger/posting.h"
#include "servicing/postings.h"

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

// The sum of the entry's lines on accounts of `type` (debits positive).
std::int64_t LinesOn(const ledger::JournalEntry& e, AccountType type) {
  std::int64_t sum = 0;
  for (const ledger::Line& l : e.lines) sum += l.account.type == type ? l.amount_minor : 0;
  return sum;
}

// The stored collections the file's chargeback lines name: what each took, whether a
// chargeback of it is posted already, and what its order has left to take back. Lines
// naming no succeeded collection are left out (the matcher queues them as unknown).
Result<ChargeableCollections> LoadChargeable(store::Tx& tx, const std::vector<FileLine>& file,
                                             std::map<std::string, servicing::Collection>& collections) {
  ChargeableCollections out;
  std::map<std::string, std::int64_t> order_left;  // by order id: each order read once
  for (const FileLine& line : file) {
    if (line.kind != LineKind::kChargeback || out.contains(line.reference)) continue;
    TRANCHE_ASSIGN_OR_RETURN(auto c, tx.collections().Find(line.reference));
    if (!c || c->status != servicing::CollectionStatus::kSucceeded) continue;
    TRANCHE_ASSIGN_OR_RETURN(auto posted, tx.ledger().FindByPostingKey(ChargebackKey(line.reference)));
    TRANCHE_ASSIGN_OR_RETURN(auto plan, tx.plans().Find(c->plan_id));
    TRANCHE_ASSERT_MSG(plan.has_value(), "a collection's plan exists");
    if (!order_left.contains(plan->order_id)) {
      TRANCHE_ASSIGN_OR_RETURN(order_left[plan->order_id], OrderLeftMinor(tx, plan->order_id));
    }
    out.emplace(line.reference, Chargeable{c->amount, posted.has_value(), plan->order_id, order_left[plan->order_id]});
    collections.emplace(line.reference, std::move(*c));
  }
  return out;
}

Result<ExceptionRecord> LoadException(store::Tx& tx, std::string_view id) {
  TRANCHE_ASSIGN_OR_RETURN(auto found, tx.recon().FindException(id));
  if (!found) return Status::NotFound("exception_not_found", "no such reconciliation exception");
  return std::move(*found);
}

}  // namespace

Result<std::int64_t> OrderLeftMinor(store::Tx& tx, const std::string& order_id) {
  std::int64_t left_minor = 0;
  TRANCHE_ASSIGN_OR_RETURN(auto plans, tx.plans().ListByOrder(order_id));
  for (const lending::Plan& p : plans) {
    TRANCHE_ASSIGN_OR_RETURN(auto taken, tx.collections().ListOfPlan(p.id));
    for (const servicing::Collection& c : taken) {
      if (c.status != servicing::CollectionStatus::kSucceeded) continue;
      left_minor += c.amount.minor();
      TRANCHE_ASSIGN_OR_RETURN(auto payment, tx.ledger().FindByPostingKey(servicing::PaymentKey(c.id)));
      if (payment) left_minor += LinesOn(*payment, AccountType::kConsumerRefundsPayable);  // a credit: < 0
      TRANCHE_ASSIGN_OR_RETURN(auto charged_back, tx.ledger().FindByPostingKey(ChargebackKey(c.id)));
      if (charged_back) left_minor -= LinesOn(*charged_back, AccountType::kFraudLossExpense);
    }
  }
  TRANCHE_ASSIGN_OR_RETURN(auto refunds, tx.orders().ListRefunds(order_id));
  for (const checkout::RefundRecord& r : refunds) left_minor -= r.to_consumer.minor();
  TRANCHE_ASSIGN_OR_RETURN(auto fraud_refund, tx.ledger().FindByPostingKey(servicing::FraudRefundKey(order_id)));
  if (fraud_refund) left_minor -= LinesOn(*fraud_refund, AccountType::kFraudLossExpense);
  return std::max<std::int64_t>(0, left_minor);
}

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
  const std::string date = FormatDate(result.date);
  for (const auto& [currency, adj] : result.adjustments) {
    ledger::JournalEntry e =
        AdjustmentEntry(ids.Next("je"), "reconciliation:" + date + ":" + std::string(CurrencyCode(currency)),
                        "settlement_file:" + date, "reconciliation rule: processor fees and differences within tolerance",
                        now, currency, adj);
    if (e.lines.empty()) continue;
    TRANCHE_RETURN_IF_ERROR(ledger::Post(tx.ledger(), e).status());
  }
  return Status::Ok();
}

Result<DayOutcome> ReconcileDay(store::Tx& tx, IdGenerator& ids, Instant now, Date d, const std::vector<FileLine>& file,
                                const MatchRules& rules) {
  TRANCHE_ASSIGN_OR_RETURN(std::optional<Date> last, LastReconciledDate(tx));
  if (last && d <= *last) {
    return Status::Conflict("already_reconciled",
                            "files are reconciled in date order, once each; the last was " + FormatDate(*last));
  }
  TRANCHE_ASSIGN_OR_RETURN(auto stored, tx.recon().LoadState());
  CarriedState state = stored.value_or(CarriedState{});
  TRANCHE_ASSIGN_OR_RETURN(auto expected, ReadLedgerMovements(tx, state.cursor));
  if (!last) {
    std::erase_if(expected, [&](const Expected& e) { return e.date < d; });
  }
  std::map<std::string, servicing::Collection> collections;
  TRANCHE_ASSIGN_OR_RETURN(const ChargeableCollections chargeable, LoadChargeable(tx, file, collections));
  DayOutcome out;
  out.result = Reconcile(d, expected, file, chargeable, rules, state.match);
  TRANCHE_RETURN_IF_ERROR(PostAdjustments(tx, ids, now, out.result));
  for (const FileLine& line : out.result.chargebacks) {
    TRANCHE_RETURN_IF_ERROR(ledger::Post(tx.ledger(), ChargebackEntry(line, ids.Next("je"), now)).status());
    out.charged_back.push_back(collections.at(line.reference));
  }
  for (const ReconException& e : out.result.exceptions) {
    ExceptionRecord r;
    r.id = ids.Next("rex");
    r.exception = e;
    r.created_at = now;
    TRANCHE_RETURN_IF_ERROR(tx.recon().InsertException(r));
    out.exceptions.push_back(std::move(r));
  }
  const DayResult& res = out.result;
  TRANCHE_RETURN_IF_ERROR(tx.recon().InsertRun(RunRecord{d, res.lines, res.matched, res.matched_late, res.duplicates,
                                                         res.written_off,
                                                         static_cast<std::int64_t>(res.exceptions.size()), now,
                                                         static_cast<std::int64_t>(res.chargebacks.size())}));
  out.awaiting = state.match.awaiting.size();
  TRANCHE_RETURN_IF_ERROR(tx.recon().SaveState(state));
  return out;
}

// The newest run's date: runs are recorded once per date, in date order.
Result<std::optional<Date>> LastReconciledDate(store::Tx& tx) {
  TRANCHE_ASSIGN_OR_RETURN(auto newest, tx.recon().ListRuns(std::nullopt, 1));
  if (newest.empty()) return std::optional<Date>();
  return std::optional<Date>(newest.front().date);
}

Result<Summary> ReadSummary(store::Tx& tx) {
  Summary out;
  TRANCHE_ASSIGN_OR_RETURN(out.open, tx.recon().TotalsOfOpen());
  TRANCHE_ASSIGN_OR_RETURN(out.runs, tx.recon().ListRuns(std::nullopt, kSummaryRuns));
  if (!out.runs.empty()) out.last_date = out.runs.front().date;
  return out;
}

Result<ExceptionRecord> ClaimException(store::Tx& tx, std::string_view id, std::string_view operator_id, Instant now) {
  TRANCHE_ASSIGN_OR_RETURN(ExceptionRecord r, LoadException(tx, id));
  TRANCHE_ASSIGN_OR_RETURN(r, Claim(std::move(r), operator_id, now));
  TRANCHE_RETURN_IF_ERROR(tx.recon().UpdateException(r));
  return r;
}

Result<ExceptionRecord> ResolveException(store::Tx& tx, IdGenerator& ids, std::string_view id,
                                         std::string_view operator_id, Resolution resolution, std::string note,
                                         Instant now) {
  TRANCHE_ASSIGN_OR_RETURN(ExceptionRecord r, LoadException(tx, id));
  TRANCHE_ASSIGN_OR_RETURN(r, Resolve(std::move(r), operator_id, resolution, std::move(note), now));
  if (resolution == Resolution::kWriteOff) {
    ledger::JournalEntry e = WriteOffEntry(r, ids.Next("je"));
    TRANCHE_ASSERT_MSG(!e.lines.empty(), "a write-off moves the exception's open amount");
    TRANCHE_ASSIGN_OR_RETURN(ledger::Posted posted, ledger::Post(tx.ledger(), e));
    r.journal_entry_id = posted.entry.id;
  }
  TRANCHE_RETURN_IF_ERROR(tx.recon().UpdateException(r));
  return r;
}

}  // namespace tranche::recon
