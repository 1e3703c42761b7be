// The automation scorecard of the running platform for operators (ops/automation.h).
#include "api/handlers/handlers.h"
#include "core/date_range.h"
#include "ops/automation.h"

namespace tranche::api {

namespace {

std::optional<std::string_view> View(const std::optional<std::string>& s) {
  return s ? std::optional<std::string_view>(*s) : std::nullopt;
}

// GET /v1/admin/automation?since=YYYY-MM-DD&until=YYYY-MM-DD: both dates included,
// until at most today (its default), since by default 30 days up to until, at most 366.
Result<Reply> Automation(RequestContext& ctx) {
  const std::optional<std::string> since = QueryParam(ctx.request.query, "since");
  const std::optional<std::string> until = QueryParam(ctx.request.query, "until");
  TRANCHE_ASSIGN_OR_RETURN(const DateRange range, ParseDateRange(View(since), View(until), DateOf(ctx.now),
                                                                 ops::kDefaultAutomationDays, ops::kMaxAutomationDays));
  TRANCHE_ASSIGN_OR_RETURN(const ops::AutomationReport report,
                           ops::ReportAutomation(ctx.svc.store, range, ctx.now, automation::Staffing{}));
  return Reply(200, ops::AutomationReportJson(report));
}

}  // namespace

void RegisterAutomationRoutes(ApiRouter& router) {
  router.Add("GET", "/v1/admin/automation", Caller::kOperator, Automation);
}

}  // namespace tranche::api
