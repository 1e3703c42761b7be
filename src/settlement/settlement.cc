#include "settlement/settlement.h"

#include "core/csv_writer.h"

namespace tranche::settlement {

std::string_view LineKindName(LineKind k) {
  switch (k) {
    case LineKind::kCapture: return "capture";
    case LineKind::kRefund: return "refund";
    case LineKind::kAdjustment: return "adjustment";
  }
  TRANCHE_ASSERT_MSG(false, "unknown line kind");
  return "";
}

Settlement BuildSettlement(std::string id, std::string merchant_id, Date business_date, Money carried_in,
                           std::int64_t after_seq, const std::vector<Movement>& movements, Instant now) {
  const Currency c = carried_in.currency();
  const auto in_currency = [c](std::int64_t minor) { return Money(minor, c); };
  const Money zero = Money::Zero(c);
  Settlement s{std::move(id), std::move(merchant_id), business_date, zero, zero, zero, zero, carried_in,
               carried_in, after_seq, "", now, {}};
  // Summed in minor units of the one currency: each movement is checked to be in it.
  std::int64_t captures = 0;
  std::int64_t fees = 0;
  std::int64_t refunds = 0;
  std::int64_t adjustments = 0;
  std::int64_t net = carried_in.minor();
  for (const Movement& m : movements) {
    TRANCHE_ASSERT(m.seq > s.last_seq);
    TRANCHE_ASSERT(m.payable.currency() == c && m.mdr.currency() == c);
    s.last_seq = m.seq;
    if (m.reason == ledger::Reason::kPayout) continue;
    const std::int64_t owed = -m.payable.minor();  // credit to the payable: owed to the merchant
    Line line{LineKind::kAdjustment, m.entry_id, m.object_id, in_currency(owed), zero, in_currency(owed),
              m.posted_at};
    if (m.reason == ledger::Reason::kCapture) {
      line.kind = LineKind::kCapture;
      line.gross = in_currency(owed + m.mdr.minor());
      line.fee = m.mdr;
      captures += line.gross.minor();
      fees += line.fee.minor();
    } else if (m.reason == ledger::Reason::kRefund) {
      line.kind = LineKind::kRefund;
      refunds -= owed;
    } else {
      adjustments += owed;
    }
    net += owed;
    s.lines.push_back(std::move(line));
  }
  TRANCHE_ASSERT(net == carried_in.minor() + captures - fees - refunds + adjustments);
  s.captures = in_currency(captures);
  s.fees = in_currency(fees);
  s.refunds = in_currency(refunds);
  s.adjustments = in_currency(adjustments);
  s.net = in_currency(net);
  return s;
}

std::string SettlementCsv(const Settlement& s) {
  std::string out;
  CsvRecordWriter header(out);
  for (std::string_view name : {"settlement_id", "business_date", "currency", "kind", "object_id", "entry_id",
                                 "posted_at", "gross_minor", "fee_minor", "net_minor"}) {
    header.Text(name);
  }
  header.End();
  CsvRecordWriter row(out);
  for (const Line& l : s.lines) {
    row.Text(s.id).Text(FormatDate(s.business_date)).Text(CurrencyCode(s.currency())).Text(LineKindName(l.kind));
    row.Text(l.object_id).Text(l.entry_id).Text(FormatRfc3339(l.posted_at));
    row.Integer(l.gross.minor()).Integer(l.fee.minor()).Integer(l.net.minor()).End();
  }
  return out;
}

}  // namespace tranche::settlement
