// Route registration, one function per capability.
#pragma once

#include "api/context.h"
#include "lending/plan.h"

namespace tranche::api {

void RegisterSystemRoutes(ApiRouter& router);
void RegisterMerchantRoutes(ApiRouter& router);
void RegisterLedgerRoutes(ApiRouter& router);
void RegisterCheckoutRoutes(ApiRouter& router);
void RegisterOrderRoutes(ApiRouter& router);
void RegisterConsumerRoutes(ApiRouter& router);

// A list response: {"object":"list","data":[...],"has_more":...,"next_cursor":...}.
Json ListBody(Json data, bool has_more, const std::string& next_cursor);

// A plan with its instalments as they stand on `today`: for merchants and consumers.
Json PlanJson(const lending::Plan& p, Date today);

}  // namespace tranche::api
