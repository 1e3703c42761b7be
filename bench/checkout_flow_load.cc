// Closed-loop load generator for the whole merchant checkout flow (bench/run_http_bench.sh,
// target tranche_checkout_flow). Each client is a thread with one keep-alive connection that
// runs flows back to back, each flow being the four requests a real integration makes:
//
//   1. POST /v1/checkout/sessions                 (merchant key)
//   2. POST /v1/checkout/sessions/{id}/authorize  (the session's client token; a new consumer
//                                                  per flow, so limits never run out)
//   3. POST /v1/orders                            (merchant key)
//   4. POST /v1/orders/{id}/captures              (merchant key)
//
// Every request is a durable write on the server. A declined authorization ends its flow and
// is counted apart (a decision, not an error). Reports complete flows per second, requests
// per second, per-request latency percentiles (all steps together and per step) and the flow
// latency. Only loopback targets are accepted.

#include <CLI/CLI.hpp>
#include <array>
#include <atomic>
#include <boost/asio/connect.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <chrono>
#include <iostream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "load_common.h"

namespace {

namespace beast = boost::beast;
namespace http = beast::http;
using tranche::bench::FormatFixed;
using tranche::bench::LatencyHistogram;
using tranche::bench::tcp;
using Clock = std::chrono::steady_clock;
using Json = nlohmann::json;

constexpr unsigned kMaxClients = 1024;
constexpr double kMaxDurationS = 600;
constexpr std::size_t kSteps = 4;
constexpr std::array<const char*, kSteps> kStepNames = {"session", "authorize", "order", "capture"};

struct Options {
  std::string url;  // base, e.g. http://127.0.0.1:8080
  std::string merchant_key;
  std::string product = "pay_in_4";
  std::int64_t amount = 25000;
  unsigned clients = 32;
  double duration_s = 10;
  double warmup_s = 1;
  bool json = false;
};

struct Stats {
  std::array<LatencyHistogram, kSteps> steps;
  LatencyHistogram requests;
  LatencyHistogram flows;
  std::uint64_t errors = 0;
  std::uint64_t declined = 0;  // flows that ended at a decline: a decision, not an error
  std::string first_error;

  void Error(std::string message) {
    if (errors++ == 0) first_error = std::move(message);
  }
  void Merge(const Stats& o) {
    for (std::size_t i = 0; i < kSteps; ++i) steps[i].Merge(o.steps[i]);
    requests.Merge(o.requests);
    flows.Merge(o.flows);
    if (errors == 0) first_error = o.first_error;
    errors += o.errors;
    declined += o.declined;
  }
};

struct Shared {
  Options options;
  tranche::bench::Url url;
  std::vector<tcp::endpoint> endpoints;
  std::string run_id;
  Clock::time_point measure_start;
  Clock::time_point deadline;
};

std::uint64_t MicrosSince(Clock::time_point t0) {
  return static_cast<std::uint64_t>(
      std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - t0).count());
}

// One client: one connection, flows back to back until the deadline.
class Client {
 public:
  Client(const Shared& shared, unsigned index) : s_(shared), index_(index), socket_(ioc_) {}

  Stats Run() {
    while (Clock::now() < s_.deadline) {
      if (!socket_.is_open() && !Connect()) continue;
      RunFlow();
    }
    return stats_;
  }

 private:
  bool Connect() {
    tranche::bench::ErrorCode ec;
    socket_ = tcp::socket(ioc_);
    boost::asio::connect(socket_, s_.endpoints, ec);
    if (ec) {
      stats_.Error("connect: " + ec.message());
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
      socket_.close(ec);
      return false;
    }
    socket_.set_option(tcp::no_delay(true), ec);
    return true;
  }

