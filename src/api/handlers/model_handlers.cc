// The models the server runs, for operators: training-time curves and live monitoring
// over a window of stored decisions (ops/models.h).
#include "api/handlers/handlers.h"
#include "api/json_input.h"
#include "ops/models.h"

namespace tranche::api {

namespace {

inline constexpr std::size_t kMaxDateChars = 10;  // YYYY-MM-DD

Result<std::optional<std::string>> DateParam(const std::string& query, const char* name) {
  auto v = QueryParam(query, name);
  if (v && v->size() > kMaxDateChars) {
    return Status::InvalidArgument("invalid_date", std::string(name) + " must be a date as YYYY-MM-DD", name);
  }
  return v;
}

// ?since=&until= (days, both included); until defaults to today and since to
// kDefaultModelWindowDays days ending on until. Windows are bounded as backtests' are.
Result<fraud::BacktestWindow> ParseWindow(const std::string& query, Instant now) {
  TRANCHE_ASSIGN_OR_RETURN(std::optional<std::string> since, DateParam(query, "since"));
  TRANCHE_ASSIGN_OR_RETURN(std::optional<std::string> until, DateParam(query, "until"));
  if (!since) {
    const std::optional<Date> last = until ? ParseDate(*until) : std::optional<Date>(DateOf(now));
    if (!last) return Status::InvalidArgument("invalid_date", "until must be a date as YYYY-MM-DD", "until");
    since = FormatDate(AddDays(*last, 1 - ops::kDefaultModelWindowDays));
  }
  return fraud::ParseBacktestWindow(*since, until, now);
}

Result<Reply> GetModels(RequestContext& ctx) {
  TRANCHE_ASSIGN_OR_RETURN(const fraud::BacktestWindow window, ParseWindow(ctx.request.query, ctx.now));
  static const ops::ServedModels kNone;
  const ops::ServedModels& served = ctx.svc.models != nullptr ? *ctx.svc.models : kNone;
  TRANCHE_ASSIGN_OR_RETURN(const ops::ModelsReport report, ops::ReportModels(ctx.svc.store, served, window, ctx.now));
  return Reply(200, ops::ModelsJson(report));
}

}  // namespace

void RegisterModelRoutes(ApiRouter& router) {
  router.Add("GET", "/v1/admin/models", Caller::kOperator, GetModels);
}

}  // namespace tranche::api
