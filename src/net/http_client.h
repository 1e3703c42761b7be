// An HTTP client for tranche's outgoing calls (webhook deliveries, the assistant's
// optional language model): one POST of a JSON body over http:// or https://, bounded
// in time and in how much of the answer it reads. Blocking; safe to call from several
// threads at once (each call has its own I/O context).
#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace tranche::net {

// How long a call may take; past either limit it fails with a "timed out" error.
struct HttpTimeouts {
  std::chrono::milliseconds connect{3000};   // TCP connect, and the TLS handshake
  std::chrono::milliseconds response{5000};  // from sending the request to the whole answer
};

using Headers = std::vector<std::pair<std::string, std::string>>;

inline constexpr std::size_t kMaxResponseBytesLimit = 8 * 1024 * 1024;

struct PostOptions {
  bool allow_private = false;  // loopback and private addresses (demo, tests, local services)
  std::string ca_file = {};    // extra trusted CA certificates (PEM); empty: the system's
  HttpTimeouts timeouts = {};
  std::size_t max_response_bytes = 64 * 1024;  // a longer answer is an error
  std::string user_agent = "tranche/1";
};

struct HttpResponse {
  std::optional<int> status_code;  // none when no complete answer came
  std::string body;                // the answer's body (any status)
  std::string error;               // empty on a 2xx; else what went wrong
  bool ok() const { return error.empty(); }
};

// POSTs `body` (application/json) to an https:// URL (TLS with SNI; the certificate
// must chain to a trusted CA and name the host) or an http:// one, within the
// time-outs. Refuses private and loopback addresses unless allowed, so a URL someone
// else chose cannot reach tranche's own network.
// Precondition: options.max_response_bytes <= kMaxResponseBytesLimit.
HttpResponse PostJson(const std::string& url, const std::string& body, const Headers& headers,
                      const PostOptions& options);

// Whether `url` is an http:// or https:// URL with a host this client can call.
bool IsHttpUrl(std::string_view url);

}  // namespace tranche::net
