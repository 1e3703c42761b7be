// Status and Result: expected failures as values.
//
// A Status carries what an API caller needs to act on a failure: a category (which
// decides the HTTP status), a stable machine-readable `code`, a human message and,
// when one input caused it, the name of that input (`param`).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>

#include "core/assert.h"

namespace tranche {

enum class StatusCategory {
  kOk,
  kInvalidArgument,     // malformed or out-of-range input (400)
  kUnauthenticated,     // no or bad credentials (401)
  kPermissionDenied,    // credentials valid, action not allowed (403)
  kNotFound,            // (404)
  kConflict,            // concurrent or duplicate request (409)
  kPayloadTooLarge,     // (413)
  kBusinessRule,        // well-formed but refused by a domain rule (422)
  kResourceExhausted,   // a queue or rate limit is full (429)
  kInternal,            // a bug or an invariant the store reported (500)
  kUnavailable,         // the store could not make a write durable (503)
};

class [[nodiscard]] Status {
 public:
  Status() = default;  // OK
  Status(StatusCategory category, std::string code, std::string message,
         std::string param = {});

  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string code, std::string message, std::string param = {});
  static Status NotFound(std::string code, std::string message, std::string param = {});
  static Status Conflict(std::string code, std::string message);
  static Status BusinessRule(std::string code, std::string message, std::string param = {});
  static Status Unauthenticated(std::string message);
  static Status PermissionDenied(std::string message);
  static Status Internal(std::string message);
  static Status Unavailable(std::string message);
  static Status ResourceExhausted(std::string message);

  bool ok() const { return category_ == StatusCategory::kOk; }
  StatusCategory category() const { return category_; }
  const std::string& code() const { return code_; }
  const std::string& message() const { return message_; }
  const std::string& param() const { return param_; }
  std::string ToString() const;

 private:
  StatusCategory category_ = StatusCategory::kOk;
  std::string code_;
  std::string message_;
  std::string param_;
};

const char* CategoryName(StatusCategory category);

// Result<T> holds either a T or a non-OK Status.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : v_(std::move(status)) {  // NOLINT: implicit by design
    TRANCHE_ASSERT_MSG(!std::get<Status>(v_).ok(), "Result built from an OK status");
  }

  bool ok() const { return std::holds_alternative<T>(v_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(v_);
  }
  T& value() & {
    TRANCHE_ASSERT_MSG(ok(), "value() on a failed Result");
    return std::get<T>(v_);
  }
  const T& value() const& {
    TRANCHE_ASSERT_MSG(ok(), "value() on a failed Result");
    return std::get<T>(v_);
  }
  T&& value() && {
    TRANCHE_ASSERT_MSG(ok(), "value() on a failed Result");
    return std::get<T>(std::move(v_));
  }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace tranche

#define TRANCHE_CONCAT_INNER(a, b) a##b
#define TRANCHE_CONCAT(a, b) TRANCHE_CONCAT_INNER(a, b)

// Returns early from the enclosing function when `expr` (a Status) is not OK.
#define TRANCHE_RETURN_IF_ERROR(expr)                                  \
  do {                                                                 \
    ::tranche::Status TRANCHE_CONCAT(_st_, __LINE__) = (expr);         \
    if (!TRANCHE_CONCAT(_st_, __LINE__).ok())                          \
      return TRANCHE_CONCAT(_st_, __LINE__);                           \
  } while (0)


// Declares `lhs` from a Result, returning its Status early on failure.
#define TRANCHE_ASSIGN_OR_RETURN(lhs, expr)                          \
  auto TRANCHE_CONCAT(_res_, __LINE__) = (expr);                     \
  if (!TRANCHE_CONCAT(_res_, __LINE__).ok())                         \
    return TRANCHE_CONCAT(_res_, __LINE__).status();                 \
  lhs = std::move(TRANCHE_CONCAT(_res_, __LINE__)).value()
