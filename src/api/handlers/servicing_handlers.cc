// Servicing endpoints: a consumer's payments, payoff, extension, payment method and
// disputes; a merchant's returns and dispute responses; operators' dispute decisions,
// the customer contacts agents handled, and, in demo and simulation mode, the simulated
// clock.
#include "api/handlers/handlers.h"
#include "core/hex.h"
#include "ops/contacts.h"
#include "ops/plan_actions.h"
#include "servicing/servicing.h"

namespace tranche::api {

namespace {

using servicing::Dispute;

constexpr std::size_t kMaxDisputePage = 100;
constexpr std::int64_t kMaxAdvanceDays = 400;

ops::OpsContext Ops(RequestContext& ctx) {
  TRANCHE_ASSERT(ctx.svc.processor != nullptr && ctx.svc.rail != nullptr);
  return ops::OpsContext{ctx.svc.store, ctx.svc.ids, ctx.svc.clock, *ctx.svc.processor, *ctx.svc.rail, ctx.svc.fraud};
}

// Two units of work around the processor call. The pending collection is stored with the
// request's Idempotency-Key, so a retry after a node died in between finds it: while it
// is open, payment_in_progress; once the open-collections job has resolved it, its
// outcome. The processor's reply is recorded in the same unit of work as the request's
// stored answer, so the two never part either.
Result<Reply> PayPlan(RequestContext& ctx) {
  TRANCHE_RETURN_IF_ERROR(CheckKnownFields(ctx.body, {"amount"}));
  TRANCHE_ASSIGN_OR_RETURN(std::int64_t amount, RequireAmount(ctx.body, "amount"));
  std::optional<servicing::PaymentRequest> request;
  Instant valid_from{};
  if (const IdempotencyScope* key = ctx.idempotency()) {
    request = servicing::PaymentRequest{ctx.Caller().id, key->key, HexEncode(key->request_hash), "", key->recorded_at};
    valid_from = key->recorded_at - kIdempotencyLifetime;
  }
  std::optional<ops::PaymentStart> start;
  TRANCHE_RETURN_IF_ERROR(ctx.svc.store.Write([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(start, ops::StartOrFindPayment(tx, ctx.svc.ids, ctx.now, ctx.Caller().id,
                                                            ctx.Param("id"), amount, request, valid_from));
    return Status::Ok();
  }));
  // Never asked of the processor yet: the open-collections job asks it by the
  // collection's own key, so this request must not.
  if (!start->started && start->collection.status == servicing::CollectionStatus::kPending) {
    return Status::Conflict("payment_in_progress", "a payment on this plan is still being processed");
  }
  ops::OpsContext ops = Ops(ctx);
  std::optional<payments::ProcessorReply> reply;
  if (start->started) reply = ops::AskProcessor(ops, start->collection);
  return ctx.Commit([&](store::Tx& tx) -> Result<Reply> {
    // A found collection is answered as the first unit of work read it.
    std::optional<servicing::Collection> done = start->collection;
    if (reply) {
      TRANCHE_ASSIGN_OR_RETURN(done, ops::RecordOutcome(tx, ops.ids, ops.clock.Now(), start->collection.id, *reply));
    }
    TRANCHE_ASSIGN_OR_RETURN(auto plan, tx.plans().Find(done->plan_id));
    TRANCHE_ASSERT(plan.has_value());
    Json body = ops::CollectionJson(*done);
    body["plan"] = PlanJson(*plan, DateOf(ctx.now));
    return Reply(201, std::move(body));
  });
}

Result<Reply> ListPlanPayments(RequestContext& ctx) {
  std::vector<servicing::Collection> rows;
  TRANCHE_RETURN_IF_ERROR(ctx.Read([&](store::Tx& tx) -> Status {
    TRANCHE_RETURN_IF_ERROR(ops::LoadConsumerPlan(tx, DateOf(ctx.now), ctx.Caller().id, ctx.Param("id")).status());
    TRANCHE_ASSIGN_OR_RETURN(rows, tx.collections().ListOfPlan(ctx.Param("id")));
    return Status::Ok();
  }));
  Json data = Json::array();
  for (const auto& c : rows) data.push_back(ops::CollectionJson(c));
  return Reply(200, ListBody(std::move(data), false, ""));
}

Result<Reply> GetPayoff(RequestContext& ctx) {
  std::optional<lending::Plan> plan;
  TRANCHE_RETURN_IF_ERROR(ctx.Read([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(plan, ops::LoadConsumerPlan(tx, DateOf(ctx.now), ctx.Caller().id, ctx.Param("id")));
    return Status::Ok();
  }));
  if (plan->status != lending::PlanStatus::kActive) {
    return Status::BusinessRule("plan_not_active", "only an active plan has a payoff quote");
  }
  const servicing::PayoffQuote q = servicing::QuotePayoff(*plan);
  return Reply(200, {{"object", "payoff_quote"},
                     {"plan_id", plan->id},
                     {"currency", CurrencyCode(plan->amount.currency())},
                     {"amount", q.amount.minor()},
                     {"principal", q.principal.minor()},
                     {"interest", q.interest.minor()},
                     {"fees", q.fees.minor()},
                     {"interest_waived", q.interest_waived.minor()},
                     {"valid_on", FormatDate(DateOf(ctx.now))}});
}

Result<Reply> ExtendPlan(RequestContext& ctx) {
  TRANCHE_RETURN_IF_ERROR(CheckKnownFields(ctx.body, {"installment", "days"}));
  TRANCHE_ASSIGN_OR_RETURN(std::int64_t number, RequireInt(ctx.body, "installment", 1, 1000));
  TRANCHE_ASSIGN_OR_RETURN(std::int64_t days, RequireInt(ctx.body, "days", 1, servicing::kMaxExtensionDays));
  return ctx.Commit([&](store::Tx& tx) -> Result<Reply> {
    TRANCHE_ASSIGN_OR_RETURN(lending::Plan p, ops::ExtendDueDate(tx, ctx.now, ctx.Caller().id, ctx.Param("id"),
                                                                 static_cast<int>(number), static_cast<int>(days)));
    return Reply(200, PlanJson(p, DateOf(ctx.now)));
  });
}

Result<Reply> GetPaymentMethod(RequestContext& ctx) {
  payments::PaymentMethod m;
  TRANCHE_RETURN_IF_ERROR(ctx.Read([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(m, tx.payment_methods().Find(ctx.Caller().id));
    return Status::Ok();
  }));
  return Reply(200, ops::PaymentMethodJson(m));
}

Result<Reply> PutPaymentMethod(RequestContext& ctx) {
  TRANCHE_RETURN_IF_ERROR(CheckKnownFields(ctx.body, {"type", "last4", "profile"}));
  TRANCHE_ASSIGN_OR_RETURN(std::string type, RequireString(ctx.body, "type", 20));
  TRANCHE_ASSIGN_OR_RETURN(std::string last4, RequireString(ctx.body, "last4", 4));
  TRANCHE_ASSIGN_OR_RETURN(auto profile, OptionalString(ctx.body, "profile", 40));
  payments::PaymentMethod m;
  const auto parsed = payments::ParseMethodType(type);
  if (!parsed) return Status::InvalidArgument("invalid_type", "type must be card or bank_account", "type");
  m.type = *parsed;
  if (last4.size() != 4 || last4.find_first_not_of("0123456789") != std::string::npos) {
    return Status::InvalidArgument("invalid_last4", "last4 must be four digits", "last4");
  }
  m.last4 = std::move(last4);
  m.profile = profile.value_or("standard");
  if (!payments::IsProfile(m.profile)) {
    return Status::InvalidArgument("invalid_profile", "unknown simulated outcome profile", "profile");
  }
  TRANCHE_RETURN_IF_ERROR(ctx.svc.store.Write([&](store::Tx& tx) -> Status {
    return tx.payment_methods().Set(ctx.Caller().id, m);
  }));
  return Reply(200, ops::PaymentMethodJson(m));
}

Result<Reply> OpenDispute(RequestContext& ctx) {
  TRANCHE_RETURN_IF_ERROR(CheckKnownFields(ctx.body, {"order_id", "reason"}));
  TRANCHE_ASSIGN_OR_RETURN(std::string order_id, RequireString(ctx.body, "order_id", 64));
  TRANCHE_ASSIGN_OR_RETURN(std::string reason, RequireString(ctx.body, "reason", 40));
  return ctx.Commit([&](store::Tx& tx) -> Result<Reply> {
    TRANCHE_ASSIGN_OR_RETURN(Dispute d, ops::OpenDispute(tx, ctx.svc.ids, ctx.now, ctx.Caller().id, order_id,
                                                         std::move(reason), ctx.svc.fraud));
    return Reply(201, ops::DisputeJson(d));
  });
}

// Disputes of the caller's kind: a consumer's, a merchant's, or all for operators.
Result<Reply> ListDisputes(RequestContext& ctx) {
  TRANCHE_ASSIGN_OR_RETURN(PageRequest page, ParsePage(ctx.request.query, kMaxDisputePage));
  const auth::Principal& caller = ctx.Caller();
  std::optional<std::string_view> merchant;
  std::optional<std::string_view> consumer;
  if (caller.kind == auth::PrincipalKind::kMerchant) merchant = caller.id;
  if (caller.kind == auth::PrincipalKind::kConsumer) consumer = caller.id;
  std::vector<Dispute> rows;
  TRANCHE_RETURN_IF_ERROR(ctx.Read([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(rows, tx.disputes().List(merchant, consumer, page.starting_after,
                                                               page.limit + 1));
    return Status::Ok();
  }));
  return Reply(200, PageBody(std::move(rows), page.limit, ops::DisputeJson));
}

// POST /v1/admin/contacts: an agent logs a phone call or email they handled.
Result<Reply> LogContact(RequestContext& ctx) {
  TRANCHE_RETURN_IF_ERROR(
      CheckKnownFields(ctx.body, {"channel", "reason", "consumer_id", "started_at", "handled_seconds", "note"}));
  TRANCHE_ASSIGN_OR_RETURN(std::string channel_name, RequireString(ctx.body, "channel", 16));
  const auto channel = servicing::ParseContactChannel(channel_name);
  if (!channel) return Status::InvalidArgument("invalid_channel", "channel must be phone or email", "channel");
  servicing::Contact draft;
  draft.channel = *channel;
  TRANCHE_ASSIGN_OR_RETURN(draft.reason, RequireString(ctx.body, "reason", servicing::kMaxContactReasonChars));
  TRANCHE_ASSIGN_OR_RETURN(draft.consumer_id, OptionalString(ctx.body, "consumer_id", 64));
  if (draft.consumer_id && !IsValidId(*draft.consumer_id, "con")) {
    return Status::InvalidArgument("invalid_id", "consumer_id is not a consumer id", "consumer_id");
  }
  TRANCHE_ASSIGN_OR_RETURN(draft.handled_seconds, RequireInt(ctx.body, "handled_seconds", 1,
                                                             servicing::kMaxContactHandledSeconds));
  TRANCHE_ASSIGN_OR_RETURN(auto note, OptionalText(ctx.body, "note", servicing::kMaxContactNoteChars));
  draft.note = note.value_or("");
  TRANCHE_ASSIGN_OR_RETURN(auto started, OptionalString(ctx.body, "started_at", 40));
  draft.started_at = ctx.now - std::chrono::seconds(draft.handled_seconds);  // it just ended
  if (started) {
    const auto at = ParseRfc3339(*started);
    if (!at) return Status::InvalidArgument("invalid_started_at", "started_at must be an RFC 3339 time", "started_at");
    draft.started_at = *at;
  }
  return ctx.Commit([&](store::Tx& tx) -> Result<Reply> {
    TRANCHE_ASSIGN_OR_RETURN(auto c, ops::LogContact(tx, ctx.svc.ids, ctx.now, ctx.Caller().id, std::move(draft)));
    return Reply(201, ops::ContactJson(c));
  });
}

Result<Reply> ListContacts(RequestContext& ctx) {
  TRANCHE_ASSIGN_OR_RETURN(PageRequest page, ParsePage(ctx.request.query, kMaxDisputePage));
  std::vector<servicing::Contact> rows;
  TRANCHE_RETURN_IF_ERROR(ctx.Read([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(rows, tx.contacts().List(page.starting_after, page.limit + 1));
    return Status::Ok();
  }));
  return Reply(200, PageBody(std::move(rows), page.limit, ops::ContactJson));
}

Result<Reply> GetDispute(RequestContext& ctx) {
  std::optional<Dispute> d;
  TRANCHE_RETURN_IF_ERROR(ctx.Read([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(d, tx.disputes().Find(ctx.Param("id")));
    return Status::Ok();
  }));
  if (!d || d->merchant_id != ctx.Caller().id) return Status::NotFound("dispute_not_found", "no such dispute", "id");
  return Reply(200, ops::DisputeJson(*d));
}

Result<Reply> RespondToDispute(RequestContext& ctx) {
  TRANCHE_RETURN_IF_ERROR(CheckKnownFields(ctx.body, {"accept", "note"}));
  if (!ctx.body.contains("accept") || !ctx.body["accept"].is_boolean()) {
    return Status::InvalidArgument("invalid_accept", "accept must be true or false", "accept");
  }
  const bool accept = ctx.body["accept"].get<bool>();
  TRANCHE_ASSIGN_OR_RETURN(auto note, OptionalText(ctx.body, "note", servicing::kMaxDisputeNoteChars));
  return ctx.Commit([&](store::Tx& tx) -> Result<Reply> {
    TRANCHE_ASSIGN_OR_RETURN(Dispute d, ops::RespondToDispute(tx, OriginationContext(ctx), ctx.Caller().id,
                                                              ctx.Param("id"), accept, note.value_or("")));
    return Reply(200, ops::DisputeJson(d));
  });
}

Result<Reply> DecideDispute(RequestContext& ctx) {
  TRANCHE_RETURN_IF_ERROR(CheckKnownFields(ctx.body, {"resolution"}));
  TRANCHE_ASSIGN_OR_RETURN(std::string name, RequireString(ctx.body, "resolution", 40));
  const auto resolution = servicing::ParseDisputeResolution(name);
  if (!resolution) {
    return Status::InvalidArgument("invalid_resolution", "resolution must be refunded, merchant_upheld or written_off",
                                   "resolution");
  }
  return ctx.Commit([&](store::Tx& tx) -> Result<Reply> {
    TRANCHE_ASSIGN_OR_RETURN(Dispute d, ops::DecideDispute(tx, OriginationContext(ctx), ctx.Param("id"), *resolution));
    return Reply(200, ops::DisputeJson(d));
  });
}

Result<Reply> RegisterReturn(RequestContext& ctx) {
  TRANCHE_RETURN_IF_ERROR(CheckKnownFields(ctx.body, {}));
  return ctx.Commit([&](store::Tx& tx) -> Result<Reply> {
    TRANCHE_ASSIGN_OR_RETURN(auto plans, ops::RegisterReturn(tx, ctx.svc.ids, ctx.now, ctx.Caller().id, ctx.Param("id")));
    Json data = Json::array();
    for (const auto& p : plans) data.push_back(PlanJson(p, DateOf(ctx.now)));
    return Reply(201, {{"object", "return"}, {"order_id", ctx.Param("id")}, {"plans", std::move(data)}});
  });
}

// Demo and simulation: moves the simulated clock `days` forward a business date at a
// time, closing each date that passes (ops::AdvanceAndClose).
Result<Reply> AdvanceClock(RequestContext& ctx) {
  if (ctx.svc.adjustable_clock == nullptr || ctx.svc.cob == nullptr) {
    return Status::NotFound("not_found", "the clock can only be advanced in demo and simulation mode");
  }
  TRANCHE_RETURN_IF_ERROR(CheckKnownFields(ctx.body, {"days"}));
  TRANCHE_ASSIGN_OR_RETURN(std::int64_t days, RequireInt(ctx.body, "days", 1, kMaxAdvanceDays));
  TRANCHE_ASSIGN_OR_RETURN(auto reports,
                           ops::AdvanceAndClose(*ctx.svc.cob, *ctx.svc.adjustable_clock, static_cast<int>(days)));
  const Instant now = ctx.svc.clock.Now();
  Json closed = Json::array();
  for (const auto& r : reports) closed.push_back(ops::CobReportJson(r));
  // The days closed in many units of work; the answer is recorded so that a retry with
  // the same Idempotency-Key replays it instead of moving the clock again.
  return ctx.Commit([&](store::Tx&) -> Result<Reply> {
    return Reply(200, {{"object", "clock"}, {"now", FormatRfc3339(now)}, {"closed", std::move(closed)}});
  });
}

// The book by currency, plan status, delinquency bucket and charge-off reason.
Result<Reply> GetPortfolio(RequestContext& ctx) {
  std::vector<lending::PortfolioLine> lines;
  TRANCHE_RETURN_IF_ERROR(ctx.Read([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(lines, tx.plans().Portfolio());
    return Status::Ok();
  }));
  Json data = Json::array();
  for (const auto& l : lines) {
    data.push_back({{"currency", CurrencyCode(l.outstanding.currency())},
                    {"status", lending::PlanStatusName(l.status)},
                    {"bucket", lending::BucketName(l.bucket)},
                    {"charge_off_reason", l.status == lending::PlanStatus::kChargedOff
                                              ? Json(lending::ChargeOffReasonName(l.charge_off_reason))
                                              : Json(nullptr)},
                    {"plans", l.plans},
                    {"outstanding", l.outstanding.minor()},
                    {"fees_unpaid", l.fees_unpaid.minor()}});
  }
  return Reply(200, {{"object", "portfolio"}, {"as_of", FormatRfc3339(ctx.now)}, {"lines", std::move(data)}});
}

// Closed business dates with their reports, newest first (`starting_after` is a date).
Result<Reply> ListCobRuns(RequestContext& ctx) {
  TRANCHE_ASSIGN_OR_RETURN(PageRequest page, ParsePage(ctx.request.query, kMaxDisputePage));
  if (!page.starting_after.empty() && !ParseDate(page.starting_after)) {
    return Status::InvalidArgument("invalid_date", "starting_after must be a date, YYYY-MM-DD", "starting_after");
  }
  std::vector<servicing::CobRun> runs;
  TRANCHE_RETURN_IF_ERROR(ctx.Read([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(runs, tx.cob_runs().List(page.starting_after, page.limit + 1));
    return Status::Ok();
  }));
  const bool has_more = runs.size() > page.limit;
  if (has_more) runs.pop_back();
  Json data = Json::array();
  for (const auto& r : runs) {
    data.push_back({{"object", "cob_run"},
                    {"business_date", FormatDate(r.business_date)},
                    {"started_at", FormatRfc3339(r.started_at)},
                    {"finished_at", FormatRfc3339(r.finished_at)},
                    {"report", Json::parse(r.report_json, nullptr, false)}});
  }
  return Reply(200, ListBody(std::move(data), has_more, runs.empty() ? "" : FormatDate(runs.back().business_date)));
}

}  // namespace

void RegisterServicingRoutes(ApiRouter& router) {
  router.Add("POST", "/v1/me/plans/{id}/payments", Caller::kConsumer, PayPlan);
  router.Add("GET", "/v1/me/plans/{id}/payments", Caller::kConsumer, ListPlanPayments);
  router.Add("GET", "/v1/me/plans/{id}/payoff", Caller::kConsumer, GetPayoff);
  router.Add("POST", "/v1/me/plans/{id}/extend", Caller::kConsumer, ExtendPlan);
  router.Add("GET", "/v1/me/payment_method", Caller::kConsumer, GetPaymentMethod);
  router.Add("PUT", "/v1/me/payment_method", Caller::kConsumer, PutPaymentMethod);
  router.Add("POST", "/v1/me/disputes", Caller::kConsumer, OpenDispute);
  router.Add("GET", "/v1/me/disputes", Caller::kConsumer, ListDisputes);
  router.Add("POST", "/v1/orders/{id}/returns", Caller::kMerchant, RegisterReturn);
  router.Add("GET", "/v1/disputes", Caller::kMerchant, ListDisputes);
  router.Add("GET", "/v1/disputes/{id}", Caller::kMerchant, GetDispute);
  router.Add("POST", "/v1/disputes/{id}/respond", Caller::kMerchant, RespondToDispute);
  router.Add("GET", "/v1/admin/disputes", Caller::kOperator, ListDisputes);
  router.Add("POST", "/v1/admin/disputes/{id}/decide", Caller::kOperator, DecideDispute);
  router.Add("POST", "/v1/admin/contacts", Caller::kOperator, LogContact);
  router.Add("GET", "/v1/admin/contacts", Caller::kOperator, ListContacts);
  router.Add("POST", "/v1/admin/clock/advance", Caller::kOperator, AdvanceClock);
  router.Add("GET", "/v1/admin/portfolio", Caller::kOperator, GetPortfolio);
  router.Add("GET", "/v1/admin/cob/runs", Caller::kOperator, ListCobRuns);
}

}  // namespace tranche::api
