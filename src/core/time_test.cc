#include "core/time.h"

#include <gtest/gtest.h>

#include "core/clock.h"

namespace tranche {
namespace {

TEST(TimeTest, Rfc3339RoundTrips) {
  auto t = ParseRfc3339("2026-02-28T23:59:59.123456Z");
  ASSERT_TRUE(t);
  EXPECT_EQ(FormatRfc3339(*t), "2026-02-28T23:59:59.123456Z");
  EXPECT_EQ(FormatRfc3339(*ParseRfc3339("1970-01-01T00:00:00Z")), "1970-01-01T00:00:00.000000Z");
  EXPECT_EQ(UnixMicros(*ParseRfc3339("1970-01-01T00:00:01.5Z")), 1'500'000);
}

TEST(TimeTest, RefusesMalformed) {
  EXPECT_FALSE(ParseRfc3339("2026-02-30T00:00:00Z"));
  EXPECT_FALSE(ParseRfc3339("2026-02-28 00:00:00Z"));
  EXPECT_FALSE(ParseRfc3339("2026-02-28T24:00:00Z"));
  EXPECT_FALSE(ParseRfc3339("2026-02-28T00:00:00+01:00"));
  EXPECT_FALSE(ParseRfc3339("2026-02-28T00:00:00.1234567Z"));
  EXPECT_FALSE(ParseDate("2026-13-01"));
  EXPECT_TRUE(ParseDate("2028-02-29"));
  EXPECT_FALSE(ParseDate("2027-02-29"));
}

TEST(ClockTest, SimulatedClockMovesOnlyWhenTold) {
  SimulatedClock c(*ParseRfc3339("2026-01-01T00:00:00Z"));
  EXPECT_EQ(FormatDate(DateOf(c.Now())), "2026-01-01");
  c.Advance(std::chrono::hours(36));
  EXPECT_EQ(FormatRfc3339(c.Now()), "2026-01-02T12:00:00.000000Z");
  c.Set(*ParseRfc3339("2026-03-01T00:00:00Z"));
  EXPECT_EQ(FormatDate(DateOf(c.Now())), "2026-03-01");
}

TEST(ClockDeathTest, SimulatedClockNeverGoesBack) {
  SimulatedClock c(*ParseRfc3339("2026-01-01T00:00:00Z"));
  EXPECT_DEATH(c.Set(*ParseRfc3339("2025-01-01T00:00:00Z")), "backwards");
}

}  // namespace
}  // namespace tranche
