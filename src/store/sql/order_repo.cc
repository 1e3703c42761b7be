// Authorizations, orders, captures and refunds in SQLite.
#include "core/enum_names.h"
#include "store/sql/order_repo.h"
#include "store/sql/rows.h"

namespace tranche::store::sql {

using checkout::Authorization;
using checkout::CaptureRecord;
using checkout::Order;
using checkout::OrderStatus;
using checkout::RefundRecord;

namespace {

constexpr char kAuthorizationById[] =
    "SELECT id, session_id, merchant_id, consumer_id, decision_id, product, currency,"
    " amount_minor, apr_bps, created_at_us, expires_at_us, order_id"
    " FROM authorizations WHERE id = ?";
constexpr char kOrderById[] =
    "SELECT id, merchant_id, consumer_id, authorization_id, merchant_reference, product,"
    " apr_bps, currency, status, authorized_minor, captured_minor, refunded_minor,"
    " released_minor, authorization_expires_at_us, created_at_us FROM orders WHERE id = ?";
constexpr char kOrdersOfMerchant[] =
    "SELECT id, merchant_id, consumer_id, authorization_id, merchant_reference, product,"
    " apr_bps, currency, status, authorized_minor, captured_minor, refunded_minor,"
    " released_minor, authorization_expires_at_us, created_at_us FROM orders"
    " WHERE merchant_id = ? AND id > ? ORDER BY id LIMIT ?";
constexpr char kExpiredOrders[] =
    "SELECT id, merchant_id, consumer_id, authorization_id, merchant_reference, product,"
    " apr_bps, currency, status, authorized_minor, captured_minor, refunded_minor,"
    " released_minor, authorization_expires_at_us, created_at_us FROM orders"
    " WHERE status IN ('authorized', 'part_captured') AND authorization_expires_at_us <= ?"
    " ORDER BY authorization_expires_at_us LIMIT ?";

Result<Authorization> ReadAuthorization(const Statement& s) {
  const auto product = lending::ParseProduct(s.Text(5));
  const auto currency = ParseCurrency(s.Text(6));
  if (!product || !currency) return Status::Internal("stored authorization is malformed");
  Authorization a{s.Text(0), s.Text(1), s.Text(2), s.Text(3), s.Text(4), *product,
                  Money(s.Int(7), *currency), s.Int(8), InstantFromUnixMicros(s.Int(9)),
                  InstantFromUnixMicros(s.Int(10)), std::nullopt};
  if (!s.IsNull(11)) a.order_id = s.Text(11);
  return a;
}

Result<Order> ReadOrder(const Statement& s) {
  const auto product = lending::ParseProduct(s.Text(5));
  const auto currency = ParseCurrency(s.Text(7));
  const auto status = ParseByName<OrderStatus>(checkout::kAllOrderStatuses,
                                               checkout::OrderStatusName, s.Text(8));
  if (!product || !currency || !status) return Status::Internal("stored order is malformed");
  const Currency c = *currency;
  return Order{s.Text(0), s.Text(1), s.Text(2), s.Text(3), s.Text(4), *product, s.Int(6),
               checkout::OrderState{*status,
                                    {Money(s.Int(9), c), Money(s.Int(10), c), Money(s.Int(11), c),
                                     Money(s.Int(12), c)},
                                    InstantFromUnixMicros(s.Int(13))},
               InstantFromUnixMicros(s.Int(14))};
}

}  // namespace

Status SqlOrderRepo::InsertAuthorization(const Authorization& a) {
  auto s = c_.Prepare(
      "INSERT INTO authorizations(id, session_id, merchant_id, consumer_id, decision_id, product,"
      " currency, amount_minor, apr_bps, created_at_us, expires_at_us, order_id)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  s.Bind(1, a.id).Bind(2, a.session_id).Bind(3, a.merchant_id).Bind(4, a.consumer_id)
      .Bind(5, a.decision_id).Bind(6, lending::ProductName(a.product))
      .Bind(7, CurrencyCode(a.amount.currency())).Bind(8, a.amount.minor()).Bind(9, a.apr_bps)
      .Bind(10, UnixMicros(a.created_at)).Bind(11, UnixMicros(a.expires_at));
  BindOptional(s, 12, a.order_id);
  return s.Run();
}

Result<std::optional<Authorization>> SqlOrderRepo::FindAuthorization(std::string_view id) {
  auto s = c_.Prepare(kAuthorizationById);
  s.Bind(1, id);
  return FindOne<Authorization>(s, ReadAuthorization);
}

Status SqlOrderRepo::AttachOrder(std::string_view authorization_id, std::string_view order_id) {
  auto s = c_.Prepare("UPDATE authorizations SET order_id = ? WHERE id = ? AND order_id IS NULL");
  s.Bind(1, order_id).Bind(2, authorization_id);
  TRANCHE_RETURN_IF_ERROR(s.Run());
  if (c_.Changes() != 1) {
    return Status::Conflict("authorization_already_used",
                            "an order was already created from this authorization");
  }
  return Status::Ok();
}

Status SqlOrderRepo::ReleaseAuthorization(std::string_view authorization_id, Instant at) {
  auto s = c_.Prepare(
      "UPDATE authorizations SET expires_at_us = CASE WHEN expires_at_us < ?1 THEN expires_at_us ELSE ?1 END"
      " WHERE id = ?2 AND order_id IS NULL");
  s.Bind(1, UnixMicros(at)).Bind(2, authorization_id);
  TRANCHE_RETURN_IF_ERROR(s.Run());
  TRANCHE_ASSERT_MSG(c_.Changes() == 1, "only an authorization without an order is released alone");
  return Status::Ok();
}

Status SqlOrderRepo::InsertOrder(const Order& o) {
  auto s = c_.Prepare(
      "INSERT INTO orders(id, merchant_id, consumer_id, authorization_id, merchant_reference,"
      " product, apr_bps, currency, status, authorized_minor, captured_minor, refunded_minor,"
      " released_minor, authorization_expires_at_us, created_at_us)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  const checkout::OrderAmounts& a = o.state.amounts;
  s.Bind(1, o.id).Bind(2, o.merchant_id).Bind(3, o.consumer_id).Bind(4, o.authorization_id)
      .Bind(5, o.merchant_reference).Bind(6, lending::ProductName(o.product)).Bind(7, o.apr_bps)
      .Bind(8, CurrencyCode(a.authorized.currency()))
      .Bind(9, checkout::OrderStatusName(o.state.status)).Bind(10, a.authorized.minor())
      .Bind(11, a.captured.minor()).Bind(12, a.refunded.minor()).Bind(13, a.released.minor())
      .Bind(14, UnixMicros(o.state.authorization_expires_at)).Bind(15, UnixMicros(o.created_at));
  return s.Run();
}

Result<std::optional<Order>> SqlOrderRepo::FindOrder(std::string_view id) {
  auto s = c_.Prepare(kOrderById);
  s.Bind(1, id);
  return FindOne<Order>(s, ReadOrder);
}

Status SqlOrderRepo::UpdateOrderState(const Order& o) {
  auto s = c_.Prepare(
      "UPDATE orders SET status = ?, captured_minor = ?, refunded_minor = ?, released_minor = ?"
      " WHERE id = ?");
  const checkout::OrderAmounts& a = o.state.amounts;
  s.Bind(1, checkout::OrderStatusName(o.state.status)).Bind(2, a.captured.minor())
      .Bind(3, a.refunded.minor()).Bind(4, a.released.minor()).Bind(5, o.id);
  TRANCHE_RETURN_IF_ERROR(s.Run());
  TRANCHE_ASSERT(c_.Changes() == 1);
  return Status::Ok();
}

Result<std::vector<Order>> SqlOrderRepo::ListOrders(std::string_view merchant_id,
                                                       std::string_view after_id,
                                                       std::size_t limit) {
  auto s = c_.Prepare(kOrdersOfMerchant);
  s.Bind(1, merchant_id).Bind(2, after_id).Bind(3, static_cast<std::int64_t>(limit));
  return CollectAll<Order>(s, ReadOrder);
}

Result<std::vector<Order>> SqlOrderRepo::ListExpired(Instant now, std::size_t limit) {
  auto s = c_.Prepare(kExpiredOrders);
  s.Bind(1, UnixMicros(now)).Bind(2, static_cast<std::int64_t>(limit));
  return CollectAll<Order>(s, ReadOrder);
}

Status SqlOrderRepo::InsertCapture(const CaptureRecord& c) {
  auto s = c_.Prepare(
      "INSERT INTO captures(id, order_id, plan_id, amount_minor, shipping_carrier,"
      " shipping_tracking_number, created_at_us) VALUES (?, ?, ?, ?, ?, ?, ?)");
  s.Bind(1, c.id).Bind(2, c.order_id).Bind(3, c.plan_id).Bind(4, c.amount.minor())
      .Bind(7, UnixMicros(c.created_at));
  BindOptional(s, 5, c.shipping ? std::optional(c.shipping->carrier) : std::nullopt);
  BindOptional(s, 6, c.shipping ? std::optional(c.shipping->tracking_number) : std::nullopt);
  return s.Run();
}

Result<std::vector<CaptureRecord>> SqlOrderRepo::ListCaptures(std::string_view order_id) {
  auto s = c_.Prepare(
      "SELECT c.id, c.order_id, c.plan_id, c.amount_minor, c.shipping_carrier,"
      " c.shipping_tracking_number, c.created_at_us, o.currency"
      " FROM captures c JOIN orders o ON o.id = c.order_id WHERE c.order_id = ? ORDER BY c.id");
  s.Bind(1, order_id);
  return CollectAll<CaptureRecord>(s, [](const Statement& st) -> Result<CaptureRecord> {
    const auto c = ParseCurrency(st.Text(7));
    if (!c) return Status::Internal("stored capture is malformed");
    CaptureRecord r{st.Text(0), st.Text(1), st.Text(2), Money(st.Int(3), *c), std::nullopt,
                    InstantFromUnixMicros(st.Int(6))};
    if (!st.IsNull(4)) r.shipping = checkout::ShippingInfo{st.Text(4), st.Text(5)};
    return r;
  });
}

Status SqlOrderRepo::InsertRefund(const RefundRecord& r) {
  auto s = c_.Prepare(
      "INSERT INTO refunds(id, order_id, amount_minor, to_consumer_minor, reason, created_at_us, refunded_by)"
      " VALUES (?, ?, ?, ?, ?, ?, ?)");
  s.Bind(1, r.id).Bind(2, r.order_id).Bind(3, r.amount.minor()).Bind(4, r.to_consumer.minor())
      .Bind(5, r.reason).Bind(6, UnixMicros(r.created_at));
  if (r.refunded_by.empty()) {
    s.BindNull(7);
  } else {
    s.Bind(7, r.refunded_by);
  }
  return s.Run();
}

Result<std::vector<RefundRecord>> SqlOrderRepo::ListRefunds(std::string_view order_id) {
  auto s = c_.Prepare(
      "SELECT r.id, r.order_id, r.amount_minor, r.to_consumer_minor, r.reason, r.created_at_us,"
      " o.currency, r.refunded_by FROM refunds r JOIN orders o ON o.id = r.order_id WHERE r.order_id = ?"
      " ORDER BY r.id");
  s.Bind(1, order_id);
  return CollectAll<RefundRecord>(s, [](const Statement& st) -> Result<RefundRecord> {
    const auto c = ParseCurrency(st.Text(6));
    if (!c) return Status::Internal("stored refund is malformed");
    return RefundRecord{st.Text(0), st.Text(1), Money(st.Int(2), *c), Money(st.Int(3), *c),
                        st.Text(4), InstantFromUnixMicros(st.Int(5)), st.IsNull(7) ? "" : st.Text(7)};
  });
}

Result<Money> SqlOrderRepo::OpenAuthorizations(std::string_view consumer_id, Currency currency,
                                                  Instant now) {
  // Summed in SQL over bounded amounts; total() would turn an overflow into a REAL,
  // sum() raises an error instead, which is what we want.
  auto s = c_.Prepare(
      "SELECT (SELECT COALESCE(SUM(amount_minor), 0) FROM authorizations"
      "         WHERE consumer_id = ?1 AND currency = ?2 AND order_id IS NULL"
      "           AND expires_at_us > ?3)"
      "     + (SELECT COALESCE(SUM(authorized_minor - captured_minor - released_minor), 0)"
      "         FROM orders WHERE consumer_id = ?1 AND currency = ?2"
      "           AND status IN ('authorized', 'part_captured')"
      "           AND authorization_expires_at_us > ?3)");
  s.Bind(1, consumer_id).Bind(2, CurrencyCode(currency)).Bind(3, UnixMicros(now));
  TRANCHE_ASSIGN_OR_RETURN(bool row, s.Step());
  TRANCHE_ASSERT(row);
  const std::int64_t total = s.Int(0);
  TRANCHE_ASSERT(total >= 0);
  return Money(total, currency);
}

}  // namespace tranche::store::sql
