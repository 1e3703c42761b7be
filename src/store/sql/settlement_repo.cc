// Settlements and their lines in SQLite; movements read from the ledger.
#include "core/enum_names.h"
#include "store/sql/settlement_repo.h"
#include "store/sql/rows.h"

namespace tranche::store::sql {

using settlement::Movement;
using settlement::PayableAccount;
using settlement::Settlement;

namespace {

constexpr settlement::LineKind kLineKinds[] = {settlement::LineKind::kCapture, settlement::LineKind::kRefund,
                                               settlement::LineKind::kAdjustment};

constexpr char kSettlementById[] =
    "SELECT id, merchant_id, currency, business_date, captures_minor, fees_minor, refunds_minor, adjustments_minor,"
    " carried_in_minor, net_minor, last_seq, payout_id, created_at_us FROM settlements WHERE id = ?";
constexpr char kLatestSettlement[] =
    "SELECT id, merchant_id, currency, business_date, captures_minor, fees_minor, refunds_minor, adjustments_minor,"
    " carried_in_minor, net_minor, last_seq, payout_id, created_at_us FROM settlements"
    " WHERE merchant_id = ? AND currency = ? ORDER BY business_date DESC LIMIT 1";
constexpr char kSettlementsOfMerchant[] =
    "SELECT id, merchant_id, currency, business_date, captures_minor, fees_minor, refunds_minor, adjustments_minor,"
    " carried_in_minor, net_minor, last_seq, payout_id, created_at_us FROM settlements"
    " WHERE merchant_id = ? AND id > ? ORDER BY id LIMIT ?";
Result<Settlement> ReadSettlement(const Statement& s) {
  const auto currency = ParseCurrency(s.Text(2));
  const auto date = ParseDate(s.Text(3));
  if (!currency || !date) return Status::Internal("stored settlement is malformed");
  const auto money = [&](int column) { return Money(s.Int(column), *currency); };
  return Settlement{s.Text(0), s.Text(1),  *date,     money(4),   money(5),
                    money(6),  money(7),   money(8),  money(9),   s.Int(10),
                    s.Text(11), InstantFromUnixMicros(s.Int(12)), {}};
}

}  // namespace

Result<std::vector<PayableAccount>> SqlSettlementRepo::ListPayableAccounts() {
  auto s = c_.Prepare("SELECT owner, currency FROM ledger_accounts WHERE type = 'merchant_payable' ORDER BY id");
  return CollectAll<PayableAccount>(s, [](const Statement& st) -> Result<PayableAccount> {
    const auto c = ParseCurrency(st.Text(1));
    if (!c) return Status::Internal("stored account is malformed");
    return PayableAccount{st.Text(0), *c};
  });
}

Result<std::vector<Movement>> SqlSettlementRepo::ListMovements(const PayableAccount& a, std::int64_t after_seq,
                                                                 Instant until, std::size_t limit) {
  // The payable line of each entry, with the same entry's MDR revenue line (captures).
  auto s = c_.Prepare(
      "SELECT e.seq, e.id, e.reason, e.object_id, l.amount_minor, e.posted_at_us,"
      " COALESCE((SELECT -m.amount_minor FROM journal_lines m JOIN ledger_accounts ma"
      "  ON ma.account_key = m.account_key WHERE m.entry_seq = e.seq AND ma.type = 'mdr_revenue'), 0)"
      " FROM ledger_accounts pa JOIN journal_lines l ON l.account_key = pa.account_key"
      " JOIN journal_entries e ON e.seq = l.entry_seq"
      " WHERE pa.id = ? AND l.entry_seq > ? AND e.posted_at_us < ? ORDER BY l.entry_seq LIMIT ?");
  s.Bind(1, "merchant_payable:" + std::string(CurrencyCode(a.currency)) + ":" + a.merchant_id)
      .Bind(2, after_seq).Bind(3, UnixMicros(until)).Bind(4, static_cast<std::int64_t>(limit));
  return CollectAll<Movement>(s, [&a](const Statement& st) -> Result<Movement> {
    const auto reason = ledger::ParseReason(st.Text(2));
    if (!reason) return Status::Internal("stored entry is malformed");
    return Movement{st.Int(0),  st.Text(1), *reason, st.Text(3), Money(st.Int(4), a.currency), Money(st.Int(6), a.currency),
                    InstantFromUnixMicros(st.Int(5))};
  });
}

Result<std::optional<Settlement>> SqlSettlementRepo::Latest(const PayableAccount& a) {
  auto s = c_.Prepare(kLatestSettlement);
  s.Bind(1, a.merchant_id).Bind(2, CurrencyCode(a.currency));
  return FindOne<Settlement>(s, ReadSettlement);
}

Status SqlSettlementRepo::Insert(const Settlement& st) {
  // The rows have one currency column: every amount is in it.
  const Currency c = st.currency();
  for (const Money m : {st.captures, st.fees, st.refunds, st.adjustments, st.carried_in}) {
    TRANCHE_ASSERT(m.currency() == c);
  }
  for (const settlement::Line& l : st.lines) {
    TRANCHE_ASSERT(l.gross.currency() == c && l.fee.currency() == c && l.net.currency() == c);
  }
  auto s = c_.Prepare(
      "INSERT INTO settlements(id, merchant_id, currency, business_date, captures_minor, fees_minor, refunds_minor,"
      " adjustments_minor, carried_in_minor, net_minor, last_seq, payout_id, created_at_us)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  s.Bind(1, st.id).Bind(2, st.merchant_id).Bind(3, CurrencyCode(c)).Bind(4, FormatDate(st.business_date))
      .Bind(5, st.captures.minor()).Bind(6, st.fees.minor()).Bind(7, st.refunds.minor())
      .Bind(8, st.adjustments.minor()).Bind(9, st.carried_in.minor()).Bind(10, st.net.minor())
      .Bind(11, st.last_seq).Bind(12, st.payout_id)
      .Bind(13, UnixMicros(st.created_at));
  TRANCHE_RETURN_IF_ERROR(s.Run());
  int line_no = 0;
  for (const settlement::Line& l : st.lines) {
    auto ins = c_.Prepare(
        "INSERT INTO settlement_lines(settlement_id, line_no, kind, entry_id, object_id, gross_minor, fee_minor,"
        " net_minor, posted_at_us) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    ins.Bind(1, st.id).Bind(2, ++line_no).Bind(3, settlement::LineKindName(l.kind)).Bind(4, l.entry_id)
        .Bind(5, l.object_id).Bind(6, l.gross.minor()).Bind(7, l.fee.minor()).Bind(8, l.net.minor())
        .Bind(9, UnixMicros(l.posted_at));
    TRANCHE_RETURN_IF_ERROR(ins.Run());
  }
  return Status::Ok();
}

Result<std::optional<Settlement>> SqlSettlementRepo::Find(std::string_view id) {
  auto s = c_.Prepare(kSettlementById);
  s.Bind(1, id);
  TRANCHE_ASSIGN_OR_RETURN(std::optional<Settlement> st, FindOne<Settlement>(s, ReadSettlement));
  if (!st) return st;
  auto l = c_.Prepare(
      "SELECT kind, entry_id, object_id, gross_minor, fee_minor, net_minor, posted_at_us FROM settlement_lines"
      " WHERE settlement_id = ? ORDER BY line_no");
  l.Bind(1, id);
  const Currency c = st->currency();
  TRANCHE_ASSIGN_OR_RETURN(st->lines, CollectAll<settlement::Line>(l, [c](const Statement& r)
                                                                       -> Result<settlement::Line> {
    const auto kind = ParseByName<settlement::LineKind>(kLineKinds, settlement::LineKindName, r.Text(0));
    if (!kind) return Status::Internal("stored settlement line is malformed");
    return settlement::Line{*kind,           r.Text(1),       r.Text(2),
                            Money(r.Int(3), c), Money(r.Int(4), c), Money(r.Int(5), c),
                            InstantFromUnixMicros(r.Int(6))};
  }));
  return st;
}

Result<std::vector<Settlement>> SqlSettlementRepo::List(std::string_view merchant_id, std::string_view after_id,
                                                           std::size_t limit) {
  auto s = c_.Prepare(kSettlementsOfMerchant);
  s.Bind(1, merchant_id).Bind(2, after_id).Bind(3, static_cast<std::int64_t>(limit));
  return CollectAll<Settlement>(s, ReadSettlement);
}

Status SqlSettlementRepo::InsertWriteOff(const settlement::DebtWriteOff& w) {
  auto s = c_.Prepare(
      "INSERT INTO merchant_write_offs(id, merchant_id, currency, amount_minor, entry_id, written_off_by, reason,"
      " written_off_at_us) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  s.Bind(1, w.id).Bind(2, w.merchant_id).Bind(3, CurrencyCode(w.amount.currency())).Bind(4, w.amount.minor())
      .Bind(5, w.entry_id).Bind(6, w.written_off_by).Bind(7, w.reason).Bind(8, UnixMicros(w.written_off_at));
  return s.Run();
}

Result<std::vector<settlement::DebtWriteOff>> SqlSettlementRepo::ListWriteOffs(std::string_view merchant_id,
                                                                                std::size_t limit) {
  auto s = c_.Prepare(
      "SELECT id, merchant_id, currency, amount_minor, entry_id, written_off_by, reason, written_off_at_us"
      " FROM merchant_write_offs WHERE merchant_id = ? ORDER BY id LIMIT ?");
  s.Bind(1, merchant_id).Bind(2, static_cast<std::int64_t>(limit));
  return CollectAll<settlement::DebtWriteOff>(s, [](const Statement& r) -> Result<settlement::DebtWriteOff> {
    const auto c = ParseCurrency(r.Text(2));
    if (!c) return Status::Internal("stored write-off is malformed");
    return settlement::DebtWriteOff{r.Text(0), r.Text(1), Money(r.Int(3), *c), r.Text(4), r.Text(5), r.Text(6),
                                    InstantFromUnixMicros(r.Int(7))};
  });
}

}  // namespace tranche::store::sql
