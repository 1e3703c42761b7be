#include "fleet/lease.h"

#include <gtest/gtest.h>

namespace tranche::fleet {
namespace {

const Instant kT0 = *ParseRfc3339("2026-12-02T10:00:00Z");
constexpr std::chrono::microseconds kTtl = std::chrono::seconds(30);

TEST(LeaseTest, AFreeLeaseIsTakenAtEpochOne) {
  const auto l = Acquire(std::nullopt, "maintenance", "node_a", kT0, kTtl);
  ASSERT_TRUE(l.has_value());
  EXPECT_EQ(l->holder, "node_a");
  EXPECT_EQ(l->epoch, 1);
  EXPECT_EQ(l->expires_at, kT0 + kTtl);
}

TEST(LeaseTest, ALiveLeaseIsRenewedForItsHolderAndRefusedToOthers) {
  const Lease held{"maintenance", "node_a", 4, kT0 + kTtl};
  const auto again = Acquire(held, "maintenance", "node_a", kT0 + std::chrono::seconds(10), kTtl);
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(again->epoch, 4);  // same epoch: the holder's work goes on
  EXPECT_EQ(again->expires_at, kT0 + std::chrono::seconds(10) + kTtl);
  EXPECT_FALSE(Acquire(held, "maintenance", "node_b", kT0 + std::chrono::seconds(10), kTtl).has_value());
}

TEST(LeaseTest, AnExpiredLeaseChangesHandsWithANewEpoch) {
  const Lease held{"maintenance", "node_a", 4, kT0 + kTtl};
  const auto taken = Acquire(held, "maintenance", "node_b", kT0 + kTtl, kTtl);
  ASSERT_TRUE(taken.has_value());
  EXPECT_EQ(taken->holder, "node_b");
  EXPECT_EQ(taken->epoch, 5);
  // The old holder taking it back after expiry also gets a new epoch.
  EXPECT_EQ(Acquire(held, "maintenance", "node_a", kT0 + kTtl, kTtl)->epoch, 5);
}

TEST(LeaseTest, RenewFencesOffAStaleHolder) {
  const Lease mine{"maintenance", "node_a", 4, kT0 + kTtl};
  auto renewed = Renew(mine, mine, kT0 + std::chrono::seconds(5), kTtl);
  ASSERT_TRUE(renewed.ok());
  EXPECT_EQ(renewed->expires_at, kT0 + std::chrono::seconds(5) + kTtl);
  const Lease taken_over{"maintenance", "node_b", 5, kT0 + 3 * kTtl};
  EXPECT_EQ(Renew(taken_over, mine, kT0 + std::chrono::seconds(5), kTtl).status().code(), "lease_lost");
  EXPECT_EQ(Renew(mine, mine, kT0 + kTtl, kTtl).status().code(), "lease_lost");  // expired
  EXPECT_EQ(Renew(std::nullopt, mine, kT0, kTtl).status().code(), "lease_lost");
}

}  // namespace
}  // namespace tranche::fleet
