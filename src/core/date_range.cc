#include "core/date_range.h"

#include <string>

#include "core/assert.h"

namespace tranche {

Result<DateRange> ParseDateRange(std::optional<std::string_view> since, std::optional<std::string_view> until,
                                 Date today, int default_days, int max_days) {
  TRANCHE_ASSERT(default_days >= 0 && default_days <= max_days);
  Date last = today;
  if (until) {
    const std::optional<Date> parsed = ParseDate(*until);
    if (!parsed) return Status::InvalidArgument("invalid_date", "until must be a date as YYYY-MM-DD", "until");
    last = *parsed;
  }
  if (DaysBetween(today, last) > 0) {
    return Status::InvalidArgument("invalid_date", "until must not be after today (" + FormatDate(today) + ")",
                                   until ? "until" : "since");
  }
  if (!since && default_days == 0) return Status::InvalidArgument("invalid_date", "since is required", "since");
  Date first = AddDays(last, 1 - default_days);
  if (since) {
    const std::optional<Date> parsed = ParseDate(*since);
    if (!parsed) return Status::InvalidArgument("invalid_date", "since must be a date as YYYY-MM-DD", "since");
    first = *parsed;
  }
  const DateRange range{first, last};
  if (range.days() < 1) {
    return Status::InvalidArgument("invalid_date", until ? "since must not be after until" : "since must not be after today",
                                   "since");
  }
  if (range.days() > max_days) {
    return Status::InvalidArgument("invalid_date", "a range covers at most " + std::to_string(max_days) + " days",
                                   "since");
  }
  return range;
}

}  // namespace tranche
