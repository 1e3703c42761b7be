// Reading request bodies: typed, bounded access to JSON fields, each failure a 400
// that names the offending parameter.
#pragma once

#include <nlohmann/json.hpp>
#include <initializer_list>
#include <optional>
#include <string>

#include "core/money.h"

namespace tranche::api {

using Json = nlohmann::json;

inline constexpr int kMaxJsonDepth = 16;
inline constexpr std::size_t kMaxStringChars = 1000;

// Serializes for the wire. Strings that are not valid UTF-8 (say, part of a path cut
// into an error message) are repaired with U+FFFD instead of throwing.
std::string Serialize(const Json& j);

// Parses a request body: exactly one JSON object no deeper than kMaxJsonDepth, with
// nothing but whitespace after it (no NUL, no second value).
Result<Json> ParseBody(std::string_view body);

// True when `content_type` is application/json, optionally with parameters
// ("application/json; charset=utf-8"); the media type is compared case-insensitively.
bool IsJsonContentType(std::string_view content_type);

// Refuses fields other than `known` (Stripe-style "unknown parameter").
Status CheckKnownFields(const Json& obj, std::initializer_list<std::string_view> known,
                        std::string_view prefix = "");

// `prefix` qualifies param names for nested objects ("lines[2].").
// Names, references, ids and codes are single-line: any control character (C0, DEL,
// C1) is refused, because such values end up in logs, CSV exports and e-mails.
Result<std::string> RequireString(const Json& obj, std::string_view name, std::size_t max_chars,
                                  std::string_view prefix = "");
Result<std::optional<std::string>> OptionalString(const Json& obj, std::string_view name,
                                                  std::size_t max_chars,
                                                  std::string_view prefix = "");
// Free text written by people (memos, notes, reasons): line breaks and tabs are allowed,
// every other control character is refused.
Result<std::string> RequireText(const Json& obj, std::string_view name, std::size_t max_chars,
                                std::string_view prefix = "");
Result<std::optional<std::string>> OptionalText(const Json& obj, std::string_view name,
                                                std::size_t max_chars,
                                                std::string_view prefix = "");
// An integer in [min, max]. Floats, strings and booleans are refused.
Result<std::int64_t> RequireInt(const Json& obj, std::string_view name, std::int64_t min,
                                std::int64_t max, std::string_view prefix = "");
Result<std::int64_t> OptionalInt(const Json& obj, std::string_view name, std::int64_t min,
                                 std::int64_t max, std::int64_t fallback,
                                 std::string_view prefix = "");
// A positive amount in minor units, at most kMaxInputAmountMinor.
Result<std::int64_t> RequireAmount(const Json& obj, std::string_view name,
                                   std::string_view prefix = "");
Result<Currency> RequireCurrency(const Json& obj, std::string_view name,
                                 std::string_view prefix = "");
// An array of 1..max_items elements.
Result<const Json*> RequireArray(const Json& obj, std::string_view name, std::size_t max_items,
                                 std::string_view prefix = "");
Result<const Json*> OptionalObject(const Json& obj, std::string_view name,
                                   std::string_view prefix = "");

// Query strings: "limit=10&starting_after=mer_..." (percent-decoded).
std::optional<std::string> QueryParam(std::string_view query, std::string_view name);
// The query parameter `name` as a whole number from `min` to `max`; `fallback` when it
// is absent. Anything else (empty, a sign, other characters, out of range) is 400
// parameter_out_of_range naming the parameter. Precondition: min <= fallback <= max.
Result<std::int64_t> QueryWholeNumber(std::string_view query, std::string_view name, std::int64_t fallback,
                                      std::int64_t min, std::int64_t max);
struct PageRequest {
  std::size_t limit = 20;
  std::string starting_after;
};
Result<PageRequest> ParsePage(std::string_view query, std::size_t max_limit);

}  // namespace tranche::api
