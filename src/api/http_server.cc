#include "api/http_server.h"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <pthread.h>
#include <sys/resource.h>

#include <array>
#include <atomic>
#include <optional>
#include <thread>
#include <vector>

#include "core/assert.h"

namespace tranche::api {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

namespace {

HttpRequest ToRequest(http::request<http::string_body>&& raw, const tcp::socket& socket) {
  HttpRequest r;
  r.method = std::string(raw.method_string());
  const std::string_view target(raw.target().data(), raw.target().size());
  const std::size_t q = target.find('?');
  r.path = std::string(target.substr(0, q));
  if (q != std::string_view::npos) r.query = std::string(target.substr(q + 1));
  r.authorization = std::string(raw[http::field::authorization]);
  r.idempotency_key = std::string(raw["Idempotency-Key"]);
  r.content_type = std::string(raw[http::field::content_type]);
  r.if_none_match = std::string(raw[http::field::if_none_match]);
  beast::error_code ec;
  const auto endpoint = socket.remote_endpoint(ec);
  if (!ec) r.remote_address = endpoint.address().to_string();
  r.body = std::move(raw.body());
  return r;
}

HttpResponse TransportError(int status, std::string_view code, std::string_view message) {
  HttpResponse r;
  r.status = status;
  r.body = std::string(R"({"error":{"type":"invalid_request_error","code":")") +
           std::string(code) + R"(","message":")" + std::string(message) + R"("}})";
  return r;
}

class Session : public std::enable_shared_from_this<Session> {
 public:
  // `open_connections` counts live sessions; this one leaves it when destroyed.
  Session(tcp::socket&& socket, HttpHandler& handler, net::thread_pool& workers, int idle_s,
          std::atomic<int>& open_connections)
      : stream_(std::move(socket)), handler_(handler), workers_(workers), idle_s_(idle_s),
        open_connections_(open_connections) {}
  ~Session() { open_connections_.fetch_sub(1); }
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  void Start() {
    net::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->Read(); });
  }

 private:
  void Read() {
    parser_.emplace();
    parser_->body_limit(kMaxBodyBytes);
    parser_->header_limit(kMaxHeaderBytes);
    stream_.expires_after(std::chrono::seconds(idle_s_));
    http::async_read(stream_, buffer_, *parser_,
                     [self = shared_from_this()](beast::error_code ec, std::size_t) {
                       self->OnRead(ec);
                     });
  }

  void OnRead(beast::error_code ec) {
    if (ec == http::error::end_of_stream || ec == beast::error::timeout ||
        ec == net::error::eof || ec == net::error::connection_reset) {
      return Close();
    }
    if (ec == http::error::body_limit) {
      return Send(TransportError(413, "body_too_large", "request bodies are limited to 1 MiB"),
                  false);
    }
    if (ec == http::error::header_limit) {
      return Send(TransportError(431, "headers_too_large", "request headers are limited to 16 KiB"),
                  false);
    }
    if (ec) return Send(TransportError(400, "malformed_http", "the request is not valid HTTP/1.1"), false);

    const bool keep_alive = parser_->keep_alive();
    HttpRequest request = ToRequest(parser_->release(), stream_.socket());
    if (handler_.IsQuick(request)) return Send(handler_.Handle(std::move(request)), keep_alive);
    net::post(workers_, [self = shared_from_this(), request = std::move(request),
                         keep_alive]() mutable {
      HttpResponse response = self->handler_.Handle(std::move(request));
      net::post(self->stream_.get_executor(),
                [self, response = std::move(response), keep_alive]() mutable {
                  self->Send(std::move(response), keep_alive);
                });
    });
  }

  void Send(HttpResponse r, bool keep_alive) {
    auto res = std::make_shared<http::response<http::string_body>>();
    res->result(static_cast<unsigned>(r.status));
    res->version(11);
    res->set(http::field::server, "tranche");
    res->set(http::field::content_type, r.content_type);
    for (auto& [name, value] : r.headers) res->set(name, value);
    res->keep_alive(keep_alive);
    res->body() = std::move(r.body);
    res->prepare_payload();
    http::async_write(stream_, *res,
                      [self = shared_from_this(), res, keep_alive](beast::error_code ec,
                                                                   std::size_t) {
                        if (ec) return self->Close();
                        if (!keep_alive) return self->LingerThenClose();
                        self->Read();
                      });
  }

  void Close() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
  }

  // After refusing a request early (too large, malformed) the client may still be
  // sending. Closing at once would reset the connection and destroy the response in
  // flight, so read and discard for a bounded time and amount first, as nginx does.
  void LingerThenClose() {
    Close();
    stream_.expires_after(std::chrono::seconds(kLingerSeconds));
    DrainSome();
  }

  void DrainSome() {
    stream_.async_read_some(net::buffer(drain_),
                            [self = shared_from_this()](beast::error_code ec, std::size_t n) {
                              self->drained_bytes_ += n;
                              if (!ec && self->drained_bytes_ < kMaxLingerBytes) self->DrainSome();
                            });
  }

  static constexpr int kLingerSeconds = 2;
  static constexpr std::size_t kMaxLingerBytes = 16 << 20;
  std::array<char, 16 << 10> drain_{};
  std::size_t drained_bytes_ = 0;

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  HttpHandler& handler_;
  net::thread_pool& workers_;
  int idle_s_;
  std::atomic<int>& open_connections_;
};

}  // namespace

