#include "app/webhook_dispatcher.h"

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>
#include <spdlog/spdlog.h>

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
HttpOutcome Exchange(boost::asio::io_context& ioc, Stream& stream, const Target& target, const std::string& body,
                     const Headers& headers, std::chrono::milliseconds timeout) {
  http::request<http::string_body> req{http::verb::post, target.path, 11};
  req.set(http::field::host, target.host);
  req.set(http::field::user_agent, "tranche-webhooks/1");
  req.set(http::field::content_type, "application/json");
  for (const auto& [k, v] : headers) req.set(k, v);
  req.body() = body;
  req.prepare_payload();
  beast::get_lowest_layer(stream).expires_after(timeout);
  if (auto e = Await(ioc, "sending", timeout, [&](auto done) { http::async_write(stream, req, std::move(done)); })) {
    return {std::nullopt, *e};
  }
  beast::flat_buffer buffer;
  http::response_parser<http::string_body> parser;
  parser.body_limit(64 * 1024);  // a receiver's reply is only logged, briefly
  if (auto e = Await(ioc, "the response", timeout,
                     [&](auto done) { http::async_read(stream, buffer, parser, std::move(done)); })) {
    return {std::nullopt, *e};
  }
  const int status = static_cast<int>(parser.get().result_int());
  if (status >= 200 && status < 300) return {status, ""};
  return {status, "HTTP " + std::to_string(status) + ": " + parser.get().body().substr(0, kMaxRecordedResponseChars)};
}

}  // namespace

