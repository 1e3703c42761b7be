// Webhook endpoints, for merchants: subscribe a URL to events, list and delete them,
// see an endpoint's delivery log and replay a delivery. Operators see any merchant's
// endpoints and deliveries and replay them, through the same handlers under
// /v1/admin/merchants/{merchant_id}/. Events are published by the use
// cases that make the changes (ops/events.h), inside the same transaction.
#include "api/handlers/handlers.h"
#include "webhooks/webhook_repo.h"

namespace tranche::api {

namespace {

using webhooks::Delivery;
using webhooks::Endpoint;

constexpr std::size_t kMaxDeliveryPage = 100;

// The merchant whose endpoints the request is about: the calling merchant, or for an
// operator the one the path names.
const std::string& MerchantOf(const RequestContext& ctx) {
  return ctx.Caller().kind == auth::PrincipalKind::kOperator ? ctx.Param("merchant_id") : ctx.Caller().id;
}

// That merchant's endpoint, or 404.
Result<Endpoint> OwnEndpoint(store::Tx& tx, RequestContext& ctx) {
  const std::string& id = ctx.Param("id");
  TRANCHE_ASSIGN_OR_RETURN(auto e, tx.webhooks().FindEndpoint(id));
  if (!e || e->deleted || e->merchant_id != MerchantOf(ctx)) {
    return Status::NotFound("webhook_endpoint_not_found", "no webhook endpoint " + id.substr(0, 64), "id");
  }
  return std::move(*e);
}

Result<Reply> CreateEndpoint(RequestContext& ctx) {
  TRANCHE_RETURN_IF_ERROR(CheckKnownFields(ctx.body, {"url", "events"}));
  TRANCHE_ASSIGN_OR_RETURN(std::string url, RequireString(ctx.body, "url", webhooks::kMaxUrlChars));
  TRANCHE_RETURN_IF_ERROR(webhooks::ValidateUrl(url));
  TRANCHE_ASSIGN_OR_RETURN(const Json* events, RequireArray(ctx.body, "events", std::size(webhooks::kEventTypes)));
  Endpoint e{ctx.svc.ids.Next("whe"), ctx.Caller().id, std::move(url), {}, ctx.now, false};
  for (std::size_t i = 0; i < events->size(); ++i) {
    const Json& t = (*events)[i];
    if (!t.is_string() || !webhooks::IsEventType(t.get<std::string>())) {
      return Status::InvalidArgument("invalid_event_type", "unknown event type", "events[" + std::to_string(i) + "]");
    }
    if (std::find(e.events.begin(), e.events.end(), t.get<std::string>()) == e.events.end()) e.events.push_back(t);
  }
  return ctx.Commit([&](store::Tx& tx) -> Result<Reply> {
    TRANCHE_ASSIGN_OR_RETURN(auto existing, tx.webhooks().ListEndpoints(e.merchant_id));
    if (existing.size() >= webhooks::kMaxEndpointsPerMerchant) {
      return Status::BusinessRule("too_many_endpoints", "a merchant has at most 16 webhook endpoints");
    }
    TRANCHE_RETURN_IF_ERROR(tx.webhooks().InsertEndpoint(e));
    Reply reply(201, ops::WebhookEndpointJson(e));
    reply.body["secret"] = webhooks::SigningSecret(ctx.svc.signing_key, e.id);
    reply.RedactForReplay(Json::json_pointer("/secret"));
    return reply;
  });
}

Result<Reply> ListEndpoints(RequestContext& ctx) {
  std::vector<Endpoint> rows;
  TRANCHE_RETURN_IF_ERROR(ctx.Read([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(rows, tx.webhooks().ListEndpoints(MerchantOf(ctx)));
    return Status::Ok();
  }));
  Json data = Json::array();
  for (const Endpoint& e : rows) data.push_back(ops::WebhookEndpointJson(e));
  return Reply(200, ListBody(std::move(data), false, ""));
}

Result<Reply> DeleteEndpoint(RequestContext& ctx) {
  return ctx.Commit([&](store::Tx& tx) -> Result<Reply> {
    TRANCHE_ASSIGN_OR_RETURN(Endpoint e, OwnEndpoint(tx, ctx));
    TRANCHE_RETURN_IF_ERROR(tx.webhooks().DeleteEndpoint(e.id));
    return Reply(200, ops::DeletedJson(e.id, "webhook_endpoint"));
  });
}

Result<Reply> ListDeliveries(RequestContext& ctx) {
  TRANCHE_ASSIGN_OR_RETURN(PageRequest page, ParsePage(ctx.request.query, kMaxDeliveryPage));
  std::vector<Delivery> rows;
  TRANCHE_RETURN_IF_ERROR(ctx.Read([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(Endpoint e, OwnEndpoint(tx, ctx));
    TRANCHE_ASSIGN_OR_RETURN(rows, tx.webhooks().ListDeliveries(e.id, page.starting_after, page.limit + 1));
    return Status::Ok();
  }));
  return Reply(200, PageBody(std::move(rows), page.limit, ops::WebhookDeliveryJson));
}

Result<Reply> ReplayDelivery(RequestContext& ctx) {
  TRANCHE_RETURN_IF_ERROR(CheckKnownFields(ctx.body, {}));
  return ctx.Commit([&](store::Tx& tx) -> Result<Reply> {
    TRANCHE_ASSIGN_OR_RETURN(Endpoint e, OwnEndpoint(tx, ctx));
    const std::string& id = ctx.Param("delivery_id");
    TRANCHE_ASSIGN_OR_RETURN(auto original, tx.webhooks().FindDelivery(id));
    if (!original || original->endpoint_id != e.id) {
      return Status::NotFound("webhook_delivery_not_found", "no delivery " + id.substr(0, 64), "delivery_id");
    }
    // The same event (same id) again, as a new delivery due now.
    const Delivery replay{ctx.svc.ids.Next("whd"), original->event_id, e.id, webhooks::DeliveryStatus::kPending, 0,
                          ctx.now, std::nullopt, "", ctx.now};
    TRANCHE_RETURN_IF_ERROR(tx.webhooks().InsertDelivery(replay));
    return Reply(201, ops::WebhookDeliveryJson(replay));
  });
}

}  // namespace

// The merchant's events, oldest first: what its endpoints were (or would be) sent.
Result<Reply> ListEvents(RequestContext& ctx) {
  TRANCHE_ASSIGN_OR_RETURN(PageRequest page, ParsePage(ctx.request.query, kMaxDeliveryPage));
  std::vector<webhooks::Event> rows;
  TRANCHE_RETURN_IF_ERROR(ctx.Read([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(rows, tx.webhooks().ListEvents(ctx.Caller().id, page.starting_after, page.limit + 1));
    return Status::Ok();
  }));
  return Reply(200, PageBody(std::move(rows), page.limit, [](const webhooks::Event& e) {
    return Json::parse(e.payload, nullptr, false);
  }));
}

void RegisterWebhookRoutes(ApiRouter& router) {
  router.Add("POST", "/v1/webhook_endpoints", Caller::kMerchant, CreateEndpoint);
  router.Add("GET", "/v1/events", Caller::kMerchant, ListEvents);
  router.Add("GET", "/v1/webhook_endpoints", Caller::kMerchant, ListEndpoints);
  router.Add("DELETE", "/v1/webhook_endpoints/{id}", Caller::kMerchant, DeleteEndpoint);
  router.Add("GET", "/v1/webhook_endpoints/{id}/deliveries", Caller::kMerchant, ListDeliveries);
  router.Add("POST", "/v1/webhook_endpoints/{id}/deliveries/{delivery_id}/replay", Caller::kMerchant, ReplayDelivery);
  router.Add("GET", "/v1/admin/merchants/{merchant_id}/webhook_endpoints", Caller::kOperator, ListEndpoints);
  router.Add("GET", "/v1/admin/merchants/{merchant_id}/webhook_endpoints/{id}/deliveries", Caller::kOperator,
             ListDeliveries);
  router.Add("POST", "/v1/admin/merchants/{merchant_id}/webhook_endpoints/{id}/deliveries/{delivery_id}/replay",
             Caller::kOperator, ReplayDelivery);
}

}  // namespace tranche::api
