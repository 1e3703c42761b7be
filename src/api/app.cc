#include "api/app.h"

#include <spdlog/spdlog.h>

#include "api/errors.h"

namespace tranche::api {

namespace {

std::vector<std::string> RouteNames(const ApiRouter& router) {
  std::vector<std::string> names;
  for (const auto& r : router.routes()) names.push_back(r.method + " " + r.pattern);
  return names;
}

Status Authorize(Caller needed, const auth::Principal& p) {
  switch (needed) {
    case Caller::kAnyone:
      return Status::Ok();
    case Caller::kOperator:
      if (p.kind == auth::PrincipalKind::kOperator) return Status::Ok();
      return Status::PermissionDenied("this endpoint needs an operator key");
    case Caller::kMerchant:
      if (p.kind == auth::PrincipalKind::kMerchant) return Status::Ok();
      return Status::PermissionDenied("this endpoint needs a merchant secret key");
    case Caller::kConsumer:
      if (p.kind == auth::PrincipalKind::kConsumer) return Status::Ok();
      return Status::PermissionDenied("this endpoint needs a consumer login token");
    case Caller::kCheckoutClient:
      if (p.kind == auth::PrincipalKind::kCheckoutClient) return Status::Ok();
      return Status::PermissionDenied("this endpoint needs the checkout session's client_token");
  }
  return Status::PermissionDenied("unknown caller kind");
}

Result<Json> ParsePostBody(const HttpRequest& req) {
  if (req.body.empty()) return Json::object();  // actions such as rotate take no body
  if (!IsJsonContentType(req.content_type)) {
    return Status::InvalidArgument("content_type_invalid",
                                   "send request bodies as Content-Type: application/json",
                                   "Content-Type");
  }
  return ParseBody(req.body);
}

// Releases an in-flight idempotency key when the request ends, however it ends.
class InFlightGuard {
 public:
  InFlightGuard(InFlightKeys& keys, std::string scoped) : keys_(keys), scoped_(std::move(scoped)) {}
  ~InFlightGuard() { keys_.Release(scoped_); }
  InFlightGuard(const InFlightGuard&) = delete;
  InFlightGuard& operator=(const InFlightGuard&) = delete;