  // Sends one POST and returns the parsed reply when its status is `expected`.
  std::optional<Json> Post(std::size_t step, const std::string& target, const Json& body,
                           const std::string& bearer, int expected, bool measured) {
    http::request<http::string_body> req{http::verb::post, target, 11};
    req.set(http::field::host, s_.url.authority);
    req.set(http::field::authorization, "Bearer " + bearer);
    req.set(http::field::content_type, "application/json");
    req.keep_alive(true);
    req.body() = body.dump();
    req.prepare_payload();
    const auto t0 = Clock::now();
    tranche::bench::ErrorCode ec;
    http::write(socket_, req, ec);
    http::response<http::string_body> res;
    if (!ec) http::read(socket_, buffer_, res, ec);
    if (ec) {
      stats_.Error(std::string(kStepNames[step]) + ": " + ec.message());
      socket_.close(ec);
      return std::nullopt;
    }
    const std::uint64_t us = MicrosSince(t0);
    if (measured) {
      stats_.steps[step].Record(us);
      stats_.requests.Record(us);
    }
    if (res.result_int() != static_cast<unsigned>(expected)) {
      stats_.Error(std::string(kStepNames[step]) + ": HTTP " + std::to_string(res.result_int()) + " " +
                   res.body().substr(0, 200));
      return std::nullopt;
    }
    Json reply = Json::parse(res.body(), nullptr, false);
    if (reply.is_discarded()) {
      stats_.Error(std::string(kStepNames[step]) + ": reply is not JSON");
      return std::nullopt;
    }
    if (!res.keep_alive()) socket_.close(ec);
    return reply;
  }

  void RunFlow() {
    const auto t0 = Clock::now();
    const bool measured = t0 >= s_.measure_start;
    const std::string tag = s_.run_id + "-" + std::to_string(index_) + "-" + std::to_string(++flows_);
    const Options& o = s_.options;
    const Json session_body = {{"currency", "USD"}, {"amount", o.amount}, {"merchant_reference", "lg-" + tag},
                               {"order_lines", {{{"name", "Helmet"}, {"quantity", 1}, {"unit_price", o.amount},
                                                 {"total_amount", o.amount}}}}};
    auto session = Post(0, "/v1/checkout/sessions", session_body, o.merchant_key, 201, measured);
    if (!session) return;
    const Json consumer = {{"email", "lg-" + tag + "@example.com"}, {"phone", "+1 555 0100"},
                           {"given_name", "Load"}, {"family_name", "Test"}, {"date_of_birth", "1990-01-01"},
                           {"address", {{"line1", "1 Main St"}, {"city", "Brooklyn"}, {"postal_code", "11201"},
                                        {"country", "US"}}}};
    auto auth = Post(1, "/v1/checkout/sessions/" + (*session)["id"].get<std::string>() + "/authorize",
                     {{"product", o.product}, {"consumer", consumer}},
                     (*session)["client_token"].get<std::string>(), 200, measured);
    if (!auth) return;
    if ((*auth)["status"] != "approved") {
      if (measured) ++stats_.declined;
      return;
    }
    auto order = Post(2, "/v1/orders", {{"authorization_id", (*auth)["authorization_id"]},
                                        {"merchant_reference", "lg-" + tag}},
                      o.merchant_key, 201, measured);
    if (!order) return;
    auto capture = Post(3, "/v1/orders/" + (*order)["id"].get<std::string>() + "/captures",
                        {{"amount", o.amount}}, o.merchant_key, 201, measured);
    if (!capture) return;
    // A flow counts when it was started in the window and finished by the deadline.
    if (measured && Clock::now() <= s_.deadline) stats_.flows.Record(MicrosSince(t0));
  }

  const Shared& s_;
  const unsigned index_;
  boost::asio::io_context ioc_;
  tcp::socket socket_;
  beast::flat_buffer buffer_;
  std::uint64_t flows_ = 0;
  Stats stats_;
};

