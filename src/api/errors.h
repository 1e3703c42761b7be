// The error format of PRODUCT.md:
//   {"error": {"type": ..., "code": ..., "message": ..., "param": ...}}
#pragma once

#include "api/http_types.h"
#include "api/json_input.h"
#include "core/status.h"

namespace tranche::api {

int HttpStatusFor(const Status& s);
// Precondition: !s.ok().
Json ErrorBody(const Status& s);
// Precondition: !s.ok().
HttpResponse ErrorResponse(const Status& s);

}  // namespace tranche::api
