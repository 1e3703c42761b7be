#include "core/date_range.h"

#include <gtest/gtest.h>

namespace tranche {
namespace {

const Date kToday = *ParseDate("2026-03-10");

TEST(DateRange, DefaultsToTheLastDaysUpToToday) {
  auto r = ParseDateRange(std::nullopt, std::nullopt, kToday, 30, 366);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(FormatDate(r->first), "2026-02-09");
  EXPECT_EQ(FormatDate(r->last), "2026-03-10");
  EXPECT_EQ(r->days(), 30);
  EXPECT_EQ(r->to(), *ParseRfc3339("2026-03-11T00:00:00Z"));
  r = ParseDateRange(std::nullopt, "2026-03-01", kToday, 7, 366);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(FormatDate(r->first), "2026-02-23");
  EXPECT_EQ(r->from(), *ParseRfc3339("2026-02-23T00:00:00Z"));
}

TEST(DateRange, RefusesWhatIsNotARangeUpToToday) {
  const auto refused = [](std::optional<std::string_view> since, std::optional<std::string_view> until,
                          int default_days, std::string_view param) {
    const auto r = ParseDateRange(since, until, kToday, default_days, 366);
    ASSERT_FALSE(r.ok()) << since.value_or("-");
    EXPECT_EQ(r.status().code(), "invalid_date");
    EXPECT_EQ(r.status().param(), param);
  };
  refused(std::nullopt, std::nullopt, 0, "since");  // required without a default
  refused("2026-3-1", std::nullopt, 30, "since");
  refused("2026-03-01", "2026-02-30", 30, "until");
  refused("2026-03-01", "2026-03-11", 30, "until");  // after today
  refused("2026-03-11", std::nullopt, 30, "since");  // after today
  refused("2026-03-05", "2026-03-04", 30, "since");
  refused("2025-03-09", std::nullopt, 30, "since");  // 367 days
  EXPECT_TRUE(ParseDateRange("2025-03-10", std::nullopt, kToday, 30, 366).ok());  // 366 days
}

}  // namespace
}  // namespace tranche
