#include "app/webhook_dispatcher.h"

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>

namespace tranche::app {

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

// Writes the request and reads the answer on a connected (and, for TLS, handshaken) stream.
template <typename Stream>
HttpOutcome Exchange(Stream& stream, const Target& target, const std::string& body, const Headers& headers) {
  http::request<http::string_body> req{http::verb::post, target.path, 11};
  req.set(http::field::host, target.host);
  req.set(http::field::user_agent, "tranche-webhooks/1");
  req.set(http::field::content_type, "application/json");
  for (const auto& [k, v] : headers) req.set(k, v);
  req.body() = body;
  req.prepare_payload();
  http::write(stream, req);
  beast::flat_buffer buffer;
  http::response_parser<http::string_body> parser;
  parser.body_limit(64 * 1024);  // a receiver's reply is only logged, briefly
  http::read(stream, buffer, parser);
  const int status = static_cast<int>(parser.get().result_int());
  if (status >= 200 && status < 300) return {status, ""};
  return {status, "HTTP " + std::to_string(status) + ": " + parser.get().body().substr(0, kMaxRecordedResponseChars)};
}

}  // namespace

HttpOutcome PostJson(const std::string& url, const std::string& body, const Headers& headers,
                     const PostOptions& options) {
  const auto target = ParseHttpUrl(url);
  if (!target) return {std::nullopt, "not an https:// or http:// URL"};
  try {
    boost::asio::io_context ioc;
    tcp::resolver resolver(ioc);
    auto results = resolver.resolve(target->host, target->port);
    if (!options.allow_private) {
      for (const auto& r : results) {
        if (IsPrivate(r.endpoint().address())) return {std::nullopt, "refused: the URL resolves to a private address"};
      }
    }
    if (!target->tls) {
      beast::tcp_stream stream(ioc);
      stream.expires_after(kDeliveryTimeout);
      stream.connect(results);
      HttpOutcome out = Exchange(stream, *target, body, headers);
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
      return {std::nullopt, "TLS: cannot set the server name"};
    }
    stream.set_verify_callback(ssl::host_name_verification(target->host));
    beast::get_lowest_layer(stream).expires_after(kDeliveryTimeout);
    beast::get_lowest_layer(stream).connect(results);
    stream.handshake(ssl::stream_base::client);
    HttpOutcome out = Exchange(stream, *target, body, headers);
    beast::error_code ignored;
    stream.shutdown(ignored);  // the receiver may close without a close_notify; the answer is in
    return out;
  } catch (const std::exception& e) {
    return {std::nullopt, e.what()};
  }
}

Result<std::size_t> WebhookDispatcher::RunOnce() {
  struct Job {
    webhooks::Delivery delivery;
    webhooks::Event event;
    std::string url;
  };
  const Instant now = clock_.Now();
  std::vector<Job> jobs;
  TRANCHE_RETURN_IF_ERROR(store_.Read([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(auto due, tx.webhooks().ListDue(now, kMaxDeliveriesPerRound));
    for (auto& d : due) {
      TRANCHE_ASSIGN_OR_RETURN(auto event, tx.webhooks().FindEvent(d.event_id));
      TRANCHE_ASSIGN_OR_RETURN(auto endpoint, tx.webhooks().FindEndpoint(d.endpoint_id));
      TRANCHE_ASSERT(event && endpoint);  // foreign keys
      jobs.push_back({std::move(d), std::move(*event), endpoint->url});
    }
    return Status::Ok();
  }));
  for (Job& job : jobs) {
    const std::string secret = webhooks::SigningSecret(key_, job.delivery.endpoint_id);
    const HttpOutcome out = post_(job.url, job.event.payload,
                                  {{"Tranche-Signature", webhooks::SignatureHeader(secret, clock_.Now(), job.event.payload)},
                                   {"Tranche-Event-Id", job.event.id}});
    job.delivery = webhooks::AfterAttempt(std::move(job.delivery), job.event.created_at, clock_.Now(),
                                          out.error.empty(), out.status_code, out.error);
  }
  if (jobs.empty()) return std::size_t{0};
  TRANCHE_RETURN_IF_ERROR(store_.Write([&](store::Tx& tx) -> Status {
    for (const Job& job : jobs) TRANCHE_RETURN_IF_ERROR(tx.webhooks().UpdateDelivery(job.delivery));
    return Status::Ok();
  }));
  return jobs.size();
}

}  // namespace tranche::app
