// Route registration, one function per capability.
#pragma once

#include "api/context.h"
#include "lending/plan.h"
#include "ops/views.h"
#include "origination/origination.h"

namespace tranche::api {

void RegisterSystemRoutes(ApiRouter& router);
void RegisterMerchantRoutes(ApiRouter& router);
void RegisterLedgerRoutes(ApiRouter& router);
void RegisterCheckoutRoutes(ApiRouter& router);
void RegisterOrderRoutes(ApiRouter& router);
void RegisterConsumerRoutes(ApiRouter& router);
void RegisterWebhookRoutes(ApiRouter& router);

void RegisterServicingRoutes(ApiRouter& router);
void RegisterSettlementRoutes(ApiRouter& router);
void RegisterFraudRoutes(ApiRouter& router);
void RegisterLookupRoutes(ApiRouter& router);
void RegisterAssistantRoutes(ApiRouter& router);
void RegisterReconRoutes(ApiRouter& router);
void RegisterAutomationRoutes(ApiRouter& router);
void RegisterModelRoutes(ApiRouter& router);

// A list response: {"object":"list","data":[...],"has_more":...,"next_cursor":...}.
Json ListBody(Json data, bool has_more, const std::string& next_cursor);

// The list body for `rows` fetched with a limit of `limit` + 1 (the extra row only says
// there is more): renders at most `limit` rows with `render`; the cursor is
// `cursor(last row)`.
template <typename Row, typename Render, typename Cursor>
Json PageBody(std::vector<Row> rows, std::size_t limit, Render render, Cursor cursor) {
  const bool has_more = rows.size() > limit;
  if (has_more) rows.pop_back();
  Json data = Json::array();
  for (const Row& r : rows) data.push_back(render(r));
  return ListBody(std::move(data), has_more, rows.empty() ? std::string() : std::string(cursor(rows.back())));
}

// The same with the last row's id as the cursor.
template <typename Row, typename Render>
Json PageBody(std::vector<Row> rows, std::size_t limit, Render render) {
  return PageBody(std::move(rows), limit, render, [](const Row& r) -> const std::string& { return r.id; });
}

using ops::PlanJson;

// The consumer as GET /v1/me shows them: profile and credit per currency as of `now`.
// Operators' look-ups show the same.
Result<Json> ConsumerBody(store::Tx& tx, const merchants::Consumer& c, Instant now);
// An order with its captures and refunds, as GET /v1/orders/{id} shows it.
Result<Json> OrderDetailBody(store::Tx& tx, const checkout::Order& o);

// What origination use cases need from a request.
origination::Context OriginationContext(RequestContext& ctx);

}  // namespace tranche::api
