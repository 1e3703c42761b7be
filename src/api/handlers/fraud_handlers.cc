// Fraud operations, for operators: the rules (versioned, checked before they are saved),
// backtests of candidate rules on stored decisions, the lists rules test, the decisions
// at authorization (one by one, and counted per day for the dashboard), and the review
// queue.
#include <charconv>
#include <limits>

#include "api/errors.h"
#include "api/handlers/handlers.h"
#include "fraud/decision_repo.h"
#include "ops/fraud_backtest.h"
#include "ops/fraud_rules.h"
#include "ops/fraud_summary.h"

namespace tranche::api {

namespace {

inline constexpr std::size_t kMaxFraudPage = 100;
inline constexpr std::size_t kMaxDateChars = 10;  // YYYY-MM-DD

// A version number as a page cursor: everything before it (newest first).
Result<std::int64_t> VersionCursor(const std::string& starting_after) {
  if (starting_after.empty()) return std::numeric_limits<std::int64_t>::max();
  std::int64_t v = 0;
  const auto [ptr, ec] = std::from_chars(starting_after.data(), starting_after.data() + starting_after.size(), v);
  if (ec != std::errc() || ptr != starting_after.data() + starting_after.size() || v < 1) {
    return Status::InvalidArgument("invalid_cursor", "starting_after must be a version number", "starting_after");
  }
  return v;
}

// Screening is configured by the platform; without it there is no catalogue to check
// rules against.
Result<const fraud::Screening*> RequireScreening(RequestContext& ctx) {
  if (ctx.svc.fraud == nullptr) {
    return Status::BusinessRule("fraud_screening_off", "fraud screening is not configured on this server");
  }
  return ctx.svc.fraud;
}

Json CatalogueJson(const fraud::Catalogue& c) {
  Json features = Json::array();
  for (const fraud::FeatureDef& f : c.defs()) {
    features.push_back({{"name", f.name},
                        {"type", f.type == fraud::ValueType::kNumber ? "number" : "text"},
                        {"description", f.description}});
  }
  features.push_back({{"name", fraud::kScoreName}, {"type", "number"},
                      {"description", "the model's fraud score, 0-99; missing when no model scored"}});
  return features;
}

Result<Reply> GetRules(RequestContext& ctx) {
  TRANCHE_ASSIGN_OR_RETURN(const fraud::Screening* screening, RequireScreening(ctx));
  std::optional<fraud::RulesVersion> current;
  TRANCHE_RETURN_IF_ERROR(ctx.Read([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(current, tx.fraud_rules().Current());
    return Status::Ok();
  }));
  Json body = ops::RulesVersionJson(current.value_or(fraud::RulesVersion{}));
  body["features"] = CatalogueJson(screening->source.catalogue());
  return Reply(200, std::move(body));
}

// 400 with every error's line and column; `param` names the rules' field.
Reply RulesErrorReply(const fraud::ParseOutcome& parsed, std::string_view param) {
  Json body =
      ErrorBody(Status::InvalidArgument("invalid_rules", "the rules do not check; see errors", std::string(param)));
  Json errors = Json::array();
  for (const fraud::RuleError& e : parsed.errors) {
    errors.push_back({{"line", e.line}, {"column", e.column}, {"message", e.message}});
  }
  body["error"]["errors"] = std::move(errors);
  body["error"]["more_errors"] = parsed.more_errors;
  return Reply(400, std::move(body));
}

Result<Reply> PutRules(RequestContext& ctx) {
  TRANCHE_ASSIGN_OR_RETURN(const fraud::Screening* screening, RequireScreening(ctx));
  TRANCHE_RETURN_IF_ERROR(CheckKnownFields(ctx.body, {"source", "review_threshold", "block_threshold"}));
  if (!ctx.body.contains("source") || !ctx.body.at("source").is_string()) {
    return Status::InvalidArgument("parameter_missing", "source is required: the rules as text (\"\" removes them all)",
                                   "source");
  }
  fraud::RulesVersion next;
  next.source = ctx.body.at("source").get<std::string>();
  // Empty is allowed (no rules); anything else is people's text: line breaks and tabs only.
  if (!next.source.empty()) {
    TRANCHE_RETURN_IF_ERROR(RequireText(ctx.body, "source", fraud::kMaxRulesSourceBytes).status());
  }
  TRANCHE_ASSIGN_OR_RETURN(std::int64_t review_at,
                           OptionalInt(ctx.body, "review_threshold", 1, fraud::kMaxScore + 1, next.thresholds.review_at));
  TRANCHE_ASSIGN_OR_RETURN(std::int64_t block_at,
                           OptionalInt(ctx.body, "block_threshold", 1, fraud::kMaxScore + 1, next.thresholds.block_at));
  next.thresholds = {static_cast<int>(review_at), static_cast<int>(block_at)};
  if (!fraud::ValidThresholds(next.thresholds)) {
    return Status::InvalidArgument("invalid_thresholds", "review_threshold must not exceed block_threshold",
                                   "review_threshold");
  }
  next.created_by = ctx.Caller().id;
  next.created_at = ctx.now;
  return ctx.Commit([&](store::Tx& tx) -> Result<Reply> {
    TRANCHE_ASSIGN_OR_RETURN(ops::RulesSaved saved, ops::SaveFraudRules(tx, screening->source.catalogue(), next));
    if (!saved.version) return RulesErrorReply(saved.parsed, "source");
    return Reply(200, ops::RulesVersionJson(*saved.version));
  });
}

// What candidate rules would have done to the stored decisions of a window: the rules
// as text, `since` and `until` as days (until defaults to today). Reads only.
Result<Reply> Backtest(RequestContext& ctx) {
  TRANCHE_ASSIGN_OR_RETURN(const fraud::Screening* screening, RequireScreening(ctx));
  TRANCHE_RETURN_IF_ERROR(CheckKnownFields(ctx.body, {"rules", "since", "until"}));
  TRANCHE_ASSIGN_OR_RETURN(std::string rules, RequireText(ctx.body, "rules", fraud::kMaxRulesSourceBytes));
  TRANCHE_ASSIGN_OR_RETURN(std::string since, RequireString(ctx.body, "since", kMaxDateChars));
  TRANCHE_ASSIGN_OR_RETURN(std::optional<std::string> until, OptionalString(ctx.body, "until", kMaxDateChars));
  TRANCHE_ASSIGN_OR_RETURN(const fraud::BacktestWindow window, fraud::ParseBacktestWindow(since, until, ctx.now));
  TRANCHE_ASSIGN_OR_RETURN(
      const ops::FraudBacktestOutcome outcome,
      ops::RunFraudBacktest(ctx.svc.store, screening->source.catalogue(), {std::move(rules), window}));
  if (!outcome.summary) return RulesErrorReply(outcome.parsed, "rules");
  return Reply(200, ops::FraudBacktestJson(outcome));
}

// Versions newest first; `starting_after` is a version number.
Result<Reply> ListRuleVersions(RequestContext& ctx) {
  TRANCHE_ASSIGN_OR_RETURN(PageRequest page, ParsePage(ctx.request.query, kMaxFraudPage));
  TRANCHE_ASSIGN_OR_RETURN(const std::int64_t before, VersionCursor(page.starting_after));
  std::vector<fraud::RulesVersion> rows;
  TRANCHE_RETURN_IF_ERROR(ctx.Read([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(rows, tx.fraud_rules().List(before, page.limit + 1));
    return Status::Ok();
  }));
  return Reply(200, PageBody(std::move(rows), page.limit, ops::RulesVersionJson,
                            [](const auto& v) { return std::to_string(v.version); }));
}

Result<std::string> ListNameParam(RequestContext& ctx) {
  const std::string& name = ctx.Param("name");
  TRANCHE_RETURN_IF_ERROR(fraud::ValidateListName(name));
  return name;
}

Result<std::vector<std::string>> ReadEntries(const Json& body, std::string_view field, std::size_t max) {
  TRANCHE_ASSIGN_OR_RETURN(const Json* items, RequireArray(body, field, max));
  std::vector<std::string> out;
  for (std::size_t i = 0; i < items->size(); ++i) {
    if (!(*items)[i].is_string()) {
      return Status::InvalidArgument("parameter_invalid_type", std::string(field) + " holds strings",
                                     std::string(field) + "[" + std::to_string(i) + "]");
    }
    out.push_back((*items)[i].get<std::string>());
  }
  return out;
}

Result<Reply> GetList(RequestContext& ctx) {
  TRANCHE_ASSIGN_OR_RETURN(std::string name, ListNameParam(ctx));
  std::optional<fraud::FraudList> list;
  TRANCHE_RETURN_IF_ERROR(ctx.Read([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(list, tx.fraud_lists().Find(name));
    return Status::Ok();
  }));
  if (!list) return Status::NotFound("list_not_found", "no list " + name, "name");
  return Reply(200, ops::FraudListJson(*list, true));
}

// Stores `after` as the list's next version (creating it when `before` is none).
Result<Reply> SaveList(RequestContext& ctx, store::Tx& tx, const std::string& name,
                       const std::optional<fraud::FraudList>& before, std::vector<std::string> after) {
  TRANCHE_ASSIGN_OR_RETURN(const ops::ListSaved saved,
                           ops::SaveFraudList(tx, ctx.svc.ids, name, before, std::move(after), ctx.Caller().id, ctx.now));
  return Reply(200, ops::FraudListJson(saved.list, false));
}

Result<Reply> PutList(RequestContext& ctx) {
  TRANCHE_ASSIGN_OR_RETURN(std::string name, ListNameParam(ctx));
  TRANCHE_RETURN_IF_ERROR(CheckKnownFields(ctx.body, {"entries"}));
  TRANCHE_ASSIGN_OR_RETURN(auto entries, ReadEntries(ctx.body, "entries", fraud::kMaxListEntries));
  TRANCHE_ASSIGN_OR_RETURN(entries, fraud::NormalizeEntries(std::move(entries), "entries"));
  return ctx.Commit([&](store::Tx& tx) -> Result<Reply> {
    TRANCHE_ASSIGN_OR_RETURN(auto before, tx.fraud_lists().Find(name));
    return SaveList(ctx, tx, name, before, entries);
  });
}

Result<Reply> PatchList(RequestContext& ctx) {
  TRANCHE_ASSIGN_OR_RETURN(std::string name, ListNameParam(ctx));
  TRANCHE_RETURN_IF_ERROR(CheckKnownFields(ctx.body, {"add", "remove"}));
  std::vector<std::string> add;
  std::vector<std::string> remove;
  if (ctx.body.contains("add")) {
    TRANCHE_ASSIGN_OR_RETURN(add, ReadEntries(ctx.body, "add", fraud::kMaxListChangeItems));
  }
  if (ctx.body.contains("remove")) {
    TRANCHE_ASSIGN_OR_RETURN(remove, ReadEntries(ctx.body, "remove", fraud::kMaxListChangeItems));
  }
  if (add.empty() && remove.empty()) {
    return Status::InvalidArgument("parameter_missing", "add or remove at least one entry", "add");
  }
  return ctx.Commit([&](store::Tx& tx) -> Result<Reply> {
    TRANCHE_ASSIGN_OR_RETURN(auto before, tx.fraud_lists().Find(name));
    if (!before) return Status::NotFound("list_not_found", "no list " + name + "; create it with PUT", "name");
    TRANCHE_ASSIGN_OR_RETURN(auto after, fraud::ApplyPatch(before->entries, add, remove));
    return SaveList(ctx, tx, name, before, std::move(after));
  });
}

Result<Reply> ListListVersions(RequestContext& ctx) {
  TRANCHE_ASSIGN_OR_RETURN(std::string name, ListNameParam(ctx));
  TRANCHE_ASSIGN_OR_RETURN(PageRequest page, ParsePage(ctx.request.query, kMaxFraudPage));
  TRANCHE_ASSIGN_OR_RETURN(const std::int64_t before, VersionCursor(page.starting_after));
  std::optional<fraud::FraudList> list;
  std::vector<fraud::ListVersion> rows;
  TRANCHE_RETURN_IF_ERROR(ctx.Read([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(list, tx.fraud_lists().Find(name));
    TRANCHE_ASSIGN_OR_RETURN(rows, tx.fraud_lists().Versions(name, before, page.limit + 1));
    return Status::Ok();
  }));
  if (!list) return Status::NotFound("list_not_found", "no list " + name, "name");
  return Reply(200, PageBody(std::move(rows), page.limit, ops::ListVersionJson,
                            [](const auto& v) { return std::to_string(v.version); }));
}

Result<Reply> GetDecision(RequestContext& ctx) {
  const std::string& id = ctx.Param("id");
  std::optional<fraud::FraudDecision> d;
  TRANCHE_RETURN_IF_ERROR(ctx.Read([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(d, tx.fraud_decisions().Find(id));
    return Status::Ok();
  }));
  if (!d) return Status::NotFound("decision_not_found", "no fraud decision " + id.substr(0, 64), "id");
  return Reply(200, ops::FraudDecisionJson(*d));
}

// GET /v1/admin/fraud/decisions/summary?days=N (1..90, default 30): the N dates up to
// today.
Result<Reply> FraudDecisionSummary(RequestContext& ctx) {
  TRANCHE_ASSIGN_OR_RETURN(const std::int64_t days,
                           QueryWholeNumber(ctx.request.query, "days", ops::kDefaultFraudSummaryDays, 1,
                                            ops::kMaxFraudSummaryDays));
  const Date today = DateOf(ctx.now);
  const DateRange range{AddDays(today, static_cast<int>(1 - days)), today};
  TRANCHE_ASSIGN_OR_RETURN(const ops::FraudDecisionSummary summary,
                           ops::SummarizeFraudDecisions(ctx.svc.store, range));
  return Reply(200, ops::FraudDecisionSummaryJson(summary));
}

// Filters: status (pending, accepted, rejected) and merchant_id.
Result<Reply> ListReviews(RequestContext& ctx) {
  TRANCHE_ASSIGN_OR_RETURN(PageRequest page, ParsePage(ctx.request.query, kMaxFraudPage));
  fraud::ReviewFilter filter;
  if (const auto status = QueryParam(ctx.request.query, "status")) {
    filter.status = fraud::ParseReviewStatus(*status);
    if (!filter.status) {
      return Status::InvalidArgument("invalid_status", "status must be pending, accepted or rejected", "status");
    }
  }
  if (auto merchant = QueryParam(ctx.request.query, "merchant_id")) {
    if (!IsValidId(*merchant, "mer")) {
      return Status::InvalidArgument("invalid_id", "merchant_id is not a merchant id", "merchant_id");
    }
    filter.merchant_id = std::move(*merchant);
  }
  std::vector<fraud::Review> rows;
  TRANCHE_RETURN_IF_ERROR(ctx.Read([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(rows, tx.fraud_reviews().List(filter, page.starting_after, page.limit + 1));
    return Status::Ok();
  }));
  return Reply(200, PageBody(std::move(rows), page.limit,
                             [&ctx](const fraud::Review& r) { return ops::ReviewJson(r, ctx.now); }));
}

Status NoSuchReview(const std::string& id) {
  return Status::NotFound("review_not_found", "no review " + id.substr(0, 64), "id");
}

// A review with the decision that opened it (features, rule hits, score reasons).
Result<Reply> GetReview(RequestContext& ctx) {
  const std::string& id = ctx.Param("id");
  std::optional<fraud::Review> r;
  std::optional<fraud::FraudDecision> d;
  TRANCHE_RETURN_IF_ERROR(ctx.Read([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(r, tx.fraud_reviews().Find(id));
    if (r) {
      TRANCHE_ASSIGN_OR_RETURN(d, tx.fraud_decisions().Find(r->fraud_decision_id));
    }
    return Status::Ok();
  }));
  if (!r) return NoSuchReview(id);
  TRANCHE_ASSERT_MSG(d.has_value(), "a review's decision exists");
  Json body = ops::ReviewJson(*r, ctx.now);
  body["decision"] = ops::FraudDecisionJson(*d);
  return Reply(200, std::move(body));
}

Result<Reply> ClaimReview(RequestContext& ctx) {
  TRANCHE_RETURN_IF_ERROR(CheckKnownFields(ctx.body, {}));
  const origination::Context oc = OriginationContext(ctx);
  return ctx.Commit([&](store::Tx& tx) -> Result<Reply> {
    TRANCHE_ASSIGN_OR_RETURN(fraud::Review r, origination::ClaimReview(tx, oc, ctx.Param("id"), ctx.Caller().id));
    return Reply(200, ops::ReviewJson(r, ctx.now));
  });
}

Result<Reply> DecideReview(RequestContext& ctx, bool accept) {
  TRANCHE_RETURN_IF_ERROR(CheckKnownFields(ctx.body, {"note"}));
  TRANCHE_ASSIGN_OR_RETURN(std::optional<std::string> note,
                           OptionalText(ctx.body, "note", fraud::kMaxReviewNoteChars));
  const origination::Context oc = OriginationContext(ctx);
  std::optional<fraud::Review> decided;
  auto reply = ctx.Commit([&](store::Tx& tx) -> Result<Reply> {
    TRANCHE_ASSIGN_OR_RETURN(auto out, origination::DecideReview(tx, oc, ctx.Param("id"), ctx.Caller().id, accept,
                                                                 note.value_or("")));
    decided = out.review;
    return Reply(200, ops::ReviewJson(out.review, ctx.now));
  });
  if (reply.ok() && decided) ctx.svc.metrics->RecordReviewDecided(accept, fraud::Age(*decided, ctx.now).count());
  return reply;
}

}  // namespace

void RegisterFraudRoutes(ApiRouter& router) {
  router.Add("GET", "/v1/admin/fraud/rules", Caller::kOperator, GetRules, Cost::kQuick);
  router.Add("PUT", "/v1/admin/fraud/rules", Caller::kOperator, PutRules);
  router.Add("GET", "/v1/admin/fraud/rules/versions", Caller::kOperator, ListRuleVersions);
  router.Add("POST", "/v1/admin/fraud/backtest", Caller::kOperator, Backtest);
  router.Add("GET", "/v1/admin/fraud/lists/{name}", Caller::kOperator, GetList);
  router.Add("PUT", "/v1/admin/fraud/lists/{name}", Caller::kOperator, PutList);
  router.Add("PATCH", "/v1/admin/fraud/lists/{name}", Caller::kOperator, PatchList);
  router.Add("GET", "/v1/admin/fraud/lists/{name}/versions", Caller::kOperator, ListListVersions);
  // Before decisions/{id}, which would take "summary" for an id (the first match wins).
  router.Add("GET", "/v1/admin/fraud/decisions/summary", Caller::kOperator, FraudDecisionSummary);
  router.Add("GET", "/v1/admin/fraud/decisions/{id}", Caller::kOperator, GetDecision, Cost::kQuick);
  router.Add("GET", "/v1/admin/fraud/reviews", Caller::kOperator, ListReviews);
  router.Add("GET", "/v1/admin/fraud/reviews/{id}", Caller::kOperator, GetReview, Cost::kQuick);
  router.Add("POST", "/v1/admin/fraud/reviews/{id}/claim", Caller::kOperator, ClaimReview);
  router.Add("POST", "/v1/admin/fraud/reviews/{id}/accept", Caller::kOperator,
             [](RequestContext& ctx) { return DecideReview(ctx, true); });
  router.Add("POST", "/v1/admin/fraud/reviews/{id}/reject", Caller::kOperator,
             [](RequestContext& ctx) { return DecideReview(ctx, false); });
}

}  // namespace tranche::api
