#include "core/status.h"

#include <cstdio>
#include <cstdlib>

namespace tranche {

namespace detail {
void AssertFail(const char* expr, const char* file, int line, const char* msg) {
  std::fprintf(stderr, "tranche: assertion failed: %s (%s:%d) %s\n", expr, file, line, msg);
  std::fflush(stderr);
  std::abort();
}
}  // namespace detail

Status::Status(StatusCategory category, std::string code, std::string message,
               std::string param)
    : category_(category), code_(std::move(code)), message_(std::move(message)),
      param_(std::move(param)) {
  TRANCHE_ASSERT_MSG(category_ != StatusCategory::kOk, "use Status() for OK");
  TRANCHE_ASSERT_MSG(!code_.empty(), "a failed Status needs a code");
}

Status Status::InvalidArgument(std::string code, std::string message, std::string param) {
  return {StatusCategory::kInvalidArgument, std::move(code), std::move(message), std::move(param)};
}
Status Status::NotFound(std::string code, std::string message, std::string param) {
  return {StatusCategory::kNotFound, std::move(code), std::move(message), std::move(param)};
}
Status Status::Conflict(std::string code, std::string message) {
  return {StatusCategory::kConflict, std::move(code), std::move(message)};
}
Status Status::BusinessRule(std::string code, std::string message, std::string param) {
  return {StatusCategory::kBusinessRule, std::move(code), std::move(message), std::move(param)};
}
Status Status::Unauthenticated(std::string message) {
  return {StatusCategory::kUnauthenticated, "unauthenticated", std::move(message)};
}
Status Status::PermissionDenied(std::string message) {
  return {StatusCategory::kPermissionDenied, "forbidden", std::move(message)};
}
Status Status::Internal(std::string message) {
  return {StatusCategory::kInternal, "internal_error", std::move(message)};
}
Status Status::Unavailable(std::string message) {
  return {StatusCategory::kUnavailable, "unavailable", std::move(message)};
}
Status Status::ResourceExhausted(std::string message) {
  return {StatusCategory::kResourceExhausted, "rate_limited", std::move(message)};
}

const char* CategoryName(StatusCategory category) {
  switch (category) {
    case StatusCategory::kOk: return "ok";
    case StatusCategory::kInvalidArgument: return "invalid_request_error";
    case StatusCategory::kUnauthenticated: return "authentication_error";
    case StatusCategory::kPermissionDenied: return "permission_error";
    case StatusCategory::kNotFound: return "not_found_error";
    case StatusCategory::kConflict: return "conflict_error";
    case StatusCategory::kPayloadTooLarge: return "invalid_request_error";
    case StatusCategory::kBusinessRule: return "business_rule_error";
    case StatusCategory::kResourceExhausted: return "rate_limit_error";
    case StatusCategory::kInternal: return "api_error";
    case StatusCategory::kUnavailable: return "api_error";
  }
  return "api_error";
}

std::string Status::ToString() const {
  if (ok()) return "OK";
  std::string s = code_ + ": " + message_;
  if (!param_.empty()) s += " (param " + param_ + ")";
  return s;
}

}  // namespace tranche