 private:
  InFlightKeys& keys_;
  std::string scoped_;
};

}  // namespace

App::App(Services& services, const std::string& access_log_target)
    : svc_(services), access_log_(access_log_target) {
  RegisterRoutes(router_);
  metrics_ = std::make_unique<Metrics>(RouteNames(router_));
  svc_.metrics = metrics_.get();
}

Result<Reply> App::Dispatch(const HttpRequest& req, const ApiRouter::Match& match,
                            std::string* principal_id, bool* replayed, std::string* stored_body,
                            int* stored_status) {
  const ApiRouter::Route& route = *match.route;
  std::optional<auth::Principal> principal;
  if (route.caller != Caller::kAnyone) {
    TRANCHE_ASSIGN_OR_RETURN(principal, svc_.authenticator.Authenticate(req.authorization));
    *principal_id = principal->id;
    TRANCHE_RETURN_IF_ERROR(Authorize(route.caller, *principal));
  }
  Json body = Json::object();
  if (req.method == "POST" || req.method == "PUT" || req.method == "PATCH") {
    TRANCHE_ASSIGN_OR_RETURN(body, ParsePostBody(req));
  }
  const Instant now = svc_.clock.Now();
  std::optional<IdempotencyScope> scope;
  std::optional<InFlightGuard> guard;
  if (req.method == "POST" && !req.idempotency_key.empty()) {
    TRANCHE_RETURN_IF_ERROR(ValidateIdempotencyKey(req.idempotency_key));
  }
  // Keys are scoped to their caller. The anonymous login endpoints have no caller to
  // scope them to, and a retry of them is harmless (it sends another code, or checks
  // the code again), so there the header is accepted and no outcome is stored.
  if (req.method == "POST" && !req.idempotency_key.empty() && principal) {
    TRANCHE_ASSERT(svc_.wall_clock != nullptr);
    scope = IdempotencyScope{principal->id, req.idempotency_key,
                             HashRequest(req.method, req.path, Serialize(body)), svc_.wall_clock->Now()};
    std::string scoped = principal->id + '\n' + req.idempotency_key;
    if (!in_flight_.TryAcquire(scoped)) {
      return Status::Conflict("idempotency_key_in_use",
                              "a request with this Idempotency-Key is still being processed");
    }
    guard.emplace(in_flight_, std::move(scoped));
    std::optional<store::IdempotencyRecord> stored;
    TRANCHE_RETURN_IF_ERROR(svc_.store.Read([&](store::Tx& tx) -> Status {
      TRANCHE_ASSIGN_OR_RETURN(stored, tx.idempotency().Find(scope->principal_id, scope->key,
                                                             scope->recorded_at - kIdempotencyLifetime));
      return Status::Ok();
    }));
    if (stored) {
      if (stored->request_hash != scope->request_hash) {
        return Status::InvalidArgument(
            "idempotency_error",
            "this Idempotency-Key was already used with different parameters", "Idempotency-Key");
      }
      *replayed = true;
      *stored_body = std::move(stored->response_body);
      *stored_status = stored->status_code;
      if (route.replay && stored->status_code < 300) {
        // The route restores the secret its stored reply had redacted; the context's
        // body is that stored reply.
        RequestContext replay(req, match.params, std::move(principal), Json::parse(*stored_body), svc_, now,
                              std::nullopt);
        TRANCHE_ASSIGN_OR_RETURN(Reply restored, route.replay(replay));
        *stored_body = Serialize(restored.body);
      }
      return Reply{};
    }
  }
  RequestContext ctx(req, match.params, std::move(principal), std::move(body), svc_, now,
                     std::move(scope));
  return route.handler(ctx);
}

bool App::IsQuick(const HttpRequest& request) const {
  const ApiRouter::Match m = router_.Find(request.method, request.path);
  return m.route == nullptr || m.route->cost == Cost::kQuick;  // unrouted: a cheap 404
}

HttpResponse App::Handle(HttpRequest request) {
  // Nothing a request does may take the server down: an exception that escaped here
  // would terminate an I/O or worker thread, and with it the process.
  try {
    return HandleUnguarded(std::move(request));
  } catch (const std::exception& e) {
    spdlog::error("request failed outside its handler: {}", e.what());
    return ErrorResponse(Status::Internal(e.what()));
  }
}

HttpResponse App::HandleUnguarded(HttpRequest req) {
  const auto start = std::chrono::steady_clock::now();
  const std::string request_id = svc_.ids.Next("req");
  const ApiRouter::Match match = router_.Find(req.method, req.path);
  std::string principal_id;
  bool replayed = false;
  HttpResponse resp;
  if (match.route == nullptr) {
    resp = ErrorResponse(Status::NotFound("route_not_found", "no such endpoint"));
    if (match.path_known) {
      resp = ErrorResponse(Status::InvalidArgument("method_not_allowed",
                                                   "this endpoint does not accept " + req.method.substr(0, 10)));
      resp.status = 405;
    }
  } else {
    Result<Reply> outcome = Status::Internal("unset");
    try {
      outcome = Dispatch(req, match, &principal_id, &replayed, &resp.body, &resp.status);
    } catch (const std::exception& e) {
      outcome = Status::Internal(std::string("handler threw: ") + e.what());
    }
    if (!outcome.ok() && outcome.status().category() == StatusCategory::kInternal) {
      spdlog::error("request {} {} failed: {}", request_id, match.route->pattern,
                    outcome.status().message());
    }
    if (!replayed) resp.body = RenderOutcome(outcome, &resp.status);
    if (outcome.ok() && !replayed) resp.content_type = outcome->content_type;
  }
  resp.headers.emplace_back("Request-Id", request_id);
  if (replayed) resp.headers.emplace_back("Idempotent-Replayed", "true");

  const auto duration_us = std::chrono::duration_cast<std::chrono::microseconds>(
                               std::chrono::steady_clock::now() - start).count();
  if (match.route != nullptr) {
    metrics_->RecordRequest(match.route->index, resp.status, duration_us);
  } else {
    metrics_->RecordUnrouted(resp.status, duration_us);
  }
  access_log_.Write(AccessRecord{request_id, req.method.substr(0, 10),
                                 match.route ? std::string_view(match.route->pattern) : "unmatched",
                                 req.path.substr(0, 200), resp.status, duration_us, principal_id,
                                 replayed, req.body.size(), resp.body.size()});
  return resp;
}

}  // namespace tranche::api

#include "api/handlers/handlers.h"

namespace tranche::api {

void RegisterRoutes(ApiRouter& router) {
  RegisterSystemRoutes(router);
  RegisterMerchantRoutes(router);
  RegisterLedgerRoutes(router);
  RegisterCheckoutRoutes(router);
  RegisterOrderRoutes(router);
  RegisterConsumerRoutes(router);
  RegisterWebhookRoutes(router);
  RegisterServicingRoutes(router);
  RegisterSettlementRoutes(router);
  RegisterFraudRoutes(router);
  RegisterReconRoutes(router);
  RegisterLookupRoutes(router);
  RegisterAutomationRoutes(router);
  RegisterModelRoutes(router);
  RegisterAssistantRoutes(router);
}

Json ListBody(Json data, bool has_more, const std::string& next_cursor) {
  Json body = {{"object", "list"}, {"data", std::move(data)}, {"has_more", has_more}};
  body["next_cursor"] = has_more ? Json(next_cursor) : Json(nullptr);
  return body;
}

}  // namespace tranche::api