struct HttpServer::Impl {
  Impl(ServerOptions o, HttpHandler& h)
      : options(std::move(o)), handler(h), ioc(options.io_threads),
        workers(static_cast<std::size_t>(options.worker_threads)), acceptor(net::make_strand(ioc)) {}

  void Accept() {
    acceptor.async_accept(net::make_strand(ioc), [this](beast::error_code ec, tcp::socket s) {
      if (ec == net::error::operation_aborted) return;  // stopping
      if (ec) {
        // Out of descriptors or memory: retrying at once would spin an I/O thread.
        accept_backoff.expires_after(std::chrono::milliseconds(50));
        accept_backoff.async_wait([this](beast::error_code wait_ec) {
          if (!wait_ec) Accept();
        });
        return;
      }
      if (open_connections.fetch_add(1) >= options.max_connections) {
        // Over the limit: refuse by closing at once rather than queueing without bound.
        open_connections.fetch_sub(1);
        s.close(ec);
      } else {
        s.set_option(tcp::no_delay(true), ec);
        std::make_shared<Session>(std::move(s), handler, workers, options.idle_timeout_s,
                                  open_connections)
            ->Start();
      }
      Accept();
    });
  }

  ServerOptions options;
  HttpHandler& handler;
  net::io_context ioc;
  net::thread_pool workers;
  tcp::acceptor acceptor;
  net::steady_timer accept_backoff{acceptor.get_executor()};
  std::vector<std::thread> threads;
  std::atomic<int> open_connections{0};
  bool running = false;
};

HttpServer::HttpServer(ServerOptions options, HttpHandler& handler)
    : impl_(std::make_unique<Impl>(std::move(options), handler)) {
  TRANCHE_ASSERT(impl_->options.io_threads >= 1 && impl_->options.io_threads <= 64);
  TRANCHE_ASSERT(impl_->options.worker_threads >= 1 && impl_->options.worker_threads <= 1024);
}

HttpServer::~HttpServer() { Stop(); }

namespace {
// Raises the open-file limit to its hard maximum and returns how many connections fit
// under it, keeping a reserve for the database, logs and the listening socket.
int ConnectionsThatFit(int wanted) {
  constexpr rlim_t kReservedDescriptors = 128;
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) != 0) return wanted;
  if (limit.rlim_cur < limit.rlim_max) {
    limit.rlim_cur = limit.rlim_max;
    (void)setrlimit(RLIMIT_NOFILE, &limit);
    (void)getrlimit(RLIMIT_NOFILE, &limit);
  }
  if (limit.rlim_cur == RLIM_INFINITY || limit.rlim_cur <= kReservedDescriptors) return wanted;
  const rlim_t fit = limit.rlim_cur - kReservedDescriptors;
  return fit < static_cast<rlim_t>(wanted) ? static_cast<int>(fit) : wanted;
}
}  // namespace

bool HttpServer::Start(std::string* error) {
  TRANCHE_ASSERT(!impl_->running);
  impl_->options.max_connections = ConnectionsThatFit(impl_->options.max_connections);
  beast::error_code ec;
  const auto address = net::ip::make_address(impl_->options.address, ec);
  if (ec) {
    *error = "invalid address " + impl_->options.address;
    return false;
  }
  tcp::endpoint endpoint(address, impl_->options.port);
  auto& acc = impl_->acceptor;
  acc.open(endpoint.protocol(), ec);
  if (!ec) acc.set_option(net::socket_base::reuse_address(true), ec);
  if (!ec) acc.bind(endpoint, ec);
  if (!ec) acc.listen(net::socket_base::max_listen_connections, ec);
  if (ec) {
    *error = "cannot listen on " + impl_->options.address + ":" +
             std::to_string(impl_->options.port) + ": " + ec.message();
    return false;
  }
  impl_->running = true;
  impl_->Accept();
  for (int i = 0; i < impl_->options.io_threads; ++i) {
    impl_->threads.emplace_back([this] {
      pthread_setname_np(pthread_self(), "tranche-io");
      impl_->ioc.run();
    });
  }
  return true;
}

std::uint16_t HttpServer::port() const { return impl_->acceptor.local_endpoint().port(); }

void HttpServer::Stop() {
  if (!impl_->running) return;
  impl_->running = false;
  net::post(impl_->acceptor.get_executor(), [this] {
    beast::error_code ec;
    impl_->acceptor.close(ec);
  });
  impl_->workers.join();
  impl_->ioc.stop();
  for (auto& t : impl_->threads) t.join();
  impl_->threads.clear();
}

}  // namespace tranche::api
