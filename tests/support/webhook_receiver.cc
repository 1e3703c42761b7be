#include "support/webhook_receiver.h"

#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>

#include <optional>

namespace tranche::testing {

namespace beast = boost::beast;
namespace http = beast::http;
using tcp = boost::asio::ip::tcp;

WebhookReceiver::WebhookReceiver(boost::asio::ssl::context* tls)
    : tls_(tls), acceptor_(ioc_, tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), 0)) {
  thread_ = std::thread([this] { Serve(); });
}

WebhookReceiver::~WebhookReceiver() {
  stop_ = true;
  boost::system::error_code ec;
  tcp::socket poke(ioc_);
  poke.connect(acceptor_.local_endpoint(), ec);  // wakes accept()
  thread_.join();
}

std::vector<WebhookReceiver::Hit> WebhookReceiver::hits() {
  std::lock_guard lock(mu_);
  return hits_;
}

void WebhookReceiver::Script(std::vector<std::string> bodies) {
  std::lock_guard lock(mu_);
  script_.insert(script_.end(), std::make_move_iterator(bodies.begin()), std::make_move_iterator(bodies.end()));
}

bool WebhookReceiver::WaitFor(std::size_t n) {
  for (int i = 0; i < 500; ++i) {
    if (hits().size() >= n) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return false;
}

void WebhookReceiver::Serve() {
  while (!stop_) {
    tcp::socket socket(ioc_);
    boost::system::error_code ec;
    acceptor_.accept(socket, ec);
    if (ec || stop_) continue;
    if (tls_ == nullptr) {
      Answer(socket);
      continue;
    }
    boost::asio::ssl::stream<tcp::socket&> stream(socket, *tls_);
    stream.handshake(boost::asio::ssl::stream_base::server, ec);
    if (!ec) Answer(stream);  // a client refusing the certificate ends here
  }
}

template <typename Stream>
void WebhookReceiver::Answer(Stream& stream) {
  boost::system::error_code ec;
  beast::flat_buffer buffer;
  http::request<http::string_body> req;
  http::read(stream, buffer, req, ec);
  if (ec) return;
  std::optional<std::string> scripted;
  int answer = status.load();
  {
    std::lock_guard lock(mu_);
    if (!script_.empty()) {
      scripted = std::move(script_.front());
      script_.pop_front();
      answer = 200;
    }
    hits_.push_back({std::string(req["Tranche-Signature"]), std::string(req["Tranche-Event-Id"]), req.body(), answer});
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(answer_after_ms.load()));
  http::response<http::string_body> res{static_cast<http::status>(answer), 11};
  if (scripted) res.set(http::field::content_type, "application/json");
  res.body() = scripted ? *scripted : answer == 200 ? "ok" : "down";
  res.prepare_payload();
  http::write(stream, res, ec);
  ++answered;
}

}  // namespace tranche::testing
