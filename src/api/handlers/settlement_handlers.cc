// A merchant's settlements (with their lines and a CSV export) and payouts.
#include "api/handlers/handlers.h"

namespace tranche::api {

namespace {

constexpr std::size_t kMaxSettlementPage = 100;

Result<settlement::Settlement> LoadOwnSettlement(RequestContext& ctx) {
  std::optional<settlement::Settlement> s;
  TRANCHE_RETURN_IF_ERROR(ctx.Read([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(s, tx.settlements().Find(ctx.Param("id")));
    return Status::Ok();
  }));
  if (!s || s->merchant_id != ctx.Caller().id) {
    return Status::NotFound("settlement_not_found", "no such settlement", "id");
  }
  return std::move(*s);
}

Result<Reply> ListSettlements(RequestContext& ctx) {
  TRANCHE_ASSIGN_OR_RETURN(PageRequest page, ParsePage(ctx.request.query, kMaxSettlementPage));
  std::vector<settlement::Settlement> rows;
  TRANCHE_RETURN_IF_ERROR(ctx.Read([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(rows, tx.settlements().List(ctx.Caller().id, page.starting_after, page.limit + 1));
    return Status::Ok();
  }));
  return Reply(200, PageBody(std::move(rows), page.limit,
                             [](const settlement::Settlement& s) { return ops::SettlementJson(s, false); }));
}

Result<Reply> GetSettlement(RequestContext& ctx) {
  TRANCHE_ASSIGN_OR_RETURN(settlement::Settlement s, LoadOwnSettlement(ctx));
  return Reply(200, ops::SettlementJson(s, true));
}

Result<Reply> ExportSettlement(RequestContext& ctx) {
  TRANCHE_ASSIGN_OR_RETURN(settlement::Settlement s, LoadOwnSettlement(ctx));
  return Reply(200, settlement::SettlementCsv(s), "text/csv");
}

Result<Reply> ListPayouts(RequestContext& ctx) {
  TRANCHE_ASSIGN_OR_RETURN(PageRequest page, ParsePage(ctx.request.query, kMaxSettlementPage));
  std::vector<settlement::Payout> rows;
  TRANCHE_RETURN_IF_ERROR(ctx.Read([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(rows, tx.payouts().ListOfMerchant(ctx.Caller().id, page.starting_after, page.limit + 1));
    return Status::Ok();
  }));
  return Reply(200, PageBody(std::move(rows), page.limit, ops::PayoutJson));
}

}  // namespace

void RegisterSettlementRoutes(ApiRouter& router) {
  router.Add("GET", "/v1/settlements", Caller::kMerchant, ListSettlements);
  router.Add("GET", "/v1/settlements/{id}", Caller::kMerchant, GetSettlement);
  router.Add("GET", "/v1/settlements/{id}/export", Caller::kMerchant, ExportSettlement);
  router.Add("GET", "/v1/payouts", Caller::kMerchant, ListPayouts);
}

}  // namespace tranche::api
