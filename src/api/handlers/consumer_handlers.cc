// Consumers: logging in by one-time code, and their own profile, credit and plans.
// Operators can read the notification outbox (where the codes go).
#include "api/errors.h"
#include "api/handlers/handlers.h"
#include "auth/login.h"
#include "onboarding/consumer_login.h"
#include "ops/plan_actions.h"

namespace tranche::api {

namespace {

constexpr std::size_t kMaxPlanPage = 100;
constexpr std::size_t kMaxNotificationPage = 100;
constexpr std::size_t kMaxDecisionPage = 100;

Result<std::string> ReadEmail(const Json& body) {
  TRANCHE_ASSIGN_OR_RETURN(std::string email, RequireString(body, "email", merchants::kMaxEmailChars));
  return merchants::NormalizeEmail(email);
}

// The client address the server sees (the socket's peer): login codes are limited by
// it and bound to it. Bounded so a stored value is always a plausible address.
std::string_view ClientAddress(const RequestContext& ctx) {
  return std::string_view(ctx.request.remote_address).substr(0, auth::kMaxAddressChars);
}

Result<Reply> StartLogin(RequestContext& ctx) {
  TRANCHE_RETURN_IF_ERROR(CheckKnownFields(ctx.body, {"email"}));
  TRANCHE_ASSIGN_OR_RETURN(std::string email, ReadEmail(ctx.body));
  return ctx.Commit([&](store::Tx& tx) -> Result<Reply> {
    TRANCHE_RETURN_IF_ERROR(onboarding::StartConsumerLogin(tx, ctx.svc.ids, ctx.svc.secrets,
                                                           {email, ClientAddress(ctx)}, ctx.now)
                                .status());
    return Reply(202, ops::LoginChallengeJson(
                          std::chrono::duration_cast<std::chrono::seconds>(auth::kLoginCodeLifetime)));
  });
}

Result<Reply> VerifyLogin(RequestContext& ctx) {
  TRANCHE_RETURN_IF_ERROR(CheckKnownFields(ctx.body, {"email", "code"}));
  TRANCHE_ASSIGN_OR_RETURN(std::string email, ReadEmail(ctx.body));
  TRANCHE_ASSIGN_OR_RETURN(std::string code, RequireString(ctx.body, "code", auth::kCodeDigits));
  return ctx.Commit([&](store::Tx& tx) -> Result<Reply> {
    TRANCHE_ASSIGN_OR_RETURN(auto verdict, onboarding::VerifyConsumerLogin(tx, ctx.svc.ids, ctx.svc.secrets,
                                                                           {email, ClientAddress(ctx)}, code,
                                                                           ctx.now));
    // A refusal is a reply, not a failure: the attempt it counted must commit.
    if (!verdict.token) return Reply(HttpStatusFor(verdict.refusal), ErrorBody(verdict.refusal));
    return Reply(200, ops::ConsumerTokenJson(*verdict.token));
  });
}

Result<Reply> GetMe(RequestContext& ctx) {
  const std::string& id = ctx.Caller().id;
  Json body;
  TRANCHE_RETURN_IF_ERROR(ctx.Read([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(auto c, tx.consumers().Find(id));
    TRANCHE_ASSERT_MSG(c.has_value(), "a logged-in consumer exists");
    TRANCHE_ASSIGN_OR_RETURN(body, ConsumerBody(tx, *c, ctx.now));
    return Status::Ok();
  }));
  return Reply(200, std::move(body));
}

Result<Reply> ListMyPlans(RequestContext& ctx) {
  TRANCHE_ASSIGN_OR_RETURN(PageRequest page, ParsePage(ctx.request.query, kMaxPlanPage));
  std::vector<lending::Plan> rows;
  TRANCHE_RETURN_IF_ERROR(ctx.Read([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(rows, tx.plans().ListByConsumer(ctx.Caller().id, page.starting_after,
                                                             page.limit + 1));
    return Status::Ok();
  }));
  return Reply(200, PageBody(std::move(rows), page.limit,
                             [&](const lending::Plan& p) { return PlanJson(p, DateOf(ctx.now)); }));
}

Result<Reply> GetMyPlan(RequestContext& ctx) {
  const std::string& id = ctx.Param("id");
  std::optional<lending::Plan> plan;
  TRANCHE_RETURN_IF_ERROR(ctx.Read([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(plan, tx.plans().Find(id));
    return Status::Ok();
  }));
  // Someone else's plan is as unknown as a missing one.
  if (!plan || plan->consumer_id != ctx.Caller().id) {
    return Status::NotFound("plan_not_found", "no plan " + id.substr(0, 64), "id");
  }
  return Reply(200, PlanJson(*plan, DateOf(ctx.now)));
}

Result<Reply> ListMyDecisions(RequestContext& ctx) {
  TRANCHE_ASSIGN_OR_RETURN(PageRequest page, ParsePage(ctx.request.query, kMaxDecisionPage));
  std::vector<origination::ConsumerDecision> rows;
  TRANCHE_RETURN_IF_ERROR(ctx.Read([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(rows, origination::ListConsumerDecisions(tx, ctx.Caller().id, page.starting_after,
                                                                      page.limit + 1));
    return Status::Ok();
  }));
  return Reply(200, PageBody(std::move(rows), page.limit, ops::ConsumerDecisionJson,
                            [](const origination::ConsumerDecision& d) -> const std::string& { return d.record.id; }));
}

Result<Reply> ListNotifications(RequestContext& ctx) {
  TRANCHE_ASSIGN_OR_RETURN(PageRequest page, ParsePage(ctx.request.query, kMaxNotificationPage));
  const std::optional<std::string> consumer_id = QueryParam(ctx.request.query, "consumer_id");
  if (consumer_id && consumer_id->size() > 64) {
    return Status::InvalidArgument("parameter_out_of_range", "consumer_id is too long", "consumer_id");
  }
  std::vector<notify::Notification> rows;
  TRANCHE_RETURN_IF_ERROR(ctx.Read([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(rows, tx.notifications().List(
                                       consumer_id ? std::optional<std::string_view>(*consumer_id) : std::nullopt,
                                       page.starting_after, page.limit + 1));
    return Status::Ok();
  }));
  return Reply(200, PageBody(std::move(rows), page.limit, ops::NotificationJson));
}

}  // namespace

Result<Json> ConsumerBody(store::Tx& tx, const merchants::Consumer& c, Instant now) {
  TRANCHE_ASSIGN_OR_RETURN(auto credit, origination::LoadCreditLines(tx, c.id, now));
  return ops::ConsumerJson(c, credit);
}

void RegisterConsumerRoutes(ApiRouter& router) {
  router.Add("POST", "/v1/consumer/login", Caller::kAnyone, StartLogin);
  router.Add("POST", "/v1/consumer/login/verify", Caller::kAnyone, VerifyLogin);
  router.Add("GET", "/v1/me", Caller::kConsumer, GetMe);
  router.Add("GET", "/v1/me/plans", Caller::kConsumer, ListMyPlans);
  router.Add("GET", "/v1/me/plans/{id}", Caller::kConsumer, GetMyPlan);
  router.Add("GET", "/v1/me/decisions", Caller::kConsumer, ListMyDecisions);
  router.Add("GET", "/v1/admin/notifications", Caller::kOperator, ListNotifications);
}

}  // namespace tranche::api
