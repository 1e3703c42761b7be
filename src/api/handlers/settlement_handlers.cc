// A merchant's settlements (with their lines and a CSV export) and payouts; operators
// list any merchant's (one under review or rejected has no key to look with), and write
// off what a rejected merchant owes.
#include "api/handlers/handlers.h"
#include "ops/merchant_actions.h"

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

Result<Reply> ListSettlementsOf(RequestContext& ctx, const std::string& merchant_id) {
  TRANCHE_ASSIGN_OR_RETURN(PageRequest page, ParsePage(ctx.request.query, kMaxSettlementPage));
  std::vector<settlement::Settlement> rows;
  TRANCHE_RETURN_IF_ERROR(ctx.Read([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(rows, tx.settlements().List(merchant_id, page.starting_after, page.limit + 1));
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

Result<Reply> ListPayoutsOf(RequestContext& ctx, const std::string& merchant_id) {
  TRANCHE_ASSIGN_OR_RETURN(PageRequest page, ParsePage(ctx.request.query, kMaxSettlementPage));
  std::vector<settlement::Payout> rows;
  TRANCHE_RETURN_IF_ERROR(ctx.Read([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(rows, tx.payouts().ListOfMerchant(merchant_id, page.starting_after, page.limit + 1));
    return Status::Ok();
  }));
  return Reply(200, PageBody(std::move(rows), page.limit, ops::PayoutJson));
}

// The merchant named by the path, for an operator: merchant_not_found if there is none
// (an empty list would not tell a typo from a merchant with nothing settled).
Result<std::string> KnownMerchant(RequestContext& ctx) {
  const std::string& id = ctx.Param("id");
  std::optional<merchants::Merchant> m;
  TRANCHE_RETURN_IF_ERROR(ctx.Read([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(m, tx.merchants().Find(id));
    return Status::Ok();
  }));
  if (!m) return Status::NotFound("merchant_not_found", "no merchant " + id.substr(0, 64), "id");
  return id;
}

Result<Reply> ListMerchantSettlements(RequestContext& ctx) {
  TRANCHE_ASSIGN_OR_RETURN(std::string id, KnownMerchant(ctx));
  return ListSettlementsOf(ctx, id);
}

Result<Reply> ListMerchantPayouts(RequestContext& ctx) {
  TRANCHE_ASSIGN_OR_RETURN(std::string id, KnownMerchant(ctx));
  return ListPayoutsOf(ctx, id);
}

// An operator writes off part or all of a rejected merchant's debt, with the reason on
// record. Money moves, so an Idempotency-Key is required: a retry returns the first reply.
Result<Reply> WriteOffDebt(RequestContext& ctx) {
  TRANCHE_RETURN_IF_ERROR(CheckKnownFields(ctx.body, {"amount", "currency", "reason"}));
  TRANCHE_ASSIGN_OR_RETURN(std::int64_t amount, RequireAmount(ctx.body, "amount"));
  TRANCHE_ASSIGN_OR_RETURN(Currency currency, RequireCurrency(ctx.body, "currency"));
  TRANCHE_ASSIGN_OR_RETURN(std::string reason,
                           RequireText(ctx.body, "reason", settlement::kMaxWriteOffReasonChars));
  if (ctx.request.idempotency_key.empty()) {
    return Status::InvalidArgument("idempotency_key_required", "a write-off needs an Idempotency-Key header",
                                   "Idempotency-Key");
  }
  const ops::WriteOffRequest request{Money(amount, currency), ctx.Caller().id, std::move(reason)};
  Result<Reply> reply = ctx.Commit([&](store::Tx& tx) -> Result<Reply> {
    TRANCHE_ASSIGN_OR_RETURN(auto w, ops::WriteOffMerchantDebt(tx, ctx.svc.ids, ctx.Param("id"), request, ctx.now));
    return Reply{201, ops::DebtWriteOffJson(w)};
  });
  if (reply.ok()) ctx.svc.metrics->AddLedgerEntries(1);
  return reply;
}

Result<Reply> ListWriteOffs(RequestContext& ctx) {
  TRANCHE_ASSIGN_OR_RETURN(std::string id, KnownMerchant(ctx));
  std::vector<settlement::DebtWriteOff> rows;
  TRANCHE_RETURN_IF_ERROR(ctx.Read([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(rows, tx.settlements().ListWriteOffs(id, settlement::kMaxWriteOffsListed + 1));
    return Status::Ok();
  }));
  return Reply(200, PageBody(std::move(rows), settlement::kMaxWriteOffsListed, ops::DebtWriteOffJson));
}

}  // namespace

void RegisterSettlementRoutes(ApiRouter& router) {
  router.Add("GET", "/v1/settlements", Caller::kMerchant,
             [](RequestContext& ctx) { return ListSettlementsOf(ctx, ctx.Caller().id); });
  router.Add("GET", "/v1/settlements/{id}", Caller::kMerchant, GetSettlement);
  router.Add("GET", "/v1/settlements/{id}/export", Caller::kMerchant, ExportSettlement);
  router.Add("GET", "/v1/payouts", Caller::kMerchant,
             [](RequestContext& ctx) { return ListPayoutsOf(ctx, ctx.Caller().id); });
  router.Add("GET", "/v1/admin/merchants/{id}/settlements", Caller::kOperator, ListMerchantSettlements);
  router.Add("GET", "/v1/admin/merchants/{id}/payouts", Caller::kOperator, ListMerchantPayouts);
  router.Add("POST", "/v1/admin/merchants/{id}/write-offs", Caller::kOperator, WriteOffDebt);
  router.Add("GET", "/v1/admin/merchants/{id}/write-offs", Caller::kOperator, ListWriteOffs);
}

}  // namespace tranche::api
