// Reading a labelled card-transaction stream (the simulator's, or any of that kind):
// CSV, optionally gzip-compressed, with the columns tx_id, datetime
// ("YYYY-MM-DD HH:MM:SS", UTC), customer_id, terminal_id, amount (a decimal with at most
// two places) and fraud (0/1); other columns are ignored. The terminal is the merchant.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace tranche::fraud {

inline constexpr std::size_t kMaxStreamTransactions = 20'000'000;
inline constexpr std::size_t kMaxStreamIdBytes = 64;

struct StreamTransaction {
  std::string tx_id;
  std::int64_t time_s = 0;  // Unix seconds
  std::string customer_id;
  std::string terminal_id;
  std::int64_t amount_minor = 0;  // cents
  bool fraud = false;
};

// Rows in time order (a stable sort: ties keep file order). Refused, naming the line: a
// missing column, a bad datetime, amount or fraud flag, an empty or over-long id, more
// than kMaxStreamTransactions rows.
Result<std::vector<StreamTransaction>> ParseTransactionStream(std::string_view csv_text);
Result<std::vector<StreamTransaction>> ReadTransactionStream(const std::string& path);

// "YYYY-MM-DD HH:MM:SS" → Unix seconds; nullopt when malformed or out of range.
std::optional<std::int64_t> ParseDateTime(std::string_view s);
// "12", "12.3", "12.34" → cents; nullopt for anything else (negative, more places, junk).
std::optional<std::int64_t> ParseAmountMinor(std::string_view s);

}  // namespace tranche::fraud
