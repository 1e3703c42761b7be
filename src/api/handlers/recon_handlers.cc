// Reconciliation, for operators: where it stands (the last file date, the money still
// unreconciled, the latest runs) and the exceptions queue — list, claim, resolve.
#include "api/errors.h"
#include "api/handlers/handlers.h"
#include "recon/reconcile.h"

namespace tranche::api {

namespace {

inline constexpr std::size_t kMaxExceptionPage = 100;

Result<Reply> GetSummary(RequestContext& ctx) {
  recon::Summary summary;
  TRANCHE_RETURN_IF_ERROR(ctx.Read([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(summary, recon::ReadSummary(tx));
    return Status::Ok();
  }));
  return Reply(200, ops::ReconSummaryJson(summary));
}

Result<Reply> ListExceptions(RequestContext& ctx) {
  TRANCHE_ASSIGN_OR_RETURN(PageRequest page, ParsePage(ctx.request.query, kMaxExceptionPage));
  recon::ExceptionFilter filter;
  if (const auto status = QueryParam(ctx.request.query, "status")) {
    if (*status != "open" && *status != "resolved") {
      return Status::InvalidArgument("invalid_status", "status must be open or resolved", "status");
    }
    filter.resolved = *status == "resolved";
  }
  std::vector<recon::ExceptionRecord> rows;
  TRANCHE_RETURN_IF_ERROR(ctx.Read([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(rows, tx.recon().ListExceptions(filter, page.starting_after, page.limit + 1));
    return Status::Ok();
  }));
  return Reply(200, PageBody(std::move(rows), page.limit, ops::ReconExceptionJson));
}

Result<Reply> GetException(RequestContext& ctx) {
  std::optional<recon::ExceptionRecord> found;
  TRANCHE_RETURN_IF_ERROR(ctx.Read([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(found, tx.recon().FindException(ctx.Param("id")));
    return Status::Ok();
  }));
  if (!found) return Status::NotFound("exception_not_found", "no such reconciliation exception", "id");
  return Reply(200, ops::ReconExceptionJson(*found));
}

Result<Reply> ClaimException(RequestContext& ctx) {
  TRANCHE_RETURN_IF_ERROR(CheckKnownFields(ctx.body, {}));
  return ctx.Commit([&](store::Tx& tx) -> Result<Reply> {
    TRANCHE_ASSIGN_OR_RETURN(auto r, recon::ClaimException(tx, ctx.Param("id"), ctx.Caller().id, ctx.now));
    return Reply(200, ops::ReconExceptionJson(r));
  });
}

Result<Reply> ResolveException(RequestContext& ctx) {
  TRANCHE_RETURN_IF_ERROR(CheckKnownFields(ctx.body, {"resolution", "note"}));
  TRANCHE_ASSIGN_OR_RETURN(std::string name, RequireString(ctx.body, "resolution", 32));
  const auto resolution = recon::ParseResolution(name);
  if (!resolution) {
    return Status::InvalidArgument("invalid_resolution", "resolution must be write_off or no_adjustment", "resolution");
  }
  TRANCHE_ASSIGN_OR_RETURN(std::string note, RequireText(ctx.body, "note", recon::kMaxResolutionNoteChars));
  return ctx.Commit([&](store::Tx& tx) -> Result<Reply> {
    TRANCHE_ASSIGN_OR_RETURN(auto r, recon::ResolveException(tx, ctx.svc.ids, ctx.Param("id"), ctx.Caller().id,
                                                             *resolution, std::move(note), ctx.now));
    return Reply(200, ops::ReconExceptionJson(r));
  });
}

}  // namespace

void RegisterReconRoutes(ApiRouter& router) {
  router.Add("GET", "/v1/admin/reconciliation", Caller::kOperator, GetSummary, Cost::kQuick);
  router.Add("GET", "/v1/admin/reconciliation/exceptions", Caller::kOperator, ListExceptions);
  router.Add("GET", "/v1/admin/reconciliation/exceptions/{id}", Caller::kOperator, GetException, Cost::kQuick);
  router.Add("POST", "/v1/admin/reconciliation/exceptions/{id}/claim", Caller::kOperator, ClaimException);
  router.Add("POST", "/v1/admin/reconciliation/exceptions/{id}/resolve", Caller::kOperator, ResolveException);
}

}  // namespace tranche::api
