#include "net/http_client.h"

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>

#include "core/assert.h"

namespace tranche::net {

namespace {

namespace beast = boost::beast;
namespace http = beast::http;
using tcp = boost::asio::ip::tcp;

namespace ssl = boost::asio::ssl;

struct Target {
  bool tls = false;
  std::string host;
  std::string port;
  std::string path = "/";
};

std::optional<Target> ParseHttpUrl(std::string_view url) {
  Target t;
  if (url.starts_with("https://")) {
    t.tls = true;
    t.port = "443";
    url.remove_prefix(8);
  } else if (url.starts_with("http://")) {
    t.port = "80";
    url.remove_prefix(7);
  } else {
    return std::nullopt;
  }
  const std::size_t slash = url.find('/');
  std::string_view authority = url.substr(0, slash);
  if (slash != std::string_view::npos) t.path = std::string(url.substr(slash));
  const std::size_t colon = authority.rfind(':');
  if (colon != std::string_view::npos) {
    t.port = std::string(authority.substr(colon + 1));
    authority = authority.substr(0, colon);
  }
  t.host = std::string(authority);
  if (t.host.empty() || t.port.empty()) return std::nullopt;
  return t;
}

bool IsPrivate(const boost::asio::ip::address& a) {
  if (a.is_loopback() || a.is_unspecified() || a.is_multicast()) return true;
  if (a.is_v4()) {
    const auto b = a.to_v4().to_bytes();
    return b[0] == 10 || (b[0] == 172 && (b[1] & 0xf0) == 16) || (b[0] == 192 && b[1] == 168) ||
           (b[0] == 169 && b[1] == 254) || b[0] == 0;
  }
  const auto v6 = a.to_v6();
  return v6.is_link_local() || v6.is_site_local() || (v6.to_bytes()[0] & 0xfe) == 0xfc || v6.is_v4_mapped();
}

// Runs one asynchronous operation on `ioc` to its end and returns its error. Beast
// applies a tcp_stream's expiry to asynchronous operations only, so the client runs them
// one at a time like this to get its time-outs: an operation past the expiry ends with
// beast::error::timeout.
template <typename Initiate>
beast::error_code Run(boost::asio::io_context& ioc, Initiate initiate) {
  beast::error_code result;
  initiate([&result](beast::error_code ec, auto&&...) { result = ec; });
  ioc.restart();
  ioc.run();
  return result;
}

// Runs the operation within `limit` (already set as the stream's expiry); on failure,
// what went wrong during `step`, for the delivery log.
template <typename Initiate>
std::optional<std::string> Await(boost::asio::io_context& ioc, std::string_view step, std::chrono::milliseconds limit,
                                 Initiate initiate) {
  const beast::error_code ec = Run(ioc, std::move(initiate));
  if (ec == beast::error::timeout) {
    return "timed out: " + std::string(step) + " took longer than " + std::to_string(limit.count()) + " ms";
  }
  if (ec) return std::string(step) + ": " + ec.message();
  return std::nullopt;
}

// Writes the request and reads the answer on a connected (and, for TLS, handshaken)
// stream, both within the response time-out.
template <typename Stream>
HttpResponse Exchange(boost::asio::io_context& ioc, Stream& stream, const Target& target, const std::string& body,
                      const Headers& headers, const PostOptions& options) {
  const std::chrono::milliseconds timeout = options.timeouts.response;
  http::request<http::string_body> req{http::verb::post, target.path, 11};
  req.set(http::field::host, target.host);
  req.set(http::field::user_agent, options.user_agent);
  req.set(http::field::content_type, "application/json");
  for (const auto& [k, v] : headers) req.set(k, v);
  req.body() = body;
  req.prepare_payload();
  beast::get_lowest_layer(stream).expires_after(timeout);
  if (auto e = Await(ioc, "sending", timeout, [&](auto done) { http::async_write(stream, req, std::move(done)); })) {
    return {std::nullopt, "", *e};
  }
  beast::flat_buffer buffer;
  http::response_parser<http::string_body> parser;
  parser.body_limit(options.max_response_bytes);
  if (auto e = Await(ioc, "the response", timeout,
                     [&](auto done) { http::async_read(stream, buffer, parser, std::move(done)); })) {
    return {std::nullopt, "", *e};
  }
  const int status = static_cast<int>(parser.get().result_int());
  HttpResponse out{status, std::move(parser.get().body()), ""};
  if (status < 200 || status >= 300) out.error = "HTTP " + std::to_string(status);
  return out;
}

}  // namespace

HttpResponse PostJson(const std::string& url, const std::string& body, const Headers& headers,
                      const PostOptions& options) {
  TRANCHE_ASSERT(options.max_response_bytes <= kMaxResponseBytesLimit);
  const auto target = ParseHttpUrl(url);
  if (!target) return {std::nullopt, "", "not an https:// or http:// URL"};
  const HttpTimeouts& limits = options.timeouts;
  try {
    boost::asio::io_context ioc;
    tcp::resolver resolver(ioc);
    // Name resolution blocks, bounded by the system resolver's own time-outs.
    auto results = resolver.resolve(target->host, target->port);
    if (!options.allow_private) {
      for (const auto& r : results) {
        if (IsPrivate(r.endpoint().address())) return {std::nullopt, "", "refused: the URL resolves to a private address"};
      }
    }
    if (!target->tls) {
      beast::tcp_stream stream(ioc);
      stream.expires_after(limits.connect);
      if (auto e = Await(ioc, "connecting", limits.connect,
                         [&](auto done) { stream.async_connect(results, std::move(done)); })) {
        return {std::nullopt, "", *e};
      }
      HttpResponse out = Exchange(ioc, stream, *target, body, headers, options);
      beast::error_code ignored;
      stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
      return out;
    }
    ssl::context tls(ssl::context::tls_client);
    tls.set_default_verify_paths();
    if (!options.ca_file.empty()) tls.load_verify_file(options.ca_file);
    tls.set_verify_mode(ssl::verify_peer);
    beast::ssl_stream<beast::tcp_stream> stream(ioc, tls);
    // SNI, so a receiver behind a shared address presents the right certificate.
    // (SSL_set_tlsext_host_name is a macro with a C cast; this is what it expands to.)
    if (SSL_ctrl(stream.native_handle(), SSL_CTRL_SET_TLSEXT_HOSTNAME, TLSEXT_NAMETYPE_host_name,
                 const_cast<char*>(target->host.c_str())) != 1) {
      return {std::nullopt, "", "TLS: cannot set the server name"};
    }
    stream.set_verify_callback(ssl::host_name_verification(target->host));
    beast::get_lowest_layer(stream).expires_after(limits.connect);
    if (auto e = Await(ioc, "connecting", limits.connect,
                       [&](auto done) { beast::get_lowest_layer(stream).async_connect(results, std::move(done)); })) {
      return {std::nullopt, "", *e};
    }
    if (auto e = Await(ioc, "the TLS handshake", limits.connect,
                       [&](auto done) { stream.async_handshake(ssl::stream_base::client, std::move(done)); })) {
      return {std::nullopt, "", *e};
    }
    HttpResponse out = Exchange(ioc, stream, *target, body, headers, options);
    // The answer is in: a receiver that never sends its close_notify costs at most the
    // rest of the response time-out, and its error changes nothing.
    Run(ioc, [&](auto done) { stream.async_shutdown(std::move(done)); });
    return out;
  } catch (const std::exception& e) {
    return {std::nullopt, "", e.what()};
  }
}

bool IsHttpUrl(std::string_view url) { return ParseHttpUrl(url).has_value(); }

}  // namespace tranche::net
