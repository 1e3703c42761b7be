#include "support/http_client.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

namespace tranche::testing {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

std::string ClientResponse::header(std::string_view name) const {
  for (const auto& [k, v] : headers) {
    if (beast::iequals(k, beast::string_view(name.data(), name.size()))) return v;
  }
  return "";
}

struct HttpClient::Impl {
  std::string host;
  std::uint16_t port;
  net::io_context ioc;
  std::optional<beast::tcp_stream> stream;
  beast::flat_buffer buffer;

  bool Connect() {
    stream.emplace(ioc);
    beast::error_code ec;
    stream->socket().connect(tcp::endpoint(net::ip::make_address(host), port), ec);
    if (ec) stream.reset();
    return !ec;
  }

  bool TrySend(const ClientRequest& r, ClientResponse& out) {
    if (!stream && !Connect()) return false;
    http::request<http::string_body> req{http::string_to_verb(r.method), r.target, 11};
    req.set(http::field::host, host);
    req.keep_alive(true);
    if (!r.bearer.empty()) req.set(http::field::authorization, "Bearer " + r.bearer);
    if (!r.idempotency_key.empty()) req.set("Idempotency-Key", r.idempotency_key);
    for (const auto& [k, v] : r.extra_headers) req.set(k, v);
    if (!r.body.empty()) {
      req.set(http::field::content_type, r.content_type);
      req.body() = r.body;
    }
    req.prepare_payload();
    beast::error_code ec;
    http::write(*stream, req, ec);
    http::response_parser<http::string_body> parser;
    parser.body_limit(64 << 20);
    if (!ec) http::read(*stream, buffer, parser, ec);
    if (ec) {
      stream.reset();
      buffer.clear();
      return false;
    }
    auto res = parser.release();
    out.status = static_cast<int>(res.result_int());
    out.body = std::move(res.body());
    for (const auto& f : res) out.headers.emplace_back(std::string(f.name_string()), std::string(f.value()));
    if (!res.keep_alive()) stream.reset();
    return true;
  }
};

HttpClient::HttpClient(std::string host, std::uint16_t port) : impl_(std::make_unique<Impl>()) {
  impl_->host = std::move(host);
  impl_->port = port;
}

HttpClient::~HttpClient() = default;
HttpClient::HttpClient(HttpClient&&) noexcept = default;
HttpClient& HttpClient::operator=(HttpClient&&) noexcept = default;

ClientResponse HttpClient::Send(const ClientRequest& req) {
  ClientResponse out;
  if (!impl_->TrySend(req, out)) {
    out = ClientResponse{};
    if (!impl_->TrySend(req, out)) out.status = 0;
  }
  return out;
}

ClientResponse HttpClient::Get(const std::string& target, const std::string& bearer) {
  ClientRequest r;
  r.target = target;
  r.bearer = bearer;
  return Send(r);
}

ClientResponse HttpClient::Post(const std::string& target, const nlohmann::json& body,
                                const std::string& bearer, const std::string& idempotency_key) {
  ClientRequest r;
  r.method = "POST";
  r.target = target;
  r.body = body.dump();
  r.bearer = bearer;
  r.idempotency_key = idempotency_key;
  return Send(r);
}

std::string HttpClient::SendRaw(const std::string& bytes) {
  net::io_context ioc;
  tcp::socket socket(ioc);
  beast::error_code ec;
  socket.connect(tcp::endpoint(net::ip::make_address(impl_->host), impl_->port), ec);
  if (ec) return "";
  net::write(socket, net::buffer(bytes), ec);
  std::string out;
  char buf[4096];
  // The server answers a malformed request and closes; read until then.
  while (!ec) {
    const std::size_t n = socket.read_some(net::buffer(buf), ec);
    out.append(buf, n);
  }
  return out;
}

}  // namespace tranche::testing
