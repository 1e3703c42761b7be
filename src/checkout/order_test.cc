#include "checkout/order.h"

#include <gtest/gtest.h>

namespace tranche::checkout {
namespace {

const Instant kT0 = *ParseRfc3339("2026-11-26T10:00:00Z");
Money Usd(std::int64_t m) { return Money(m, Currency::kUSD); }

TEST(OrderTest, PartialCapturesThenRefundThenCancelTheRest) {
  OrderState o = NewOrder(Usd(10000), kT0);
  EXPECT_EQ(o.status, OrderStatus::kAuthorized);
  EXPECT_EQ(o.authorization_expires_at, kT0 + std::chrono::hours(24 * 28));
  o = *Capture(o, Usd(3000), kT0);
  EXPECT_EQ(o.status, OrderStatus::kPartCaptured);
  o = *Capture(o, Usd(2000), kT0);
  EXPECT_EQ(RemainingAuthorized(o), Usd(5000));
  o = *Refund(o, Usd(1000));
  EXPECT_EQ(Refundable(o), Usd(4000));
  EXPECT_EQ(o.status, OrderStatus::kPartCaptured);
  o = *Cancel(o);
  EXPECT_EQ(o.status, OrderStatus::kCaptured);  // the rest released, captures stand
  EXPECT_EQ(RemainingAuthorized(o), Usd(0));
  EXPECT_EQ(o.amounts.released, Usd(5000));
  o = *Refund(o, Usd(4000));
  EXPECT_EQ(o.status, OrderStatus::kClosed);
}

TEST(OrderTest, IllegalTransitionsAreRefusedWithClearCodes) {
  const OrderState o = NewOrder(Usd(10000), kT0);
  EXPECT_EQ(Capture(o, Usd(10001), kT0).status().code(), "capture_exceeds_authorization");
  EXPECT_EQ(Refund(o, Usd(1)).status().code(), "refund_exceeds_captured");
  EXPECT_EQ(Capture(o, Usd(0), kT0).status().code(), "parameter_out_of_range");
  EXPECT_EQ(Capture(o, Money(100, Currency::kEUR), kT0).status().code(), "currency_mismatch");
  const OrderState cancelled = *Cancel(o);
  EXPECT_EQ(cancelled.status, OrderStatus::kCancelled);
  EXPECT_EQ(Capture(cancelled, Usd(1), kT0).status().code(), "order_not_capturable");
  EXPECT_EQ(Cancel(cancelled).status().code(), "order_not_cancellable");
  const OrderState full = *Capture(o, Usd(10000), kT0);
  EXPECT_EQ(full.status, OrderStatus::kCaptured);
  EXPECT_EQ(Capture(full, Usd(1), kT0).status().code(), "order_not_capturable");
  EXPECT_EQ(Refund(full, Usd(10001)).status().code(), "refund_exceeds_captured");
}

TEST(OrderTest, AuthorizationsExpireAfter28Days) {
  const OrderState o = NewOrder(Usd(10000), kT0);
  const Instant day27 = kT0 + std::chrono::hours(24 * 27);
  const Instant day28 = kT0 + std::chrono::hours(24 * 28);
  EXPECT_EQ(Expire(o, day27).status, OrderStatus::kAuthorized);
  EXPECT_EQ(Capture(o, Usd(1), day28).status().code(), "authorization_expired");
  const OrderState expired = Expire(o, day28);
  EXPECT_EQ(expired.status, OrderStatus::kExpired);
  EXPECT_EQ(expired.amounts.released, Usd(10000));
  const OrderState part = Expire(*Capture(o, Usd(2500), day27), day28);
  EXPECT_EQ(part.status, OrderStatus::kCaptured);
  EXPECT_EQ(RemainingAuthorized(part), Usd(0));
  EXPECT_EQ(Expire(part, day28 + std::chrono::hours(1)).amounts.released, Usd(7500));
}

// Whatever the sequence, captured ≤ authorized − released and refunded ≤ captured.
TEST(OrderTest, AmountsStayConsistentUnderRandomSequences) {
  std::uint64_t seed = 42;
  auto next = [&seed](std::int64_t n) {
    seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<std::int64_t>((seed >> 33) % static_cast<std::uint64_t>(n));
  };
  for (int run = 0; run < 500; ++run) {
    OrderState o = NewOrder(Usd(1 + next(100000)), kT0);
    for (int step = 0; step < 12; ++step) {
      const Money amount = Usd(1 + next(40000));
      switch (next(4)) {
        case 0: if (auto r = Capture(o, amount, kT0); r.ok()) o = *r; break;
        case 1: if (auto r = Refund(o, amount); r.ok()) o = *r; break;
        case 2: if (next(5) == 0) { if (auto r = Cancel(o); r.ok()) o = *r; } break;
        default: break;
      }
      const auto& a = o.amounts;
      ASSERT_LE(a.captured.minor() + a.released.minor(), a.authorized.minor());
      ASSERT_LE(a.refunded.minor(), a.captured.minor());
      ASSERT_GE(RemainingAuthorized(o).minor(), 0);
    }
  }
}

}  // namespace
}  // namespace tranche::checkout
