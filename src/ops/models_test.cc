#include "ops/models.h"

#include <gtest/gtest.h>

namespace tranche::ops {
namespace {

struct Row {
  int id = 0;
  Instant created_at;
};

TEST(ModelsTest, FirstInWindowKeepsTheWindowAndSaysWhenTheCapWasHit) {
  const Instant t0 = *ParseRfc3339("2026-11-01T00:00:00Z");
  const auto at = [&](int days) { return t0 + std::chrono::days(days); };
  const Instant to = at(3);
  // Read with a limit of cap + 1 = 3: three rows, all in the window: capped.
  auto [kept, capped] = FirstInWindow(std::vector<Row>{{1, at(0)}, {2, at(1)}, {3, at(2)}}, to, 2);
  ASSERT_EQ(kept.size(), 2u);
  EXPECT_EQ(kept[1].id, 2);
  EXPECT_TRUE(capped);
  // The third row is after the window: the window held only two, not capped.
  auto [inside, more] = FirstInWindow(std::vector<Row>{{1, at(0)}, {2, at(1)}, {3, at(3)}}, to, 2);
  EXPECT_EQ(inside.size(), 2u);
  EXPECT_FALSE(more);
  auto [none, empty_capped] = FirstInWindow(std::vector<Row>{}, to, 2);
  EXPECT_TRUE(none.empty());
  EXPECT_FALSE(empty_capped);
}

}  // namespace
}  // namespace tranche::ops
