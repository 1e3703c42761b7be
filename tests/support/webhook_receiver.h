// A webhook receiver on loopback for tests: answers every POST with `status`,
// `answer_after_ms` after reading it, and records what it got; over TLS when given a
// server context. Given a script, it answers the next POSTs with the script's bodies
// (200, JSON) instead: a scripted chat-completions server for the assistant's model. One request at a time, like a slow receiver: the next connection
// waits until the answer is written.
#pragma once

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>

#include <atomic>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace tranche::testing {

class WebhookReceiver {
 public:
  struct Hit {
    std::string signature;
    std::string event_id;
    std::string body;
    int answered = 0;
  };
  explicit WebhookReceiver(boost::asio::ssl::context* tls = nullptr);
  ~WebhookReceiver();
  WebhookReceiver(const WebhookReceiver&) = delete;
  WebhookReceiver& operator=(const WebhookReceiver&) = delete;

  std::uint16_t port() const { return acceptor_.local_endpoint().port(); }
  std::atomic<int> status{200};
  std::atomic<int> answer_after_ms{0};
  std::atomic<int> answered{0};  // answers written
  std::vector<Hit> hits();
  // The bodies of the next answers, in order; after them, `status` again.
  void Script(std::vector<std::string> bodies);
  // Waits (real time, at most 5 s) until `n` requests came.
  bool WaitFor(std::size_t n);

 private:
  void Serve();
  template <typename Stream>
  void Answer(Stream& stream);

  boost::asio::ssl::context* tls_;
  boost::asio::io_context ioc_;
  boost::asio::ip::tcp::acceptor acceptor_;
  std::atomic<bool> stop_{false};
  std::mutex mu_;
  std::vector<Hit> hits_;
  std::deque<std::string> script_;
  std::thread thread_;
};

}  // namespace tranche::testing
