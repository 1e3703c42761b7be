// Instants and calendar dates, UTC only.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tranche {

// A point in time with microsecond resolution, UTC.
using Instant = std::chrono::sys_time<std::chrono::microseconds>;
using Date = std::chrono::year_month_day;

inline Instant InstantFromUnixMicros(std::int64_t us) {
  return Instant(std::chrono::microseconds(us));
}
inline std::int64_t UnixMicros(Instant t) { return t.time_since_epoch().count(); }
inline std::int64_t UnixMillis(Instant t) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
}

// "2026-11-26T04:13:05.123456Z" (microseconds always present; RFC 3339).
std::string FormatRfc3339(Instant t);
// Parses the RFC 3339 UTC form ("Z" suffix, optional fraction up to 6 digits).
std::optional<Instant> ParseRfc3339(std::string_view s);

std::string FormatDate(Date d);                 // "2026-11-26"
std::optional<Date> ParseDate(std::string_view s);
Date DateOf(Instant t);
// Midnight UTC at the start of `d`.
Instant StartOf(Date d);
Date AddDays(Date d, int days);
// Whole days from `a` to `b` (negative when b is earlier).
int DaysBetween(Date a, Date b);

}  // namespace tranche