HttpOutcome PostJson(const std::string& url, const std::string& body, const Headers& headers,
                     const PostOptions& options) {
  const auto target = ParseHttpUrl(url);
  if (!target) return {std::nullopt, "not an https:// or http:// URL"};
  const DeliveryTimeouts& limits = options.timeouts;
  try {
    boost::asio::io_context ioc;
    tcp::resolver resolver(ioc);
    // Name resolution blocks, bounded by the system resolver's own time-outs.
    auto results = resolver.resolve(target->host, target->port);
    if (!options.allow_private) {
      for (const auto& r : results) {
        if (IsPrivate(r.endpoint().address())) return {std::nullopt, "refused: the URL resolves to a private address"};
      }
    }
    if (!target->tls) {
      beast::tcp_stream stream(ioc);
      stream.expires_after(limits.connect);
      if (auto e = Await(ioc, "connecting", limits.connect,
                         [&](auto done) { stream.async_connect(results, std::move(done)); })) {
        return {std::nullopt, *e};
      }
      HttpOutcome out = Exchange(ioc, stream, *target, body, headers, limits.response);
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
    beast::get_lowest_layer(stream).expires_after(limits.connect);
    if (auto e = Await(ioc, "connecting", limits.connect,
                       [&](auto done) { beast::get_lowest_layer(stream).async_connect(results, std::move(done)); })) {
      return {std::nullopt, *e};
    }
    if (auto e = Await(ioc, "the TLS handshake", limits.connect,
                       [&](auto done) { stream.async_handshake(ssl::stream_base::client, std::move(done)); })) {
      return {std::nullopt, *e};
    }
    HttpOutcome out = Exchange(ioc, stream, *target, body, headers, limits.response);
    // The answer is in: a receiver that never sends its close_notify costs at most the
    // rest of the response time-out, and its error changes nothing.
    Run(ioc, [&](auto done) { stream.async_shutdown(std::move(done)); });
    return out;
  } catch (const std::exception& e) {
    return {std::nullopt, e.what()};
  }
}

WebhookDispatcher::WebhookDispatcher(store::Store& store, const Clock& clock, const Clock& signing_clock,
                                     const webhooks::SigningKey& key, std::string node, Poster post,
                                     DispatchLimits limits)
    : store_(store),
      clock_(clock),
      signing_clock_(signing_clock),
      key_(key),
      node_(std::move(node)),
      post_(std::move(post)),
      limits_(limits) {
  TRANCHE_ASSERT(limits_.max_in_flight > 0 && limits_.max_in_flight_per_endpoint > 0);
  TRANCHE_ASSERT(limits_.claim_ttl.count() > 0 && !node_.empty());
  workers_.reserve(limits_.max_in_flight);
  for (std::size_t i = 0; i < limits_.max_in_flight; ++i) {
    workers_.emplace_back([this](std::stop_token stop) { Work(stop); });
  }
}

WebhookDispatcher::~WebhookDispatcher() {
  // Stop them all before joining any, so none starts another attempt meanwhile.
  for (std::jthread& w : workers_) w.request_stop();
}

Result<std::size_t> WebhookDispatcher::RunOnce() {
  // The snapshot is taken before reading: a delivery leaves in_flight_ only after its
  // attempt is committed, so one missing from the snapshot reads as already recorded.
  InFlight snapshot;
  {
    std::lock_guard lock(mu_);
    snapshot = in_flight_;
  }
  TRANCHE_ASSIGN_OR_RETURN(std::vector<Job> jobs, TakeDue(std::move(snapshot)));
  {
    std::lock_guard lock(mu_);
    for (Job& job : jobs) {
      in_flight_.deliveries.insert(job.delivery.id);
      ++in_flight_.per_endpoint[job.delivery.endpoint_id];
      queue_.push_back(std::move(job));
    }
  }
  work_cv_.notify_all();
  return jobs.size();
}

// Only RunOnce adds to in_flight_, so the slots free in the snapshot are still free when
// the jobs are queued.
Result<std::vector<WebhookDispatcher::Job>> WebhookDispatcher::TakeDue(InFlight in_flight) {
  std::vector<Job> jobs;
  if (in_flight.deliveries.size() >= limits_.max_in_flight) return jobs;
  // A read first: an idle node, the usual case, then writes nothing.
  TRANCHE_ASSIGN_OR_RETURN(const std::vector<Job> chosen, ChooseDue(std::move(in_flight)));
  if (chosen.empty()) return jobs;
  const Instant now = clock_.Now();
  TRANCHE_RETURN_IF_ERROR(store_.Write([&](store::Tx& tx) -> Status {
    jobs.clear();  // a unit of work may run again
    for (const Job& job : chosen) {
      const std::string& id = job.delivery.id;
      TRANCHE_ASSIGN_OR_RETURN(const bool claimed, tx.webhooks().ClaimDelivery(id, node_, now, now + limits_.claim_ttl));
      if (!claimed) continue;  // another node claimed or attempted it since the read
      // As it is now: another node may have attempted it since the read.
      TRANCHE_ASSIGN_OR_RETURN(auto delivery, tx.webhooks().FindDelivery(id));
      TRANCHE_ASSERT(delivery.has_value());  // claimed just now
      jobs.push_back({std::move(*delivery), job.event, job.url});
    }
    return Status::Ok();
  }));
  return jobs;
}

Result<std::vector<WebhookDispatcher::Job>> WebhookDispatcher::ChooseDue(InFlight in_flight) {
  std::vector<Job> chosen;
  TRANCHE_RETURN_IF_ERROR(store_.Read([&](store::Tx& tx) -> Status {
    chosen.clear();
    TRANCHE_ASSIGN_OR_RETURN(auto due, tx.webhooks().ListDue(clock_.Now(), limits_.max_in_flight_per_endpoint,
                                                             limits_.max_due_per_round));
    for (webhooks::Delivery& d : due) {
      if (in_flight.deliveries.size() >= limits_.max_in_flight) break;
      std::size_t& endpoint_slots = in_flight.per_endpoint[d.endpoint_id];
      if (endpoint_slots >= limits_.max_in_flight_per_endpoint || !in_flight.deliveries.insert(d.id).second) continue;
      ++endpoint_slots;
      TRANCHE_ASSIGN_OR_RETURN(auto event, tx.webhooks().FindEvent(d.event_id));
      TRANCHE_ASSIGN_OR_RETURN(auto endpoint, tx.webhooks().FindEndpoint(d.endpoint_id));
      TRANCHE_ASSERT(event && endpoint);  // foreign keys
      chosen.push_back({std::move(d), std::move(*event), endpoint->url});
    }
    return Status::Ok();
  }));
  return chosen;
}

void WebhookDispatcher::Work(std::stop_token stop) {
  for (;;) {
    Job job;
    {
      std::unique_lock lock(mu_);
      if (!work_cv_.wait(lock, stop, [&] { return !queue_.empty(); }) || stop.stop_requested()) return;
      job = std::move(queue_.front());
      queue_.pop_front();
    }
    const std::string id = job.delivery.id;
    const std::string endpoint_id = job.delivery.endpoint_id;
    Attempt(std::move(job));
    std::lock_guard lock(mu_);
    in_flight_.deliveries.erase(id);
    if (--in_flight_.per_endpoint[endpoint_id] == 0) in_flight_.per_endpoint.erase(endpoint_id);
  }
}

void WebhookDispatcher::Attempt(Job job) {
  const std::string secret = webhooks::SigningSecret(key_, job.delivery.endpoint_id);
  const HttpOutcome out =
      post_(job.url, job.event.payload,
            {{"Tranche-Signature", webhooks::SignatureHeader(secret, signing_clock_.Now(), job.event.payload)},
             {"Tranche-Event-Id", job.event.id}});
  const webhooks::Delivery after = webhooks::AfterAttempt(std::move(job.delivery), job.event.created_at,
                                                          clock_.Now(), out.error.empty(), out.status_code, out.error);
  bool recorded = false;
  const Status written = store_.Write([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(recorded, tx.webhooks().RecordAttempt(after, node_));
    return Status::Ok();
  });
  // Unrecorded, the delivery stays pending and is sent again when the claim lapses: at
  // least once.
  if (!written.ok()) spdlog::warn("webhook delivery {} not recorded: {}", after.id, written.ToString());
  if (written.ok() && !recorded) {
    spdlog::info("webhook delivery {}: attempt not recorded (the endpoint was deleted, or the claim lapsed)", after.id);
  }
}

}  // namespace tranche::app
