#include "fraud/eval_stream.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <optional>

#include "core/time.h"
#include "ml/csv.h"

namespace tranche::fraud {

namespace {

constexpr std::int64_t kMaxAmountMinor = 1'000'000'000'000;  // 10 billion in major units

std::optional<int> Digits(std::string_view s) {
  int v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || s.empty() || s[0] == '-' || s[0] == '+') return std::nullopt;
  return v;
}

Status Bad(std::size_t line, const std::string& what) {
  return Status::InvalidArgument("invalid_stream", "line " + std::to_string(line) + ": " + what);
}

}  // namespace

std::optional<std::int64_t> ParseDateTime(std::string_view s) {
  if (s.size() != 19 || s[10] != ' ' || s[13] != ':' || s[16] != ':') return std::nullopt;
  const std::optional<Date> date = ParseDate(s.substr(0, 10));
  const auto h = Digits(s.substr(11, 2)), m = Digits(s.substr(14, 2)), sec = Digits(s.substr(17, 2));
  if (!date || !h || !m || !sec || *h > 23 || *m > 59 || *sec > 59) return std::nullopt;
  const std::int64_t days = std::chrono::sys_days(*date).time_since_epoch().count();
  return days * 86'400 + *h * 3'600 + *m * 60 + *sec;
}

std::optional<std::int64_t> ParseAmountMinor(std::string_view s) {
  const std::size_t dot = s.find('.');
  const std::string_view whole = s.substr(0, dot);
  const std::string_view frac = dot == std::string_view::npos ? std::string_view() : s.substr(dot + 1);
  if (whole.empty() || whole.size() > 10 || (dot != std::string_view::npos && (frac.empty() || frac.size() > 2))) {
    return std::nullopt;
  }
  std::int64_t units = 0, cents = 0;
  for (char c : whole) {
    if (c < '0' || c > '9') return std::nullopt;
    units = units * 10 + (c - '0');
  }
  for (std::size_t i = 0; i < 2; ++i) {
    const char c = i < frac.size() ? frac[i] : '0';
    if (c < '0' || c > '9') return std::nullopt;
    cents = cents * 10 + (c - '0');
  }
  const std::int64_t minor = units * 100 + cents;
  return minor <= kMaxAmountMinor ? std::optional(minor) : std::nullopt;
}

Result<std::vector<StreamTransaction>> ParseTransactionStream(std::string_view csv_text) {
  ml::CsvRecords records(csv_text);
  std::vector<std::string> cells;
  TRANCHE_ASSIGN_OR_RETURN(bool any, records.Next(cells));
  if (!any) return Status::InvalidArgument("invalid_stream", "the file is empty");
  constexpr std::array<std::string_view, 6> kColumns = {"tx_id", "datetime", "customer_id", "terminal_id", "amount", "fraud"};
  std::array<std::size_t, 6> at{};
  for (std::size_t c = 0; c < kColumns.size(); ++c) {
    const auto it = std::find(cells.begin(), cells.end(), kColumns[c]);
    if (it == cells.end()) return Status::InvalidArgument("invalid_stream", "no column '" + std::string(kColumns[c]) + "'");
    at[c] = static_cast<std::size_t>(it - cells.begin());
  }
  const std::size_t width = cells.size();
  std::vector<StreamTransaction> out;
  while (true) {
    TRANCHE_ASSIGN_OR_RETURN(bool more, records.Next(cells));
    if (!more) break;
    const std::size_t line = records.line();
    if (cells.size() != width) return Bad(line, "has " + std::to_string(cells.size()) + " cells; the header has " + std::to_string(width));
    if (out.size() >= kMaxStreamTransactions) return Bad(line, "more than 20,000,000 transactions");
    StreamTransaction tx;
    for (std::size_t c : {0, 2, 3}) {
      const std::string& id = cells[at[c]];
      if (id.empty() || id.size() > kMaxStreamIdBytes) return Bad(line, std::string(kColumns[c]) + " must be 1-64 characters");
    }
    tx.tx_id = cells[at[0]];
    tx.customer_id = cells[at[2]];
    tx.terminal_id = cells[at[3]];
    const auto time_s = ParseDateTime(cells[at[1]]);
    if (!time_s) return Bad(line, "datetime must be YYYY-MM-DD HH:MM:SS");
    tx.time_s = *time_s;
    const auto amount = ParseAmountMinor(cells[at[4]]);
    if (!amount) return Bad(line, "amount must be a non-negative decimal with at most two places");
    tx.amount_minor = *amount;
    const std::string& fraud = cells[at[5]];
    if (fraud != "0" && fraud != "1") return Bad(line, "fraud must be 0 or 1");
    tx.fraud = fraud == "1";
    out.push_back(std::move(tx));
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const StreamTransaction& a, const StreamTransaction& b) { return a.time_s < b.time_s; });
  return out;
}

Result<std::vector<StreamTransaction>> ReadTransactionStream(const std::string& path) {
  TRANCHE_ASSIGN_OR_RETURN(std::string text, ml::ReadTextFile(path));
  return ParseTransactionStream(text);
}

}  // namespace tranche::fraud
