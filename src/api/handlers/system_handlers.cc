// Health, metrics and the API description: unauthenticated, read-only.
#include "api/handlers/handlers.h"
#include "api/openapi.h"
#include "assist/chat.h"
#include "assist/measure.h"

namespace tranche::api {

namespace {

// Constant time whatever the size of the database: it runs unauthenticated.
Result<Reply> Healthz(RequestContext& ctx) {
  TRANCHE_RETURN_IF_ERROR(ctx.svc.store.Ping());
  return Reply{200, {{"status", "ok"},
                     {"time", FormatRfc3339(ctx.now)},
                     {"write_queue_depth", ctx.svc.store.Stats().queue_depth}}};
}

// The assistant's metrics are measured from the store (a bounded read, hence a blocking
// route) at most every kAssistantRefresh of real time; the rest are counters kept in memory.
Result<Reply> ServeMetrics(RequestContext& ctx) {
  Metrics& metrics = *ctx.svc.metrics;
  const Instant wall_now = ctx.svc.wall_clock != nullptr ? ctx.svc.wall_clock->Now() : ctx.now;
  if (metrics.AssistantDue(wall_now)) {
    // The window ends just after now: a conversation started at this very instant counts.
    const Instant until = ctx.now + std::chrono::microseconds(1);
    TRANCHE_ASSIGN_OR_RETURN(auto assistant,
                             assist::MeasureAssistant(ctx.svc.store, until - kAssistantWindow, until, ctx.now));
    metrics.SetAssistant(std::move(assistant), wall_now);
  }
  std::optional<assist::ModelCalls> model_calls;
  if (ctx.svc.assistant != nullptr) model_calls = ctx.svc.assistant->model_calls();
  return Reply(200, metrics.Render(ctx.svc.store.Stats(), model_calls), "text/plain; version=0.0.4");
}

}  // namespace

void RegisterSystemRoutes(ApiRouter& router) {
  router.Add("GET", "/healthz", Caller::kAnyone, Healthz, Cost::kQuick);
  router.Add("GET", "/metrics", Caller::kAnyone, ServeMetrics, Cost::kBlocking);
  router.Add("GET", "/v1/openapi.json", Caller::kAnyone, [](RequestContext&) -> Result<Reply> {
    return Reply(200, std::string(OpenApiDocument()), "application/json");
  }, Cost::kQuick);
}

}  // namespace tranche::api