void Print(const Options& o, const Stats& st, double window_s) {
  const double fps = static_cast<double>(st.flows.count()) / window_s;
  const double rps = static_cast<double>(st.requests.count()) / window_s;
  if (o.json) {
    std::cout << "{\"clients\":" << o.clients << ",\"duration_s\":" << o.duration_s
              << ",\"window_s\":" << FormatFixed(window_s, 3) << ",\"flows\":" << st.flows.count()
              << ",\"flows_per_s\":" << FormatFixed(fps, 1) << ",\"requests\":" << st.requests.count()
              << ",\"rps\":" << FormatFixed(rps, 1) << ",\"p50_us\":" << st.requests.PercentileUs(0.5)
              << ",\"p99_us\":" << st.requests.PercentileUs(0.99) << ",\"max_us\":" << st.requests.max_us()
              << ",\"flow_p50_us\":" << st.flows.PercentileUs(0.5)
              << ",\"flow_p99_us\":" << st.flows.PercentileUs(0.99);
    for (std::size_t i = 0; i < kSteps; ++i) {
      std::cout << ",\"" << kStepNames[i] << "_p99_us\":" << st.steps[i].PercentileUs(0.99);
    }
    std::cout << ",\"declined\":" << st.declined << ",\"errors\":" << st.errors << "}\n";
    return;
  }
  std::cout << "clients=" << o.clients << " window_s=" << FormatFixed(window_s, 2) << "\n"
            << "flows=" << st.flows.count() << " flows_per_s=" << FormatFixed(fps, 1)
            << " requests=" << st.requests.count() << " rps=" << FormatFixed(rps, 1) << "\n"
            << "request p50_us=" << st.requests.PercentileUs(0.5) << " p99_us=" << st.requests.PercentileUs(0.99)
            << " max_us=" << st.requests.max_us() << "\n"
            << "flow p50_us=" << st.flows.PercentileUs(0.5) << " p99_us=" << st.flows.PercentileUs(0.99) << "\n";
  for (std::size_t i = 0; i < kSteps; ++i) {
    std::cout << "  " << kStepNames[i] << " p50_us=" << st.steps[i].PercentileUs(0.5)
              << " p99_us=" << st.steps[i].PercentileUs(0.99) << "\n";
  }
  std::cout << "declined=" << st.declined << " errors=" << st.errors << "\n";
}

int Run(const Options& o) {
  Shared shared{o, tranche::bench::ParseUrl(o.url), {}, tranche::bench::MakeRunId(), {}, {}};
  shared.endpoints = tranche::bench::ResolveLoopback(shared.url);
  const auto to_duration = [](double s) {
    return std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(s));
  };
  shared.measure_start = Clock::now() + to_duration(o.warmup_s);
  shared.deadline = shared.measure_start + to_duration(o.duration_s);
  Stats total;
  std::mutex mu;
  std::vector<std::thread> threads;
  for (unsigned i = 0; i < o.clients; ++i) {
    threads.emplace_back([&, i] {
      Client client(shared, i);
      const Stats st = client.Run();
      std::lock_guard lock(mu);
      total.Merge(st);
    });
  }
  for (auto& t : threads) t.join();
  Print(o, total, o.duration_s);
  if (total.errors > 0) std::cerr << "checkout_flow_load: " << total.errors << " errors, first: " << total.first_error << "\n";
  if (total.flows.count() == 0) {
    std::cerr << "checkout_flow_load: no flow completed in the measured window\n";
    return 1;
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  CLI::App app{"Closed-loop load generator for the checkout flow (session, authorize, order, capture)"};
  app.add_option("--url", o.url, "Base URL, e.g. http://127.0.0.1:8080 (loopback only)")->required();
  app.add_option("--merchant-key", o.merchant_key, "A merchant's secret key (sk_...)")->required();
  app.add_option("--product", o.product, "Product to authorize")->capture_default_str();
  app.add_option("--amount", o.amount, "Amount per flow, minor units")
      ->check(CLI::Range(std::int64_t{100}, std::int64_t{100'000'000}))->capture_default_str();
  app.add_option("--clients", o.clients, "Concurrent clients (threads, one connection each)")
      ->check(CLI::Range(1U, kMaxClients))->capture_default_str();
  app.add_option("--duration-s", o.duration_s, "Measured window after the warmup, seconds")
      ->check(CLI::Range(0.001, kMaxDurationS))->capture_default_str();
  app.add_option("--warmup-s", o.warmup_s, "Unmeasured warmup, seconds")
      ->check(CLI::Range(0.0, 60.0))->capture_default_str();
  app.add_flag("--json", o.json, "Print a one-line JSON summary");
  CLI11_PARSE(app, argc, argv);
  try {
    return Run(o);
  } catch (const std::exception& e) {
    std::cerr << "checkout_flow_load: error: " << e.what() << "\n";
    return 2;
  }
}
