// Consumer refunds in SQLite.
#include "core/enum_names.h"
#include "store/sql/consumer_refund_repo.h"
#include "store/sql/rows.h"

namespace tranche::store::sql {

using servicing::CollectionStatus;

Status SqlConsumerRefundRepo::Insert(const servicing::ConsumerRefund& r) {
  auto s = c_.Prepare(
      "INSERT INTO consumer_refunds(id, consumer_id, currency, amount_minor, method_type, method_last4,"
      " method_profile, status, processor_ref, created_at_us, resolved_at_us)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)");
  s.Bind(1, r.id).Bind(2, r.consumer_id).Bind(3, CurrencyCode(r.amount.currency())).Bind(4, r.amount.minor())
      .Bind(5, payments::MethodTypeName(r.method.type)).Bind(6, r.method.last4).Bind(7, r.method.profile)
      .Bind(8, servicing::CollectionStatusName(r.status)).Bind(9, r.processor_ref).Bind(10, UnixMicros(r.created_at));
  return s.Run();
}

Status SqlConsumerRefundRepo::Update(const servicing::ConsumerRefund& r) {
  auto s = c_.Prepare("UPDATE consumer_refunds SET status = ?, processor_ref = ?, resolved_at_us = ? WHERE id = ?");
  s.Bind(1, servicing::CollectionStatusName(r.status)).Bind(2, r.processor_ref);
  BindOptional(s, 3, r.resolved_at);
  s.Bind(4, r.id);
  TRANCHE_RETURN_IF_ERROR(s.Run());
  TRANCHE_ASSERT(c_.Changes() == 1);
  return Status::Ok();
}

Result<std::vector<servicing::ConsumerRefund>> SqlConsumerRefundRepo::ListInStatus(
    CollectionStatus status, std::string_view after_id, std::size_t limit) {
  auto s = c_.Prepare(
      "SELECT id, consumer_id, currency, amount_minor, method_type, method_last4, method_profile, status,"
      " processor_ref, created_at_us, resolved_at_us FROM consumer_refunds WHERE status = ? AND id > ?"
      " ORDER BY id LIMIT ?");
  s.Bind(1, servicing::CollectionStatusName(status)).Bind(2, after_id).Bind(3, static_cast<std::int64_t>(limit));
  return CollectAll<servicing::ConsumerRefund>(s, [](const Statement& st) -> Result<servicing::ConsumerRefund> {
    const auto currency = ParseCurrency(st.Text(2));
    const auto type = payments::ParseMethodType(st.Text(4));
    const auto state = ParseByName<CollectionStatus>(servicing::kAllCollectionStatuses,
                                                     servicing::CollectionStatusName, st.Text(7));
    if (!currency || !type || !state) return Status::Internal("stored consumer refund is malformed");
    servicing::ConsumerRefund r{st.Text(0), st.Text(1), Money(st.Int(3), *currency),
                                payments::PaymentMethod{*type, st.Text(5), st.Text(6)}, *state, st.Text(8),
                                InstantFromUnixMicros(st.Int(9))};
    if (!st.IsNull(10)) r.resolved_at = InstantFromUnixMicros(st.Int(10));
    return r;
  });
}

Result<std::vector<servicing::OwedRefund>> SqlConsumerRefundRepo::ListOwed(std::size_t limit) {
  // The payable is credit-normal: owed = credits − debits, less refunds in flight.
  auto s = c_.Prepare(
      "SELECT owner, currency, owed FROM (SELECT a.id, a.owner, a.currency,"
      "  a.credits_minor - a.debits_minor - COALESCE((SELECT SUM(r.amount_minor)"
      "  FROM consumer_refunds r WHERE r.consumer_id = a.owner AND r.currency = a.currency"
      "  AND r.status IN ('pending', 'unknown')), 0) AS owed"
      " FROM ledger_accounts a WHERE a.type = 'consumer_refunds_payable' AND a.credits_minor > a.debits_minor) o"
      " WHERE owed > 0 ORDER BY id LIMIT ?");
  s.Bind(1, static_cast<std::int64_t>(limit));
  return CollectAll<servicing::OwedRefund>(s, [](const Statement& st) -> Result<servicing::OwedRefund> {
    const auto currency = ParseCurrency(st.Text(1));
    if (!currency) return Status::Internal("stored account is malformed");
    return servicing::OwedRefund{st.Text(0), Money(st.Int(2), *currency)};
  });
}

}  // namespace tranche::store::sql
