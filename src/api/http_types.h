// The HTTP request and response as the application sees them: plain values, free of
// Boost.Beast, so handlers and tests do not depend on the transport.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace tranche::api {

inline constexpr std::size_t kMaxBodyBytes = 1 << 20;  // 1 MiB
inline constexpr std::size_t kMaxHeaderBytes = 16 << 10;

struct HttpRequest {
  std::string method;  // "GET", "POST", ...
  std::string path;    // without the query string
  std::string query;   // after '?', undecoded
  std::string body;
  // The headers the application reads; others are ignored.
  std::string authorization;
  std::string idempotency_key;
  std::string content_type;
  std::string if_none_match;  // static files answer 304 when it names their ETag
  std::string remote_address;
};

struct HttpResponse {
  int status = 200;
  std::string body;
  std::string content_type = "application/json";
  std::vector<std::pair<std::string, std::string>> headers;
};

// The application behind the server: turns one request into one response. Called
// concurrently from many threads.
class HttpHandler {
 public:
  virtual ~HttpHandler() = default;
  virtual HttpResponse Handle(HttpRequest request) = 0;
  // True when the request is cheap enough to run on an I/O thread.
  virtual bool IsQuick(const HttpRequest& request) const = 0;
};

}  // namespace tranche::api
