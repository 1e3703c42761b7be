#include "core/status.h"

#include <gtest/gtest.h>

namespace tranche {
namespace {

Result<int> Half(int x) {
  if (x % 2 != 0) return Status::InvalidArgument("odd", "not even", "x");
  return x / 2;
}

Result<int> Quarter(int x) {
  TRANCHE_ASSIGN_OR_RETURN(int h, Half(x));
  return Half(h);
}

TEST(StatusTest, ResultCarriesValueOrStatus) {
  EXPECT_EQ(*Quarter(8), 2);
  auto r = Quarter(6);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), "odd");
  EXPECT_EQ(r.status().param(), "x");
  EXPECT_EQ(r.status().category(), StatusCategory::kInvalidArgument);
}

TEST(StatusDeathTest, ValueOfFailedResultAborts) {
  EXPECT_DEATH((void)Quarter(6).value(), "value\\(\\) on a failed Result");
}

}  // namespace
}  // namespace tranche
