// Operators' read-only look-ups for the console: the checkouts summary (credit
// decisions per day with decline reasons), a consumer (profile, credit, plans and
// decisions) found by id or email, and any merchant's order with its plans.
#include "api/handlers/handlers.h"
#include "merchants/consumer.h"
#include "risk/decision_summary.h"

namespace tranche::api {

namespace {

constexpr std::size_t kMaxLookupRows = 100;  // plans and decisions shown per consumer

// GET /v1/admin/decisions/summary?days=N (1..366, default 30): the N dates up to today.
Result<Reply> CreditDecisionSummary(RequestContext& ctx) {
  TRANCHE_ASSIGN_OR_RETURN(const std::int64_t days,
                           QueryWholeNumber(ctx.request.query, "days", 30, 1, risk::kMaxSummaryDays));
  const Date to = DateOf(ctx.now);
  const Date from = AddDays(to, static_cast<int>(1 - days));
  std::vector<risk::DecisionRecord> rows;
  TRANCHE_RETURN_IF_ERROR(ctx.Read([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(rows, tx.decisions().ListSince(std::chrono::sys_days(from), risk::kMaxSummaryDecisions));
    return Status::Ok();
  }));
  const bool truncated = rows.size() >= risk::kMaxSummaryDecisions;
  return Reply(200, ops::DecisionSummaryJson(risk::SummarizeDecisions(rows, from, to, truncated)));
}

Result<Json> ConsumerDetail(store::Tx& tx, const merchants::Consumer& c, Instant now) {
  TRANCHE_ASSIGN_OR_RETURN(Json body, ConsumerBody(tx, c, now));
  TRANCHE_ASSIGN_OR_RETURN(auto plans, tx.plans().ListByConsumer(c.id, "", kMaxLookupRows));
  TRANCHE_ASSIGN_OR_RETURN(auto decisions, tx.decisions().ListByConsumer(c.id, "", kMaxLookupRows));
  body["plans"] = Json::array();
  for (const auto& p : plans) body["plans"].push_back(PlanJson(p, DateOf(now)));
  body["decisions"] = Json::array();
  for (const auto& d : decisions) body["decisions"].push_back(ops::DecisionJson(d));
  return body;
}

Result<Reply> GetConsumer(RequestContext& ctx) {
  const std::string& id = ctx.Param("id");
  Json body;
  TRANCHE_RETURN_IF_ERROR(ctx.Read([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(auto c, tx.consumers().Find(id));
    if (!c) return Status::NotFound("consumer_not_found", "no consumer " + id.substr(0, 64), "id");
    TRANCHE_ASSIGN_OR_RETURN(body, ConsumerDetail(tx, *c, ctx.now));
    return Status::Ok();
  }));
  return Reply(200, std::move(body));
}

// GET /v1/admin/consumers?email=…: the consumer with that email, as a list of at most one.
Result<Reply> FindConsumers(RequestContext& ctx) {
  const std::optional<std::string> email = QueryParam(ctx.request.query, "email");
  if (!email || email->empty()) return Status::InvalidArgument("parameter_missing", "email is required", "email");
  if (email->size() > merchants::kMaxEmailChars) {
    return Status::InvalidArgument("parameter_out_of_range", "email is too long", "email");
  }
  auto normalized = merchants::NormalizeEmail(*email);
  if (!normalized.ok()) return Status::InvalidArgument("invalid_email", "email is not a valid address", "email");
  Json data = Json::array();
  TRANCHE_RETURN_IF_ERROR(ctx.Read([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(auto c, tx.consumers().FindByEmail(*normalized));
    if (c) {
      TRANCHE_ASSIGN_OR_RETURN(Json body, ConsumerBody(tx, *c, ctx.now));
      data.push_back(std::move(body));
    }
    return Status::Ok();
  }));
  return Reply(200, ListBody(std::move(data), false, ""));
}

Result<Reply> GetAnyOrder(RequestContext& ctx) {
  Json body;
  TRANCHE_RETURN_IF_ERROR(ctx.Read([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(checkout::Order o, origination::LoadAnyOrder(tx, ctx.Param("id"), ctx.now));
    TRANCHE_ASSIGN_OR_RETURN(body, OrderDetailBody(tx, o));
    TRANCHE_ASSIGN_OR_RETURN(auto plans, tx.plans().ListByOrder(o.id));
    body["merchant_id"] = o.merchant_id;
    body["plans"] = Json::array();
    for (const auto& p : plans) body["plans"].push_back(PlanJson(p, DateOf(ctx.now)));
    return Status::Ok();
  }));
  return Reply(200, std::move(body));
}

}  // namespace

void RegisterLookupRoutes(ApiRouter& router) {
  router.Add("GET", "/v1/admin/decisions/summary", Caller::kOperator, CreditDecisionSummary);
  router.Add("GET", "/v1/admin/consumers", Caller::kOperator, FindConsumers);
  router.Add("GET", "/v1/admin/consumers/{id}", Caller::kOperator, GetConsumer);
  router.Add("GET", "/v1/admin/orders/{id}", Caller::kOperator, GetAnyOrder);
}

}  // namespace tranche::api
