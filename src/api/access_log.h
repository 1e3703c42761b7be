// Structured access log: one JSON object per request. It records what operators need
// to trace a request (ids, route, status, timing, caller id) and nothing secret or
// personal: no headers, no bodies, no query strings, no client addresses.
#pragma once

#include <memory>
#include <string>

namespace spdlog {
class logger;
}

namespace tranche::api {

struct AccessRecord {
  std::string_view request_id;
  std::string_view method;
  std::string_view route;  // the pattern, e.g. "/v1/admin/merchants/{id}"
  std::string_view path;   // holds only opaque ids
  int status = 0;
  std::int64_t duration_us = 0;
  std::string_view principal_id;  // empty when unauthenticated
  bool idempotent_replay = false;
  std::size_t request_bytes = 0;
  std::size_t response_bytes = 0;
};

class AccessLog {
 public:
  // `target`: "off", "-" (standard error) or a file path (appended to).
  explicit AccessLog(const std::string& target);
  void Write(const AccessRecord& r);

 private:
  std::shared_ptr<spdlog::logger> logger_;
};

}  // namespace tranche::api
