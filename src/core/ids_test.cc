#include "core/ids.h"

#include <gtest/gtest.h>

#include <set>

namespace tranche {
namespace {

const Instant kStart = *ParseRfc3339("2026-11-26T10:00:00Z");

TEST(IdsTest, HavePrefixAndUlidShape) {
  SimulatedClock clock(kStart);
  SeededRandom random(1);
  IdGenerator ids(clock, random);
  const std::string id = ids.Next("ord");
  EXPECT_TRUE(IsValidId(id, "ord")) << id;
  EXPECT_EQ(id.size(), 4 + kUlidChars);
  EXPECT_FALSE(IsValidId(id, "cap"));
  EXPECT_EQ(IdMillis(id), UnixMillis(kStart));
}

TEST(IdsTest, StrictlyIncreaseWithinAndAcrossMilliseconds) {
  SimulatedClock clock(kStart);
  SeededRandom random(2);
  IdGenerator ids(clock, random);
  std::string last;
  for (int i = 0; i < 5000; ++i) {
    if (i % 100 == 0) clock.Advance(std::chrono::milliseconds(1));
    std::string id = ids.Next("je");
    EXPECT_LT(last, id);
    last = std::move(id);
  }
}

TEST(IdsTest, SortByTime) {
  SimulatedClock clock(kStart);
  SeededRandom random(3);
  IdGenerator ids(clock, random);
  const std::string early = ids.Next("mer");
  clock.Advance(std::chrono::hours(24 * 365));
  EXPECT_LT(early, ids.Next("mer"));
}

TEST(IdsTest, TheFloorOfAnInstantSortsBeforeEveryIdFromThenOnAndAfterEveryEarlierOne) {
  SimulatedClock clock(kStart);
  SeededRandom random(4);
  IdGenerator ids(clock, random);
  const std::string before = ids.Next("frv");
  clock.Advance(std::chrono::milliseconds(1));
  const std::string floor = IdFloor("frv", clock.Now());
  EXPECT_TRUE(IsValidId(floor, "frv")) << floor;
  EXPECT_EQ(IdMillis(floor), UnixMillis(clock.Now()));
  EXPECT_LT(before, floor);
  for (int i = 0; i < 100; ++i) EXPECT_LT(floor, ids.Next("frv"));
}

TEST(IdsTest, SameSeedSameIds) {
  SimulatedClock c1(kStart), c2(kStart);
  SeededRandom r1(42), r2(42);
  IdGenerator a(c1, r1), b(c2, r2);
  for (int i = 0; i < 10; ++i) EXPECT_EQ(a.Next("pln"), b.Next("pln"));
}

TEST(IdsTest, RejectsMalformed) {
  EXPECT_FALSE(IsValidId("ord_", "ord"));
  EXPECT_FALSE(IsValidId("ord_01JDQ3V6W4X8Y2Z0ABCDEFGHJ", "ord"));     // 25 chars
  EXPECT_FALSE(IsValidId("ord_01JDQ3V6W4X8Y2Z0ABCDEFGHJU", "ord"));    // U is not Crockford
  EXPECT_FALSE(IsValidId("ord_81JDQ3V6W4X8Y2Z0ABCDEFGHJK", "ord"));    // > 128 bits
  EXPECT_FALSE(IsValidId("ord-01JDQ3V6W4X8Y2Z0ABCDEFGHJK", "ord"));
  EXPECT_TRUE(IsValidId("ord_01JDQ3V6W4X8Y2Z0ABCDEFGHJK", "ord"));
}

}  // namespace
}  // namespace tranche
