// A range of whole UTC dates asked for by a caller (`since` and `until`, both included),
// as reports over stored activity take it: parsed and bounded in one place.
#pragma once

#include <optional>
#include <string_view>

#include "core/status.h"
#include "core/time.h"

namespace tranche {

struct DateRange {
  Date first;
  Date last;  // included

  int days() const { return DaysBetween(first, last) + 1; }
  // The instants the range covers: [from(), to()).
  Instant from() const { return std::chrono::sys_days(first); }
  Instant to() const { return std::chrono::sys_days(AddDays(last, 1)); }
};

// `until` defaults to today; `since` to `default_days` dates up to `until` when
// default_days > 0, and is required otherwise. Refused (invalid_date, naming the
// parameter): malformed dates, since after until, until after today, and ranges longer
// than `max_days`. Precondition: 0 <= default_days <= max_days.
Result<DateRange> ParseDateRange(std::optional<std::string_view> since, std::optional<std::string_view> until,
                                 Date today, int default_days, int max_days);

}  // namespace tranche
