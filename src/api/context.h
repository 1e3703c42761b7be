// What a handler gets: the request, its caller, its parsed body, the services, and
// Commit() for its one write.
#pragma once

#include <functional>
#include <optional>

#include "api/authenticator.h"
#include "api/http_types.h"
#include "api/idempotency.h"
#include "api/json_input.h"
#include "api/metrics.h"
#include "api/router.h"
#include "assist/chat.h"
#include "core/clock.h"
#include "core/ids.h"
#include "fraud/decision.h"
#include "ops/cob.h"
#include "risk/decider.h"
#include "webhooks/webhook.h"

namespace tranche::ops {
struct ServedModels;  // ops/models.h
}  // namespace tranche::ops

namespace tranche::api {

struct Reply {
  Reply() = default;
  Reply(int http_status, Json json_body) : status(http_status), body(std::move(json_body)) {}
  Reply(int http_status, std::string raw, std::string type)
      : status(http_status), raw_body(std::move(raw)), content_type(std::move(type)) {}

  int status = 200;
  Json body;
  // For the few replies that are not JSON objects built here (metrics, the OpenAPI
  // document): sent as they are when not empty.
  std::string raw_body;
  std::string content_type = "application/json";
  // What an idempotent replay returns instead of `body`, when they must differ: a
  // reply carrying a secret is stored with the secret removed, because secrets are
  // kept only as hashes.
  std::optional<Json> replay_body;

  // Sets replay_body to body with the value at `field` replaced by null: how a reply
  // carrying a secret is stored for idempotent replays.
  void RedactForReplay(const Json::json_pointer& field);
};

struct Services {
  store::Store& store;
  const Clock& clock;
  IdGenerator& ids;
  RandomSource& secrets;  // for API keys: the OS CSPRNG outside tests
  Authenticator& authenticator;
  const risk::Decider& decider;  // credit decisions at checkout
  const risk::BureauProvider& bureau;
  const webhooks::SigningKey& signing_key;  // webhook signing secrets and client tokens derive from it
  // Fraud screening at authorization (set by the platform); none: no screening.
  const fraud::Screening* fraud = nullptr;
  Metrics* metrics = nullptr;    // set by App
  // Servicing: the daily job and the money-movement adapters (set by the platform).
  ops::Cob* cob = nullptr;
  payments::PaymentProcessor* processor = nullptr;
  payments::PayoutRail* rail = nullptr;
  // Demo and simulation only: the clock an operator may advance. Null in production,
  // where POST /v1/admin/clock/advance does not exist.
  AdjustableClock* adjustable_clock = nullptr;
  // Real time, which idempotency records live by (set by the platform). It is never the
  // clock an operator advances: a record stamped before an advance must still be found
  // after it, or replaying the advance would move the clock again.
  const Clock* wall_clock = nullptr;
  // The assistant's chat use cases; null when no intent classifier and language
  // detector were configured (the assistant's routes then answer 503).
  assist::Assistant* assistant = nullptr;
  // The credit and fraud models the server runs, for GET /v1/admin/models (set by the
  // platform); null: none.
  const ops::ServedModels* models = nullptr;
};

struct IdempotencyScope {
  std::string principal_id;
  std::string key;
  RequestHash request_hash;
  Instant recorded_at;  // wall-clock time: when the stored result was created
};

class RequestContext {
 public:
  RequestContext(const HttpRequest& req, const PathParams& path_params,
                 std::optional<auth::Principal> caller, Json parsed_body, Services& services,
                 Instant request_time, std::optional<IdempotencyScope> idempotency)
      : request(req), params(path_params), principal(std::move(caller)),
        body(std::move(parsed_body)), svc(services), now(request_time),
        idempotency_(std::move(idempotency)) {}

  // The value of path parameter `name`; asserted to exist in the route's pattern.
  const std::string& Param(std::string_view name) const;
  const auth::Principal& Caller() const;

  // Runs `fn` in one durable write transaction (at most once per request). Its changes
  // are undone if it fails. With an Idempotency-Key, its final outcome is stored in
  // the same transaction for replay.
  Result<Reply> Commit(const std::function<Result<Reply>(store::Tx&)>& fn);

  // The request's Idempotency-Key scope; null without one.
  const IdempotencyScope* idempotency() const { return idempotency_ ? &*idempotency_ : nullptr; }

  // A consistent read.
  Status Read(const std::function<Status(store::Tx&)>& fn) { return svc.store.Read(fn); }

  const HttpRequest& request;
  const PathParams& params;
  const std::optional<auth::Principal> principal;
  const Json body;
  Services& svc;
  const Instant now;

 private:
  std::optional<IdempotencyScope> idempotency_;
  bool committed_ = false;
};

using HandlerFn = std::function<Result<Reply>(RequestContext&)>;
using ApiRouter = Router<HandlerFn>;

// Renders a stored or fresh outcome as the body of a response.
std::string RenderOutcome(const Result<Reply>& outcome, int* status);

}  // namespace tranche::api
