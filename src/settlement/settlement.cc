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

std::string_view PayoutStatusName(PayoutStatus s) {
  switch (s) {
    case PayoutStatus::kPending: return "pending";
    case PayoutStatus::kPaid: return "paid";
    case PayoutStatus::kFailed: return "failed";
    case PayoutStatus::kUnknown: return "unknown";
  }
  TRANCHE_ASSERT_MSG(false, "unknown payout status");
  return "";
}

payments::MovementState MovementStateOf(PayoutStatus s) {
  switch (s) {
    case PayoutStatus::kPending: return payments::MovementState::kPending;
    case PayoutStatus::kPaid: return payments::MovementState::kSucceeded;
    case PayoutStatus::kFailed: return payments::MovementState::kFailed;
    case PayoutStatus::kUnknown: return payments::MovementState::kUnknown;
  }
  TRANCHE_ASSERT_MSG(false, "unknown payout status");
  return payments::MovementState::kUnknown;
}

PayoutStatus PayoutStatusOf(payments::MovementState s) {
  switch (s) {
    case payments::MovementState::kPending: return PayoutStatus::kPending;
    case payments::MovementState::kSucceeded: return PayoutStatus::kPaid;
    case payments::MovementState::kFailed: return PayoutStatus::kFailed;
    case payments::MovementState::kUnknown: return PayoutStatus::kUnknown;
  }
  TRANCHE_ASSERT_MSG(false, "unknown movement state");
  return PayoutStatus::kUnknown;
}

Settlement BuildSettlement(std::string id, std::string merchant_id, Currency c, Date business_date,
                           std::int64_t carried_in_minor, std::int64_t after_seq,
                           const std::vector<Movement>& movements, Instant now) {
  Settlement s{};
  s.id = std::move(id);
  s.merchant_id = std::move(merchant_id);
  s.currency = c;
  s.business_date = business_date;
  s.carried_in_minor = carried_in_minor;
  s.last_seq = after_seq;
  s.created_at = now;
  std::int64_t net = carried_in_minor;
  for (const Movement& m : movements) {
    TRANCHE_ASSERT(m.seq > s.last_seq);
    s.last_seq = m.seq;
    if (m.reason == ledger::Reason::kPayout) continue;
    const std::int64_t owed = -m.payable_minor;  // credit to the payable: owed to the merchant
    Line line{LineKind::kAdjustment, m.entry_id, m.object_id, owed, 0, owed, m.posted_at};
    if (m.reason == ledger::Reason::kCapture) {
      line = {LineKind::kCapture, m.entry_id, m.object_id, owed + m.mdr_minor, m.mdr_minor, owed, m.posted_at};
      s.captures_minor += line.gross_minor;
      s.fees_minor += line.fee_minor;
    } else if (m.reason == ledger::Reason::kRefund) {
      line.kind = LineKind::kRefund;
      s.refunds_minor -= owed;
    } else {
      s.adjustments_minor += owed;
    }
    net += owed;
    s.lines.push_back(std::move(line));
  }
  s.net_minor = net;
  TRANCHE_ASSERT(s.net_minor ==
                 s.carried_in_minor + s.captures_minor - s.fees_minor - s.refunds_minor + s.adjustments_minor);
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
    row.Text(s.id).Text(FormatDate(s.business_date)).Text(CurrencyCode(s.currency)).Text(LineKindName(l.kind));
    row.Text(l.object_id).Text(l.entry_id).Text(FormatRfc3339(l.posted_at));
    row.Integer(l.gross_minor).Integer(l.fee_minor).Integer(l.net_minor).End();
  }
  return out;
}

}  // namespace tranche::settlement
