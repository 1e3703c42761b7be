// Closed-loop HTTP/1.1 load generator for the HTTP benchmarks (bench/run_http_bench.sh).
//
// Every connection is keep-alive and has exactly one request in flight: it sends, reads the
// whole response, records the latency and sends the next request. Connections are spread over
// a few threads, each running its own single-threaded io_context, so the hot path shares no
// state between threads (only the optional --max-requests budget is an atomic counter).
//
// Only loopback targets are accepted: load tests must never leave the machine.

#include <CLI/CLI.hpp>
#include <algorithm>
#include <array>
#include <atomic>
#include <bit>
#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <cctype>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <iterator>
#include <limits>
#include <memory>
#include <optional>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "load_common.h"

namespace {

using tranche::bench::EqualsIgnoreCase;
using tranche::bench::FormatFixed;
using tranche::bench::JsonString;
using tranche::bench::LatencyHistogram;
using tranche::bench::MakeRunId;
using tranche::bench::ParseUrl;
using tranche::bench::ResolveLoopback;
using tranche::bench::Url;
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;
using ErrorCode = boost::system::error_code;

constexpr double kMaxDurationS = 600;
constexpr double kMaxWarmupS = 60;
constexpr unsigned kMaxConnections = 10000;
constexpr unsigned kMaxThreads = 64;
// After a socket error, wait a little before reconnecting so that a server which is down is
// not hit by a tight connect loop that burns the CPU the server needs and floods the counts.
constexpr std::chrono::milliseconds kReconnectDelayMs{10};

struct Options {
  std::string url;
  std::string method = "GET";
  std::vector<std::string> headers;
  std::string body;
  std::string body_file;
  unsigned connections = 32;
  unsigned threads = 2;
  double duration_s = 10;
  double warmup_s = 1;
  std::optional<std::uint64_t> max_requests;
  bool unique_idempotency_keys = false;
  bool json = false;
};

// ---------------------------------------------------------------------------------------------
// Target URL
// ---------------------------------------------------------------------------------------------


// ---------------------------------------------------------------------------------------------
// Request
// ---------------------------------------------------------------------------------------------

struct Header {
  std::string name;
  std::string value;
};

bool IsTokenChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) ||
         std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

