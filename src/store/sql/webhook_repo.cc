// Webhook endpoints, the event outbox and deliveries in SQLite.
#include <nlohmann/json.hpp>

#include "core/enum_names.h"
#include "store/sql/webhook_repo.h"
#include "store/sql/rows.h"

namespace tranche::store::sql {

using webhooks::Delivery;
using webhooks::DeliveryStatus;
using webhooks::Endpoint;
using webhooks::Event;
using Json = nlohmann::json;

namespace {

constexpr DeliveryStatus kStatuses[] = {DeliveryStatus::kPending, DeliveryStatus::kDelivered, DeliveryStatus::kFailed};

constexpr char kDeliveryColumns[] =
    "SELECT id, event_id, endpoint_id, status, attempts, next_attempt_at_us, last_status_code, last_error,"
    " created_at_us FROM webhook_deliveries WHERE id = ?";
constexpr char kDueDeliveries[] =
    "SELECT id, event_id, endpoint_id, status, attempts, next_attempt_at_us, last_status_code, last_error,"
    " created_at_us FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY endpoint_id ORDER BY next_attempt_at_us, id)"
    " AS nth FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_at_us <= ?1"
    " AND (claim_expires_at_us IS NULL OR claim_expires_at_us <= ?1)) AS due"
    " WHERE nth <= ?2 ORDER BY next_attempt_at_us, id LIMIT ?3";
constexpr char kEndpointDeliveries[] =
    "SELECT id, event_id, endpoint_id, status, attempts, next_attempt_at_us, last_status_code, last_error,"
    " created_at_us FROM webhook_deliveries WHERE endpoint_id = ? AND (? = '' OR id < ?) ORDER BY id DESC LIMIT ?";

Result<Endpoint> ReadEndpoint(const Statement& s) {
  const Json events = Json::parse(s.Text(3), nullptr, false);
  if (!events.is_array()) return Status::Internal("stored webhook endpoint is malformed");
  return Endpoint{s.Text(0), s.Text(1), s.Text(2), events.get<std::vector<std::string>>(),
                  InstantFromUnixMicros(s.Int(4)), s.Int(5) != 0};
}

Result<Delivery> ReadDelivery(const Statement& s) {
  const auto status = ParseByName<DeliveryStatus>(kStatuses, webhooks::DeliveryStatusName, s.Text(3));
  if (!status) return Status::Internal("stored webhook delivery is malformed");
  Delivery d{s.Text(0), s.Text(1), s.Text(2), *status, static_cast<int>(s.Int(4)),
             InstantFromUnixMicros(s.Int(5)), std::nullopt, s.Text(7), InstantFromUnixMicros(s.Int(8))};
  if (!s.IsNull(6)) d.last_status_code = static_cast<int>(s.Int(6));
  return d;
}

}  // namespace

Status SqlWebhookRepo::InsertEndpoint(const Endpoint& e) {
  auto s = c_.Prepare(
      "INSERT INTO webhook_endpoints(id, merchant_id, url, events, created_at_us, deleted) VALUES (?, ?, ?, ?, ?, ?)");
  s.Bind(1, e.id).Bind(2, e.merchant_id).Bind(3, e.url).Bind(4, Json(e.events).dump())
      .Bind(5, UnixMicros(e.created_at)).Bind(6, e.deleted ? 1 : 0);
  return s.Run();
}

Result<std::optional<Endpoint>> SqlWebhookRepo::FindEndpoint(std::string_view id) {
  auto s = c_.Prepare(
      "SELECT id, merchant_id, url, events, created_at_us, deleted FROM webhook_endpoints WHERE id = ?");
  s.Bind(1, id);
  return FindOne<Endpoint>(s, ReadEndpoint);
}

Result<std::vector<Endpoint>> SqlWebhookRepo::ListEndpoints(std::string_view merchant_id) {
  auto s = c_.Prepare(
      "SELECT id, merchant_id, url, events, created_at_us, deleted FROM webhook_endpoints"
      " WHERE merchant_id = ? AND deleted = 0 ORDER BY id");
  s.Bind(1, merchant_id);
  return CollectAll<Endpoint>(s, ReadEndpoint);
}

Status SqlWebhookRepo::DeleteEndpoint(std::string_view id) {
  auto s = c_.Prepare("UPDATE webhook_endpoints SET deleted = 1 WHERE id = ?");
  s.Bind(1, id);
  TRANCHE_RETURN_IF_ERROR(s.Run());
  // What was still waiting for it will not be sent.
  auto d = c_.Prepare("UPDATE webhook_deliveries SET status = 'failed', last_error = 'endpoint deleted'"
                      " WHERE endpoint_id = ? AND status = 'pending'");
  d.Bind(1, id);
  return d.Run();
}

Result<int> SqlWebhookRepo::Publish(const Event& e, IdGenerator& ids) {
  auto s = c_.Prepare("INSERT INTO events(id, merchant_id, type, payload, created_at_us) VALUES (?, ?, ?, ?, ?)");
  s.Bind(1, e.id).Bind(2, e.merchant_id).Bind(3, e.type).Bind(4, e.payload).Bind(5, UnixMicros(e.created_at));
  TRANCHE_RETURN_IF_ERROR(s.Run());
  TRANCHE_ASSIGN_OR_RETURN(auto endpoints, ListEndpoints(e.merchant_id));
  int n = 0;
  for (const Endpoint& ep : endpoints) {
    if (std::find(ep.events.begin(), ep.events.end(), e.type) == ep.events.end()) continue;
    TRANCHE_RETURN_IF_ERROR(InsertDelivery(
        Delivery{ids.Next("whd"), e.id, ep.id, DeliveryStatus::kPending, 0, e.created_at, std::nullopt, "", e.created_at}));
    ++n;
  }
  return n;
}

Result<std::optional<Event>> SqlWebhookRepo::FindEvent(std::string_view id) {
  auto s = c_.Prepare("SELECT id, merchant_id, type, payload, created_at_us FROM events WHERE id = ?");
  s.Bind(1, id);
  return FindOne<Event>(s, [](const Statement& st) -> Result<Event> {
    return Event{st.Text(0), st.Text(1), st.Text(2), st.Text(3), InstantFromUnixMicros(st.Int(4))};
  });
}

Result<std::vector<Event>> SqlWebhookRepo::ListEvents(std::string_view merchant_id, std::string_view after_id,
                                                         std::size_t limit) {
  auto s = c_.Prepare(
      "SELECT id, merchant_id, type, payload, created_at_us FROM events WHERE merchant_id = ? AND id > ?"
      " ORDER BY id LIMIT ?");
  s.Bind(1, merchant_id).Bind(2, after_id).Bind(3, static_cast<std::int64_t>(limit));
  return CollectAll<Event>(s, [](const Statement& st) -> Result<Event> {
    return Event{st.Text(0), st.Text(1), st.Text(2), st.Text(3), InstantFromUnixMicros(st.Int(4))};
  });
}

Status SqlWebhookRepo::InsertDelivery(const Delivery& d) {
  auto s = c_.Prepare(
      "INSERT INTO webhook_deliveries(id, event_id, endpoint_id, status, attempts, next_attempt_at_us,"
      " last_status_code, last_error, created_at_us) VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?)");
  s.Bind(1, d.id).Bind(2, d.event_id).Bind(3, d.endpoint_id).Bind(4, webhooks::DeliveryStatusName(d.status))
      .Bind(5, d.attempts).Bind(6, UnixMicros(d.next_attempt_at)).Bind(7, d.last_error)
      .Bind(8, UnixMicros(d.created_at));
  return s.Run();
}

Result<std::optional<Delivery>> SqlWebhookRepo::FindDelivery(std::string_view id) {
  auto s = c_.Prepare(kDeliveryColumns);
  s.Bind(1, id);
  return FindOne<Delivery>(s, ReadDelivery);
}

Result<std::vector<Delivery>> SqlWebhookRepo::ListDue(Instant now, std::size_t per_endpoint, std::size_t limit) {
  auto s = c_.Prepare(kDueDeliveries);
  s.Bind(1, UnixMicros(now)).Bind(2, static_cast<std::int64_t>(per_endpoint)).Bind(3, static_cast<std::int64_t>(limit));
  return CollectAll<Delivery>(s, ReadDelivery);
}

Result<bool> SqlWebhookRepo::ClaimDelivery(std::string_view id, std::string_view node, Instant now, Instant until) {
  TRANCHE_ASSERT(now < until && !node.empty());
  auto s = c_.Prepare(
      "UPDATE webhook_deliveries SET claimed_by = ?1, claim_expires_at_us = ?4 WHERE id = ?2 AND status = 'pending'"
      " AND next_attempt_at_us <= ?3 AND (claim_expires_at_us IS NULL OR claim_expires_at_us <= ?3)");
  s.Bind(1, node).Bind(2, id).Bind(3, UnixMicros(now)).Bind(4, UnixMicros(until));
  TRANCHE_RETURN_IF_ERROR(s.Run());
  return c_.Changes() == 1;
}

Result<bool> SqlWebhookRepo::RecordAttempt(const Delivery& d, std::string_view node) {
  auto s = c_.Prepare(
      "UPDATE webhook_deliveries SET status = ?, attempts = ?, next_attempt_at_us = ?, last_status_code = ?,"
      " last_error = ?, claimed_by = NULL, claim_expires_at_us = NULL"
      " WHERE id = ? AND status = 'pending' AND claimed_by = ?");
  s.Bind(1, webhooks::DeliveryStatusName(d.status)).Bind(2, d.attempts).Bind(3, UnixMicros(d.next_attempt_at))
      .Bind(5, d.last_error.substr(0, 500)).Bind(6, d.id).Bind(7, node);
  if (d.last_status_code) {
    s.Bind(4, *d.last_status_code);
  } else {
    s.BindNull(4);
  }
  TRANCHE_RETURN_IF_ERROR(s.Run());
  return c_.Changes() == 1;
}

Result<std::vector<Delivery>> SqlWebhookRepo::ListDeliveries(std::string_view endpoint_id,
                                                                std::string_view before_id, std::size_t limit) {
  auto s = c_.Prepare(kEndpointDeliveries);
  s.Bind(1, endpoint_id).Bind(2, before_id).Bind(3, before_id).Bind(4, static_cast<std::int64_t>(limit));
  return CollectAll<Delivery>(s, ReadDelivery);
}

}  // namespace tranche::store::sql
