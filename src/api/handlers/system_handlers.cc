// Health, metrics and the API description: unauthenticated, read-only.
#include "api/handlers/handlers.h"
#include "api/openapi.h"

namespace tranche::api {

namespace {

Result<Reply> Healthz(RequestContext& ctx) {
  // A read proves the database answers; the writer's health shows in /metrics.
  TRANCHE_RETURN_IF_ERROR(ctx.Read([](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(auto count, tx.ledger().CountEntries());
    (void)count;
    return Status::Ok();
  }));
  return Reply{200, {{"status", "ok"}, {"time", FormatRfc3339(ctx.now)}}};
}

}  // namespace

void RegisterSystemRoutes(ApiRouter& router) {
  router.Add("GET", "/healthz", Caller::kAnyone, Healthz);
  router.Add("GET", "/metrics", Caller::kAnyone, [](RequestContext& ctx) -> Result<Reply> {
    return Reply(200, ctx.svc.metrics->Render(ctx.svc.store.Stats()),
                 "text/plain; version=0.0.4");
  });
  router.Add("GET", "/v1/openapi.json", Caller::kAnyone, [](RequestContext&) -> Result<Reply> {
    return Reply(200, std::string(OpenApiDocument()), "application/json");
  });
}

}  // namespace tranche::api
