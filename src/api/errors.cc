#include "api/errors.h"

#include "api/json_input.h"

namespace tranche::api {

int HttpStatusFor(const Status& s) {
  switch (s.category()) {
    case StatusCategory::kOk: return 200;
    case StatusCategory::kInvalidArgument: return 400;
    case StatusCategory::kUnauthenticated: return 401;
    case StatusCategory::kPermissionDenied: return 403;
    case StatusCategory::kNotFound: return 404;
    case StatusCategory::kConflict: return 409;
    case StatusCategory::kPayloadTooLarge: return 413;
    case StatusCategory::kBusinessRule: return 422;
    case StatusCategory::kResourceExhausted: return 429;
    case StatusCategory::kInternal: return 500;
    case StatusCategory::kUnavailable: return 503;
  }
  return 500;
}

Json ErrorBody(const Status& s) {
  TRANCHE_ASSERT(!s.ok());
  Json err = {{"type", CategoryName(s.category())}, {"code", s.code()}};
  // Internal details stay in the logs; the caller gets a generic message.
  err["message"] = s.category() == StatusCategory::kInternal
                       ? "an internal error occurred; it has been logged"
                       : s.message();
  if (!s.param().empty()) err["param"] = s.param();
  return Json{{"error", std::move(err)}};
}

HttpResponse ErrorResponse(const Status& s) {
  HttpResponse r;
  r.status = HttpStatusFor(s);
  r.body = Serialize(ErrorBody(s));
  return r;
}

}  // namespace tranche::api
