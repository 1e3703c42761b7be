// Settlement files: what a processor or payout rail reports it moved on a date, one
// line per movement — its own reference, tranche's reference (the idempotency key tranche
// sent: col_, crf_ or po_ ids; a chargeback's is the collection's), the kind, the amount
// and the fee it charged. CSV as
// processors send them (a header line, then RFC 4180 records).
//
// A chargeback line is the card issuer taking back a collection its cardholder disputed
// with them (not with tranche): its reference is the collection's id, its amount what
// was taken back, its fee the processor's chargeback fee.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/money.h"
#include "core/status.h"
#include "core/time.h"

namespace tranche::recon {

inline constexpr std::size_t kMaxFileLines = 1'000'000;
inline constexpr std::size_t kMaxFileBytes = 256u << 20;
inline constexpr std::size_t kMaxReferenceChars = 64;

enum class LineKind : std::uint8_t { kCollection, kRefund, kPayout, kChargeback };
std::string_view LineKindName(LineKind k);
std::optional<LineKind> ParseLineKind(std::string_view name);

struct FileLine {
  Date value_date;
  std::string processor_ref;
  std::string reference;  // tranche's id for the movement
  LineKind kind = LineKind::kCollection;
  Money amount;               // > 0: what moved
  std::int64_t fee_minor = 0; // what the processor kept, in the amount's currency
  friend bool operator==(const FileLine&, const FileLine&) = default;
};

std::string FormatFile(const std::vector<FileLine>& lines);
// Refuses anything malformed, naming the line: a processor's file is outside input.
Result<std::vector<FileLine>> ParseFile(std::string_view text);

}  // namespace tranche::recon
