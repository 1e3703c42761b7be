// Shared by the load generators (loadgen.cc: one request template; checkout_flow_load.cc:
// the merchant checkout flow): loopback-only target URLs, a latency histogram, and report
// formatting.
#pragma once

#include <algorithm>
#include <bit>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <iomanip>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace tranche::bench {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;
using ErrorCode = boost::system::error_code;

struct Url {
  std::string host;       // without the brackets of an IPv6 literal
  std::string authority;  // host[:port] as written, used for the Host header
  std::uint16_t port = 80;
  std::string target;  // path and query, at least "/"
};

inline std::uint16_t ParsePort(std::string_view text) {
  unsigned port = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), port);
  if (ec != std::errc{} || end != text.data() + text.size() || port == 0 || port > 65535) {
    throw std::invalid_argument("invalid port in --url: '" + std::string(text) + "'");
  }
  return static_cast<std::uint16_t>(port);
}

// Splits "host", "host:port", "[v6]" or "[v6]:port" into host and port text.
inline std::pair<std::string_view, std::string_view> SplitAuthority(std::string_view authority) {
  if (!authority.starts_with('[')) {
    const std::size_t colon = authority.find(':');
    if (colon == std::string_view::npos) return {authority, {}};
    return {authority.substr(0, colon), authority.substr(colon + 1)};
  }
  const std::size_t close = authority.find(']');
  if (close == std::string_view::npos) throw std::invalid_argument("unterminated '[' in --url");
  const std::string_view rest = authority.substr(close + 1);
  if (!rest.empty() && rest.front() != ':') throw std::invalid_argument("junk after ']' in --url");
  return {authority.substr(1, close - 1), rest.empty() ? rest : rest.substr(1)};
}

inline bool IsVisibleAscii(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c > ' ' && c < '\x7f'; });
}

inline Url ParseUrl(std::string_view text) {
  constexpr std::string_view kScheme = "http://";
  if (!text.starts_with(kScheme)) {
    throw std::invalid_argument("--url must start with http:// (https is not supported)");
  }
  text.remove_prefix(kScheme.size());
  const std::size_t path_pos = text.find('/');
  Url url;
  url.authority = std::string(text.substr(0, path_pos));
  url.target = path_pos == std::string_view::npos ? "/" : std::string(text.substr(path_pos));
  if (url.authority.find('@') != std::string::npos) {
    throw std::invalid_argument("--url must not contain credentials");
  }
  const auto [host, port_text] = SplitAuthority(url.authority);
  if (host.empty()) throw std::invalid_argument("--url has no host");
  url.host = std::string(host);
  url.port = port_text.empty() ? std::uint16_t{80} : ParsePort(port_text);
  // The target goes verbatim into the request line, so it must not be able to break it.
  if (!IsVisibleAscii(url.target) || !IsVisibleAscii(url.authority)) {
    throw std::invalid_argument("--url must not contain spaces or control characters");
  }
  return url;
}

inline bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) ==
           std::tolower(static_cast<unsigned char>(y));
  });
}

// Resolves the target to loopback endpoints only. Refusing every other host is a workplace
// rule: a load generator pointed at a shared or remote service by mistake is an incident.
inline std::vector<tcp::endpoint> ResolveLoopback(const Url& url) {
  const std::string refusal = "refusing to load '" + url.host +
                              "': only loopback hosts (127.x.x.x, localhost, ::1) are allowed";
  if (EqualsIgnoreCase(url.host, "localhost")) {
    asio::io_context ioc;
    tcp::resolver resolver(ioc);
    std::vector<tcp::endpoint> endpoints;
    for (const auto& entry : resolver.resolve(url.host, std::to_string(url.port))) {
      // A hosts file could map localhost elsewhere; keep only what really is loopback.
      if (entry.endpoint().address().is_loopback()) endpoints.push_back(entry.endpoint());
    }
    if (endpoints.empty()) throw std::invalid_argument(refusal);
    return endpoints;
  }
  ErrorCode ec;
  const asio::ip::address address = asio::ip::make_address(url.host, ec);
  if (ec || !address.is_loopback()) throw std::invalid_argument(refusal);
  return {tcp::endpoint(address, url.port)};
}

