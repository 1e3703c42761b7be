// Orders, for merchants: create one from an authorization, capture (each capture
// starts a plan), refund, cancel, and read them back; and, for operators, a refund for a
// merchant that no longer trades.
#include "api/handlers/handlers.h"
#include "ops/events.h"
#include "origination/origination.h"

namespace tranche::api {

namespace {

using checkout::Order;

constexpr std::size_t kMaxOrderPage = 100;

using ops::CaptureJson;
using ops::OrderJson;
using ops::RefundJson;

Result<Reply> CreateOrder(RequestContext& ctx) {
  TRANCHE_RETURN_IF_ERROR(CheckKnownFields(ctx.body, {"authorization_id", "merchant_reference"}));
  TRANCHE_ASSIGN_OR_RETURN(std::string authorization_id, RequireString(ctx.body, "authorization_id", 64));
  TRANCHE_ASSIGN_OR_RETURN(std::string reference, RequireString(ctx.body, "merchant_reference",
                                                                checkout::kMaxMerchantReferenceChars));
  return ctx.Commit([&](store::Tx& tx) -> Result<Reply> {
    TRANCHE_ASSIGN_OR_RETURN(Order o, origination::CreateOrder(tx, OriginationContext(ctx), ctx.Caller().id,
                                                               authorization_id, reference));
    return Reply(201, OrderJson(o));
  });
}

Result<Reply> GetOrder(RequestContext& ctx) {
  Json body;
  TRANCHE_RETURN_IF_ERROR(ctx.Read([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(Order o, origination::LoadOrder(tx, ctx.Caller().id, ctx.Param("id"), ctx.now));
    TRANCHE_ASSIGN_OR_RETURN(body, OrderDetailBody(tx, o));
    return Status::Ok();
  }));
  return Reply(200, std::move(body));
}

Result<Reply> ListOrders(RequestContext& ctx) {
  TRANCHE_ASSIGN_OR_RETURN(PageRequest page, ParsePage(ctx.request.query, kMaxOrderPage));
  std::vector<Order> rows;
  TRANCHE_RETURN_IF_ERROR(ctx.Read([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(rows, tx.orders().ListOrders(ctx.Caller().id, page.starting_after, page.limit + 1));
    return Status::Ok();
  }));
  return Reply(200, PageBody(std::move(rows), page.limit, [&](Order o) {
    o.state = checkout::Expire(o.state, ctx.now);  // as it stands now
    return OrderJson(o);
  }));
}

Result<std::optional<checkout::ShippingInfo>> ReadShipping(const Json& body) {
  TRANCHE_ASSIGN_OR_RETURN(const Json* s, OptionalObject(body, "shipping_info"));
  if (s == nullptr) return std::optional<checkout::ShippingInfo>();
  TRANCHE_RETURN_IF_ERROR(CheckKnownFields(*s, {"carrier", "tracking_number"}, "shipping_info."));
  checkout::ShippingInfo info;
  TRANCHE_ASSIGN_OR_RETURN(info.carrier, RequireString(*s, "carrier", checkout::kMaxShippingFieldChars,
                                                       "shipping_info."));
  TRANCHE_ASSIGN_OR_RETURN(info.tracking_number,
                           RequireString(*s, "tracking_number", checkout::kMaxShippingFieldChars,
                                         "shipping_info."));
  return std::optional<checkout::ShippingInfo>(std::move(info));
}

Result<Reply> CaptureOrder(RequestContext& ctx) {
  TRANCHE_RETURN_IF_ERROR(CheckKnownFields(ctx.body, {"amount", "shipping_info"}));
  TRANCHE_ASSIGN_OR_RETURN(std::int64_t minor, RequireAmount(ctx.body, "amount"));
  TRANCHE_ASSIGN_OR_RETURN(auto shipping, ReadShipping(ctx.body));
  return ctx.Commit([&](store::Tx& tx) -> Result<Reply> {
    // The currency is the order's, so the request carries only the number.
    TRANCHE_ASSIGN_OR_RETURN(auto captured, origination::Capture(tx, OriginationContext(ctx), ctx.Caller().id,
                                                                 ctx.Param("id"), minor, shipping));
    return Reply(201, ops::CapturedJson(captured, DateOf(ctx.now)));
  });
}

Result<Reply> RefundOrder(RequestContext& ctx) {
  TRANCHE_RETURN_IF_ERROR(CheckKnownFields(ctx.body, {"amount", "reason"}));
  TRANCHE_ASSIGN_OR_RETURN(std::int64_t minor, RequireAmount(ctx.body, "amount"));
  TRANCHE_ASSIGN_OR_RETURN(auto reason, OptionalText(ctx.body, "reason", checkout::kMaxRefundReasonChars));
  return ctx.Commit([&](store::Tx& tx) -> Result<Reply> {
    TRANCHE_ASSIGN_OR_RETURN(auto refunded, origination::Refund(tx, OriginationContext(ctx), ctx.Caller().id,
                                                                ctx.Param("id"), minor, reason.value_or("")));
    return Reply(201, ops::RefundedJson(refunded, DateOf(ctx.now)));
  });
}

Result<Reply> RefundForMerchant(RequestContext& ctx) {
  TRANCHE_RETURN_IF_ERROR(CheckKnownFields(ctx.body, {"amount", "reason"}));
  TRANCHE_ASSIGN_OR_RETURN(std::int64_t minor, RequireAmount(ctx.body, "amount"));
  TRANCHE_ASSIGN_OR_RETURN(std::string reason, RequireString(ctx.body, "reason", checkout::kMaxRefundReasonChars));
  return ctx.Commit([&](store::Tx& tx) -> Result<Reply> {
    TRANCHE_ASSIGN_OR_RETURN(auto refunded, origination::RefundForMerchant(tx, OriginationContext(ctx), ctx.Caller().id,
                                                                           ctx.Param("id"), minor, std::move(reason)));
    return Reply(201, ops::RefundedJson(refunded, DateOf(ctx.now)));
  });
}

Result<Reply> CancelOrder(RequestContext& ctx) {
  TRANCHE_RETURN_IF_ERROR(CheckKnownFields(ctx.body, {}));
  return ctx.Commit([&](store::Tx& tx) -> Result<Reply> {
    TRANCHE_ASSIGN_OR_RETURN(Order o, origination::Cancel(tx, OriginationContext(ctx), ctx.Caller().id,
                                                          ctx.Param("id")));
    return Reply(200, OrderJson(o));
  });
}

}  // namespace

origination::Context OriginationContext(RequestContext& ctx) {
  return origination::Context{ctx.svc.ids,  ctx.svc.decider, ctx.svc.bureau, ctx.now, ops::OrderEventsOutbox(),
                              ctx.svc.fraud};
}

Result<Json> OrderDetailBody(store::Tx& tx, const checkout::Order& o) {
  TRANCHE_ASSIGN_OR_RETURN(auto captures, tx.orders().ListCaptures(o.id));
  TRANCHE_ASSIGN_OR_RETURN(auto refunds, tx.orders().ListRefunds(o.id));
  Json body = OrderJson(o);
  body["captures"] = Json::array();
  for (const auto& c : captures) body["captures"].push_back(CaptureJson(c));
  body["refunds"] = Json::array();
  for (const auto& r : refunds) body["refunds"].push_back(RefundJson(r));
  return body;
}

void RegisterOrderRoutes(ApiRouter& router) {
  router.Add("POST", "/v1/orders", Caller::kMerchant, CreateOrder);
  router.Add("GET", "/v1/orders", Caller::kMerchant, ListOrders);
  router.Add("GET", "/v1/orders/{id}", Caller::kMerchant, GetOrder);
  router.Add("POST", "/v1/orders/{id}/captures", Caller::kMerchant, CaptureOrder);
  router.Add("POST", "/v1/orders/{id}/refunds", Caller::kMerchant, RefundOrder);
  router.Add("POST", "/v1/orders/{id}/cancel", Caller::kMerchant, CancelOrder);
  router.Add("POST", "/v1/admin/orders/{id}/refunds", Caller::kOperator, RefundForMerchant);
}

}  // namespace tranche::api