std::string_view Trim(std::string_view text) {
  const std::size_t first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

Header ParseHeader(std::string_view text) {
  const std::size_t colon = text.find(':');
  const std::string_view name = text.substr(0, colon);
  if (colon == std::string_view::npos || name.empty() ||
      !std::all_of(name.begin(), name.end(), IsTokenChar)) {
    throw std::invalid_argument("--header must look like \"Name: value\", got '" +
                                std::string(text) + "'");
  }
  const std::string_view value = Trim(text.substr(colon + 1));
  // A CR or LF in a value would smuggle extra headers into every request.
  if (std::any_of(value.begin(), value.end(), [](char c) {
        return c != '\t' && std::iscntrl(static_cast<unsigned char>(c));
      })) {
    throw std::invalid_argument("--header value must not contain control characters");
  }
  return {std::string(name), std::string(value)};
}

std::vector<Header> ParseHeaders(const Options& options) {
  std::vector<Header> headers;
  for (const std::string& text : options.headers) {
    Header header = ParseHeader(text);
    // loadgen writes these itself; a second copy would make the request ambiguous.
    if (EqualsIgnoreCase(header.name, "Content-Length") ||
        EqualsIgnoreCase(header.name, "Transfer-Encoding") ||
        (options.unique_idempotency_keys && EqualsIgnoreCase(header.name, "Idempotency-Key"))) {
      throw std::invalid_argument("--header " + header.name + " is set by loadgen itself");
    }
    headers.push_back(std::move(header));
  }
  return headers;
}

std::string LoadBody(const Options& options) {
  if (options.body_file.empty()) return options.body;
  std::ifstream file(options.body_file, std::ios::binary);
  if (!file) throw std::runtime_error("cannot read " + options.body_file);
  return {std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>()};
}

// The bytes of a request that never change. With --unique-idempotency-keys the key line is
// written between the two parts, so nothing is copied per request.
struct RequestTemplate {
  std::string head;  // request line and headers, without the blank line
  std::string tail;  // blank line and body
};

RequestTemplate BuildRequest(const Options& options, const Url& url, const std::string& body) {
  const std::vector<Header> headers = ParseHeaders(options);
  RequestTemplate request;
  request.head = options.method + " " + url.target + " HTTP/1.1\r\n";
  const bool has_host = std::any_of(headers.begin(), headers.end(), [](const Header& h) {
    return EqualsIgnoreCase(h.name, "Host");
  });
  if (!has_host) request.head += "Host: " + url.authority + "\r\n";
  for (const Header& header : headers) request.head += header.name + ": " + header.value + "\r\n";
  // A POST always states its length, even when empty, so the server never waits for a body.
  if (!body.empty() || options.method == "POST") {
    request.head += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  }
  request.tail = "\r\n" + body;
  return request;
}


// ---------------------------------------------------------------------------------------------
// Statistics
// ---------------------------------------------------------------------------------------------

struct Stats {
  LatencyHistogram latency;
  std::array<std::uint64_t, 4> status_classes{};  // 2xx, 3xx, 4xx, 5xx
  std::uint64_t errors = 0;
  std::string first_error;

  void RecordResponse(unsigned status, std::uint64_t latency_us) {
    const unsigned status_class = status / 100;
    if (status_class < 2 || status_class > 5) {
      return RecordError("unexpected status " + std::to_string(status));
    }
    ++status_classes[status_class - 2];
    latency.Record(latency_us);
  }

  void RecordError(const std::string& message) {
    if (errors++ == 0) first_error = message;
  }

  void Merge(const Stats& other) {
    latency.Merge(other.latency);
    for (std::size_t i = 0; i < status_classes.size(); ++i) {
      status_classes[i] += other.status_classes[i];
    }
    if (errors == 0) first_error = other.first_error;
    errors += other.errors;
  }
};

// ---------------------------------------------------------------------------------------------
// Load
// ---------------------------------------------------------------------------------------------

struct RunConfig {
  RequestTemplate request;
  std::vector<tcp::endpoint> endpoints;
  Clock::time_point measure_start;  // end of the warmup
  Clock::time_point deadline;       // end of the measured window; nothing is sent after it
  bool unique_idempotency_keys = false;
  std::string run_id;

  bool InMeasuredWindow(Clock::time_point t) const { return t >= measure_start && t <= deadline; }
};

// Shares the optional --max-requests budget (requests started after the warmup) among threads.
class RequestBudget {
 public:
  explicit RequestBudget(std::optional<std::uint64_t> max_requests) : max_requests_(max_requests) {}

  bool TryTake() {
    return !max_requests_ || taken_.fetch_add(1, std::memory_order_relaxed) < *max_requests_;
  }

 private:
  const std::optional<std::uint64_t> max_requests_;
  std::atomic<std::uint64_t> taken_{0};
};

class Worker;

// One keep-alive connection with one request in flight. Every completion handler starts the
// next operation, so a connection always has exactly one pending operation until it finishes.
class Connection {
 public:
  Connection(Worker& worker, unsigned index);
  void Start() { Connect(); }

 private:
  void Connect();
  void OnConnect(const ErrorCode& ec);
  void SendRequest();
  void UpdateIdempotencyKey();
  void OnWrite(const ErrorCode& ec);
  void OnRead(const ErrorCode& ec);
  void Fail(const ErrorCode& ec);
  void Finish();

  Worker& worker_;
  const RunConfig& config_;
  const unsigned index_;
  tcp::socket socket_;
  asio::steady_timer reconnect_timer_;
  beast::flat_buffer buffer_;
  http::response<http::string_body> response_;
  std::string idempotency_key_line_;  // stays empty without --unique-idempotency-keys
  std::uint64_t requests_sent_ = 0;
  Clock::time_point request_start_;
  bool request_measured_ = false;
};

// Drives a share of the connections on its own thread and io_context.
class Worker {
 public:
  Worker(const RunConfig& config, RequestBudget& budget, unsigned index, unsigned connection_count)
      : config_(config), budget_(budget), index_(index), connection_count_(connection_count) {}

  // Returns at the deadline or once every connection has stopped on the request budget.
  void Run() {
    for (unsigned i = 0; i < connection_count_; ++i) {
      connections_.push_back(std::make_unique<Connection>(*this, i));
    }
    active_connections_ = connection_count_;
    for (const auto& connection : connections_) connection->Start();
    // Stopping the io_context abandons the requests still in flight: they are not counted.
    deadline_timer_.expires_at(config_.deadline);
    deadline_timer_.async_wait([this](const ErrorCode&) { ioc_.stop(); });
    ioc_.run();
  }

  void ConnectionFinished() {
    if (--active_connections_ == 0) ioc_.stop();
  }

  asio::io_context& io_context() { return ioc_; }
  const RunConfig& config() const { return config_; }
  RequestBudget& budget() { return budget_; }
  Stats& stats() { return stats_; }
  const Stats& stats() const { return stats_; }
  unsigned index() const { return index_; }

 private:
  const RunConfig& config_;
  RequestBudget& budget_;
  const unsigned index_;
  const unsigned connection_count_;
  unsigned active_connections_ = 0;
  Stats stats_;
  // Declared before the connections so that it outlives their sockets and timers.
  asio::io_context ioc_{1};
  asio::steady_timer deadline_timer_{ioc_};
  std::vector<std::unique_ptr<Connection>> connections_;
};

Connection::Connection(Worker& worker, unsigned index)
    : worker_(worker),
      config_(worker.config()),
      index_(index),
      socket_(worker.io_context()),
      reconnect_timer_(worker.io_context()) {}

void Connection::Connect() {
  buffer_.clear();
  asio::async_connect(socket_, config_.endpoints,
                      [this](const ErrorCode& ec, const tcp::endpoint&) { OnConnect(ec); });
}

void Connection::OnConnect(const ErrorCode& ec) {
  if (ec) return Fail(ec);
  // Each request goes out in one write and waits for its answer; Nagle would only add delay.
  ErrorCode ignored;
  socket_.set_option(tcp::no_delay(true), ignored);
  SendRequest();
}

void Connection::SendRequest() {
  request_start_ = Clock::now();
  request_measured_ = request_start_ >= config_.measure_start;
  if (request_start_ >= config_.deadline || (request_measured_ && !worker_.budget().TryTake())) {
    return Finish();
  }
  if (config_.unique_idempotency_keys) UpdateIdempotencyKey();
  ++requests_sent_;
  const std::array<asio::const_buffer, 3> buffers{asio::buffer(config_.request.head),
                                                  asio::buffer(idempotency_key_line_),
                                                  asio::buffer(config_.request.tail)};
  asio::async_write(socket_, buffers, [this](const ErrorCode& ec, std::size_t) { OnWrite(ec); });
}

// lg-<thread>-<connection>-<counter>-<run id>: unique per request, so every POST is new work.
void Connection::UpdateIdempotencyKey() {
  idempotency_key_line_.assign("Idempotency-Key: lg-")
      .append(std::to_string(worker_.index()))
      .append("-")
      .append(std::to_string(index_))
      .append("-")
      .append(std::to_string(requests_sent_))
      .append("-")
      .append(config_.run_id)
      .append("\r\n");
}

void Connection::OnWrite(const ErrorCode& ec) {
  if (ec) return Fail(ec);
  response_ = {};
  http::async_read(socket_, buffer_, response_,
                   [this](const ErrorCode& read_ec, std::size_t) { OnRead(read_ec); });
}

void Connection::OnRead(const ErrorCode& ec) {
  if (ec) return Fail(ec);
  const Clock::time_point end = Clock::now();
  if (request_measured_ && end <= config_.deadline) {
    const auto latency =
        std::chrono::duration_cast<std::chrono::microseconds>(end - request_start_);
    worker_.stats().RecordResponse(response_.result_int(),
                                   static_cast<std::uint64_t>(latency.count()));
  }
  if (response_.keep_alive()) return SendRequest();
  // The server announced it closes the connection: open a new one, this is not an error.
  ErrorCode ignored;
  socket_.close(ignored);
  Connect();
}

// The request in flight is lost; it is counted as an error and a fresh connection takes over.
void Connection::Fail(const ErrorCode& ec) {
  if (config_.InMeasuredWindow(Clock::now())) worker_.stats().RecordError(ec.message());
  ErrorCode ignored;
  socket_.close(ignored);
  reconnect_timer_.expires_after(kReconnectDelayMs);
  reconnect_timer_.async_wait([this](const ErrorCode&) { Connect(); });
}

void Connection::Finish() {
  ErrorCode ignored;
  socket_.close(ignored);
  worker_.ConnectionFinished();
}

// Connection i runs on thread i % threads.
Stats RunWorkers(const RunConfig& config, RequestBudget& budget, unsigned connections,
                 unsigned threads) {
  std::vector<std::unique_ptr<Worker>> workers;
  for (unsigned t = 0; t < threads; ++t) {
    const unsigned share = connections / threads + (t < connections % threads ? 1 : 0);
    workers.push_back(std::make_unique<Worker>(config, budget, t, share));
  }
  {
    std::vector<std::jthread> running;
    for (const auto& worker : workers) running.emplace_back([&worker] { worker->Run(); });
  }
  Stats total;
  for (const auto& worker : workers) total.Merge(worker->stats());
  return total;
}

// ---------------------------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------------------------

struct Summary {
  double window_s = 0;
  double rps = 0;
  std::uint64_t requests = 0;
  std::uint64_t p50_us = 0;
  std::uint64_t p90_us = 0;
  std::uint64_t p99_us = 0;
  std::uint64_t p999_us = 0;
  std::uint64_t max_us = 0;
  std::array<std::uint64_t, 4> status_classes{};
  std::uint64_t errors = 0;
};

Summary Summarize(const Stats& stats, double window_s) {
  Summary summary;
  summary.window_s = window_s;
  summary.requests = stats.latency.count();
  summary.rps = window_s > 0 ? static_cast<double>(summary.requests) / window_s : 0;
  summary.p50_us = stats.latency.PercentileUs(0.50);
  summary.p90_us = stats.latency.PercentileUs(0.90);
  summary.p99_us = stats.latency.PercentileUs(0.99);
  summary.p999_us = stats.latency.PercentileUs(0.999);
  summary.max_us = stats.latency.max_us();
  summary.status_classes = stats.status_classes;
  summary.errors = stats.errors;
  return summary;
}


void PrintText(const Options& options, const Summary& s) {
  std::cout << "url=" << options.url << " method=" << options.method
            << " connections=" << options.connections << " threads=" << options.threads
            << " duration_s=" << options.duration_s << "\n"
            << "requests=" << s.requests << " rps=" << FormatFixed(s.rps, 1)
            << " p50_us=" << s.p50_us << " p90_us=" << s.p90_us << " p99_us=" << s.p99_us
            << " p999_us=" << s.p999_us << " max_us=" << s.max_us << "\n"
            << "status 2xx=" << s.status_classes[0] << " 3xx=" << s.status_classes[1]
            << " 4xx=" << s.status_classes[2] << " 5xx=" << s.status_classes[3]
            << " errors=" << s.errors << "\n";
}

void PrintJson(const Options& options, const Summary& s) {
  std::cout << "{\"url\":" << JsonString(options.url)
            << ",\"method\":" << JsonString(options.method)
            << ",\"connections\":" << options.connections << ",\"threads\":" << options.threads
            << ",\"duration_s\":" << options.duration_s << ",\"warmup_s\":" << options.warmup_s
            << ",\"window_s\":" << FormatFixed(s.window_s, 3) << ",\"requests\":" << s.requests
            << ",\"rps\":" << FormatFixed(s.rps, 1) << ",\"p50_us\":" << s.p50_us
            << ",\"p90_us\":" << s.p90_us << ",\"p99_us\":" << s.p99_us
            << ",\"p999_us\":" << s.p999_us << ",\"max_us\":" << s.max_us
            << ",\"status_2xx\":" << s.status_classes[0]
            << ",\"status_3xx\":" << s.status_classes[1]
            << ",\"status_4xx\":" << s.status_classes[2]
            << ",\"status_5xx\":" << s.status_classes[3] << ",\"errors\":" << s.errors << "}\n";
}

// ---------------------------------------------------------------------------------------------
// Command line
// ---------------------------------------------------------------------------------------------

void AddOptions(CLI::App& app, Options& options) {
  app.add_option("--url", options.url,
                 "Target, e.g. http://127.0.0.1:8080/v1/merchant (loopback only)")
      ->required();
  app.add_option("--method", options.method, "HTTP method")
      ->check(CLI::IsMember({"GET", "POST"}))
      ->capture_default_str();
  app.add_option("--header", options.headers, "Extra request header \"Name: value\" (repeatable)");
  CLI::Option* body = app.add_option("--body", options.body, "Request body");
  app.add_option("--body-file", options.body_file, "Read the request body from this file")
      ->check(CLI::ExistingFile)
      ->excludes(body);
  app.add_option("--connections", options.connections, "Concurrent keep-alive connections")
      ->check(CLI::Range(1U, kMaxConnections))
      ->capture_default_str();
  app.add_option("--threads", options.threads, "Threads, each with its own io_context")
      ->check(CLI::Range(1U, kMaxThreads))
      ->capture_default_str();
  app.add_option("--duration-s", options.duration_s, "Measured window after the warmup, seconds")
      ->check(CLI::Range(0.001, kMaxDurationS))
      ->capture_default_str();
  app.add_option("--warmup-s", options.warmup_s, "Unmeasured warmup, seconds")
      ->check(CLI::Range(0.0, kMaxWarmupS))
      ->capture_default_str();
  app.add_option("--max-requests", options.max_requests,
                 "Stop after this many requests in the measured window (default: no cap)")
      ->check(CLI::Range(std::uint64_t{1}, std::numeric_limits<std::uint64_t>::max()));
  app.add_flag("--unique-idempotency-keys", options.unique_idempotency_keys,
               "Send a unique Idempotency-Key header with every request");
  app.add_flag("--json", options.json, "Print a one-line JSON summary instead of text");
}

Clock::duration SecondsToDuration(double seconds) {
  return std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
}

int Run(const Options& options) {
  if (options.threads > options.connections) {
    throw std::invalid_argument("--threads must not exceed --connections");
  }
  const Url url = ParseUrl(options.url);
  RunConfig config;
  config.endpoints = ResolveLoopback(url);
  config.request = BuildRequest(options, url, LoadBody(options));
  config.unique_idempotency_keys = options.unique_idempotency_keys;
  config.run_id = MakeRunId();
  config.measure_start = Clock::now() + SecondsToDuration(options.warmup_s);
  config.deadline = config.measure_start + SecondsToDuration(options.duration_s);

  RequestBudget budget(options.max_requests);
  const Stats stats = RunWorkers(config, budget, options.connections, options.threads);
  // The window ends early when --max-requests stopped every connection before the deadline.
  const Clock::time_point window_end = std::min(Clock::now(), config.deadline);
  const double window_s =
      std::max(0.0, std::chrono::duration<double>(window_end - config.measure_start).count());

  const Summary summary = Summarize(stats, window_s);
  if (options.json) {
    PrintJson(options, summary);
  } else {
    PrintText(options, summary);
  }
  if (stats.errors > 0) {
    std::cerr << "loadgen: " << stats.errors << " errors, first: " << stats.first_error << "\n";
  }
  if (summary.status_classes[0] == 0) {
    std::cerr << "loadgen: no request succeeded (no 2xx response in the measured window)\n";
    return 1;
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  CLI::App app{"Closed-loop HTTP/1.1 load generator for loopback targets"};
  AddOptions(app, options);
  CLI11_PARSE(app, argc, argv);
  try {
    return Run(options);
  } catch (const std::exception& e) {
    std::cerr << "loadgen: error: " << e.what() << "\n";
    return 2;
  }
}
