// Route registration, one function per capability.
#pragma once

#include "api/context.h"

namespace tranche::api {

void RegisterSystemRoutes(ApiRouter& router);
void RegisterMerchantRoutes(ApiRouter& router);
void RegisterLedgerRoutes(ApiRouter& router);
void RegisterCheckoutRoutes(ApiRouter& router);

// A list response: {"object":"list","data":[...],"has_more":...,"next_cursor":...}.
Json ListBody(Json data, bool has_more, const std::string& next_cursor);

}  // namespace tranche::api
