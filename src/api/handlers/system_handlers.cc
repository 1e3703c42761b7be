// Health, metrics and the API description: unauthenticated, read-only.
#include "api/handlers/handlers.h"
#include "api/openapi.h"

namespace tranche::api {

namespace {

// Constant time whatever the size of the database: it runs unauthenticated.
Result<Reply> Healthz(RequestContext& ctx) {
  TRANCHE_RETURN_IF_ERROR(ctx.svc.store.Ping());
  return Reply{200, {{"status", "ok"},
                     {"time", FormatRfc3339(ctx.now)},
                     {"write_queue_depth", ctx.svc.store.Stats().queue_depth}}};
}

}  // namespace

void RegisterSystemRoutes(ApiRouter& router) {
  router.Add("GET", "/healthz", Caller::kAnyone, Healthz, Cost::kQuick);
  router.Add("GET", "/metrics", Caller::kAnyone, [](RequestContext& ctx) -> Result<Reply> {
    return Reply(200, ctx.svc.metrics->Render(ctx.svc.store.Stats()),
                 "text/plain; version=0.0.4");
  }, Cost::kQuick);
  router.Add("GET", "/v1/openapi.json", Caller::kAnyone, [](RequestContext&) -> Result<Reply> {
    return Reply(200, std::string(OpenApiDocument()), "application/json");
  }, Cost::kQuick);
}

}  // namespace tranche::api
