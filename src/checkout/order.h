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

#include <optional>
#include <string>

#include "core/money.h"
#include "core/time.h"
#include "lending/product.h"

namespace tranche::checkout {

// An authorization is valid for 28 days.
inline constexpr std::chrono::hours kAuthorizationLifetime{24 * 28};
inline constexpr std::size_t kMaxShippingFieldChars = 100;
inline constexpr std::size_t kMaxRefundReasonChars = 500;

enum class OrderStatus : std::uint8_t {
  kAuthorized, kPartCaptured, kCaptured, kCancelled, kExpired, kClosed
};
inline constexpr OrderStatus kAllOrderStatuses[] = {
    OrderStatus::kAuthorized, OrderStatus::kPartCaptured, OrderStatus::kCaptured,
    OrderStatus::kCancelled,  OrderStatus::kExpired,      OrderStatus::kClosed};

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

// An approved credit decision for one checkout session: what the merchant turns into
// an order. Valid for kAuthorizationLifetime; one order at most.
struct Authorization {
  std::string id;  // auth_...
  std::string session_id;
  std::string merchant_id;
  std::string consumer_id;
  std::string decision_id;
  lending::ProductKind product;
  Money amount;
  std::int64_t apr_bps = 0;
  Instant created_at;
  Instant expires_at;
  std::optional<std::string> order_id;
};

struct Order {
  std::string id;  // ord_...
  std::string merchant_id;
  std::string consumer_id;
  std::string authorization_id;
  std::string merchant_reference;
  lending::ProductKind product;
  std::int64_t apr_bps = 0;
  OrderState state;
  Instant created_at;
};

struct ShippingInfo {
  std::string carrier;
  std::string tracking_number;
};

struct CaptureRecord {
  std::string id;  // cap_...
  std::string order_id;
  std::string plan_id;
  Money amount;
  std::optional<ShippingInfo> shipping;
  Instant created_at;
};

struct RefundRecord {
  std::string id;  // rfd_...
  std::string order_id;
  Money amount;
  Money to_consumer;  // the part returned to the consumer rather than taken off plans
  std::string reason;
  Instant created_at;
  // The operator who refunded for a merchant not trading (origination::RefundForMerchant);
  // empty: the merchant.
  std::string refunded_by = {};
};

}  // namespace tranche::checkout
