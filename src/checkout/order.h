// Orders after authorization (pure): the amounts and statuses of PRODUCT.md and the
// only legal transitions between them. Every function returns the new order or a
// refusal, and never changes its argument.
//
//   authorized ──capture (part)──► part_captured ──capture (rest)──► captured
//        │                              │                              │
//        ├──cancel / expiry──► cancelled / expired                     │
//        │                              └──cancel / expiry──► captured (rest released)
//        └─ refunds of everything captured, nothing left to capture ──► closed
#pragma once

#include <string>

#include "core/money.h"
#include "core/time.h"

namespace tranche::checkout {

// An authorization is valid for 28 days.
inline constexpr std::chrono::hours kAuthorizationLifetime{24 * 28};

enum class OrderStatus : std::uint8_t {
  kAuthorized, kPartCaptured, kCaptured, kCancelled, kExpired, kClosed
};

std::string_view OrderStatusName(OrderStatus s);

struct OrderAmounts {
  Money authorized;
  Money captured;
  Money refunded;
  Money released;  // authorization given up by cancel or expiry
};

struct OrderState {
  OrderStatus status;
  OrderAmounts amounts;
  Instant authorization_expires_at;
};

// A new order for an approved authorization of `amount` granted at `authorized_at`.
OrderState NewOrder(Money amount, Instant authorized_at);

// What can still be captured: authorized − captured − released.
Money RemainingAuthorized(const OrderState& o);
// What can still be refunded: captured − refunded.
Money Refundable(const OrderState& o);

Result<OrderState> Capture(const OrderState& o, Money amount, Instant now);
Result<OrderState> Refund(const OrderState& o, Money amount);
Result<OrderState> Cancel(const OrderState& o);
// Releases what is left when the authorization has expired at `now`; an order with
// nothing left, or not yet expired, is returned unchanged.
OrderState Expire(const OrderState& o, Instant now);

}  // namespace tranche::checkout