// Log-linear histogram in the spirit of HdrHistogram: exact below 128 us, then 128 buckets per
// power of two, so a reported percentile is within 1/128 (< 0.8 %) of the true sample. Fixed
// size (~58 KiB) whatever the run length, and cheap to merge across threads.
class LatencyHistogram {
 public:
  void Record(std::uint64_t value_us) {
    ++counts_[IndexOf(value_us)];
    ++count_;
    max_us_ = std::max(max_us_, value_us);
  }

  void Merge(const LatencyHistogram& other) {
    for (std::size_t i = 0; i < kBucketCount; ++i) counts_[i] += other.counts_[i];
    count_ += other.count_;
    max_us_ = std::max(max_us_, other.max_us_);
  }

  std::uint64_t count() const { return count_; }
  std::uint64_t max_us() const { return max_us_; }

  // Upper bound of the bucket holding the sample of rank ceil(fraction * count), so a
  // percentile is never under-reported.
  std::uint64_t PercentileUs(double fraction) const {
    if (count_ == 0) return 0;
    const auto wanted =
        static_cast<std::uint64_t>(std::ceil(fraction * static_cast<double>(count_)));
    const std::uint64_t rank = std::clamp<std::uint64_t>(wanted, 1, count_);
    std::uint64_t seen = 0;
    for (std::size_t i = 0; i < kBucketCount; ++i) {
      seen += counts_[i];
      if (seen >= rank) return std::min(UpperBoundOf(i), max_us_);
    }
    return max_us_;
  }

 private:
  static constexpr unsigned kSubBucketBits = 7;
  static constexpr std::uint64_t kSubBuckets = std::uint64_t{1} << kSubBucketBits;
  static constexpr std::size_t kBucketCount = (64 - kSubBucketBits + 1) * kSubBuckets;

  static std::size_t IndexOf(std::uint64_t value) {
    if (value < kSubBuckets) return value;
    // Shift the value so that its top kSubBucketBits + 1 bits remain: [128, 255].
    const unsigned shift = static_cast<unsigned>(std::bit_width(value)) - kSubBucketBits - 1;
    return (shift + 1) * kSubBuckets + ((value >> shift) - kSubBuckets);
  }

  static std::uint64_t UpperBoundOf(std::size_t index) {
    if (index < kSubBuckets) return index;
    const std::uint64_t shift = index / kSubBuckets - 1;
    const std::uint64_t lower = (index % kSubBuckets + kSubBuckets) << shift;
    return lower + ((std::uint64_t{1} << shift) - 1);
  }

  std::vector<std::uint64_t> counts_ = std::vector<std::uint64_t>(kBucketCount);
  std::uint64_t count_ = 0;
  std::uint64_t max_us_ = 0;
};

// Distinguishes the idempotency keys of this run from those of earlier runs against the same
// database, where a repeated key would be answered from the idempotency store.
inline std::string MakeRunId() {
  std::random_device device;
  const std::uint64_t bits = (std::uint64_t{device()} << 32) | device();
  std::ostringstream out;
  out << std::hex << std::setw(16) << std::setfill('0') << bits;
  return out.str();
}

inline std::string FormatFixed(double value, int decimals) {
  std::ostringstream out;
  out << std::fixed << std::setprecision(decimals) << value;
  return out.str();
}

inline std::string JsonString(std::string_view text) {
  std::ostringstream out;
  out << '"';
  for (const char c : text) {
    if (c == '"' || c == '\\') {
      out << '\\' << c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      out << "\\u" << std::hex << std::setw(4) << std::setfill('0') << static_cast<int>(c)
          << std::dec;
    } else {
      out << c;
    }
  }
  out << '"';
  return out.str();
}

}  // namespace tranche::bench
