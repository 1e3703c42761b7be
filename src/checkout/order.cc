#include "checkout/order.h"

namespace tranche::checkout {

namespace {

bool CanCapture(OrderStatus s) {
  return s == OrderStatus::kAuthorized || s == OrderStatus::kPartCaptured;
}

Money Sub(Money a, Money b) {
  auto r = a.Minus(b);
  TRANCHE_ASSERT(r.ok());  // amounts are bounded inputs in one currency
  return *r;
}

Money Add(Money a, Money b) {
  auto r = a.Plus(b);
  TRANCHE_ASSERT(r.ok());
  return *r;
}

Status CheckAmount(const OrderState& o, Money amount) {
  if (amount.currency() != o.amounts.authorized.currency()) {
    return Status::InvalidArgument("currency_mismatch", "the amount is not in the order's currency",
                                   "amount");
  }
  if (amount.minor() <= 0) {
    return Status::InvalidArgument("parameter_out_of_range", "the amount must be positive", "amount");
  }
  return Status::Ok();
}

// After captures, refunds and releases: closed when nothing can be captured or
// refunded any more and something was captured.
OrderStatus Settle(const OrderState& o) {
  if (o.status == OrderStatus::kCancelled || o.status == OrderStatus::kExpired) return o.status;
  if (o.amounts.captured.is_zero()) return o.status;
  if (!RemainingAuthorized(o).is_zero()) return OrderStatus::kPartCaptured;
  return Refundable(o).is_zero() ? OrderStatus::kClosed : OrderStatus::kCaptured;
}

}  // namespace

std::string_view OrderStatusName(OrderStatus s) {
  switch (s) {
    case OrderStatus::kAuthorized: return "authorized";
    case OrderStatus::kPartCaptured: return "part_captured";
    case OrderStatus::kCaptured: return "captured";
    case OrderStatus::kCancelled: return "cancelled";
    case OrderStatus::kExpired: return "expired";
    case OrderStatus::kClosed: return "closed";
  }
  TRANCHE_ASSERT_MSG(false, "unknown order status");
  return "";
}

OrderState NewOrder(Money amount, Instant authorized_at) {
  TRANCHE_ASSERT(amount.minor() > 0);
  const Money zero = Money::Zero(amount.currency());
  return OrderState{OrderStatus::kAuthorized, {amount, zero, zero, zero},
                    authorized_at + kAuthorizationLifetime};
}

Money RemainingAuthorized(const OrderState& o) {
  return Sub(Sub(o.amounts.authorized, o.amounts.captured), o.amounts.released);
}

Money Refundable(const OrderState& o) { return Sub(o.amounts.captured, o.amounts.refunded); }

Result<OrderState> Capture(const OrderState& o, Money amount, Instant now) {
  TRANCHE_RETURN_IF_ERROR(CheckAmount(o, amount));
  if (!CanCapture(o.status)) {
    return Status::BusinessRule("order_not_capturable",
                                "a " + std::string(OrderStatusName(o.status)) +
                                    " order cannot be captured");
  }
  if (now >= o.authorization_expires_at) {
    return Status::BusinessRule("authorization_expired", "the authorization has expired");
  }
  if (amount.minor() > RemainingAuthorized(o).minor()) {
    return Status::BusinessRule("capture_exceeds_authorization",
                                "at most " + FormatMoney(RemainingAuthorized(o)) +
                                    " can still be captured", "amount");
  }
  OrderState next = o;
  next.amounts.captured = Add(o.amounts.captured, amount);
  next.status = OrderStatus::kPartCaptured;
  next.status = Settle(next);
  return next;
}

Result<OrderState> Refund(const OrderState& o, Money amount) {
  TRANCHE_RETURN_IF_ERROR(CheckAmount(o, amount));
  if (amount.minor() > Refundable(o).minor()) {
    return Status::BusinessRule("refund_exceeds_captured",
                                "at most " + FormatMoney(Refundable(o)) + " can be refunded",
                                "amount");
  }
  OrderState next = o;
  next.amounts.refunded = Add(o.amounts.refunded, amount);
  next.status = Settle(next);
  return next;
}

Result<OrderState> Cancel(const OrderState& o) {
  if (!CanCapture(o.status)) {
    return Status::BusinessRule("order_not_cancellable",
                                "a " + std::string(OrderStatusName(o.status)) +
                                    " order has no authorization left to cancel");
  }
  OrderState next = o;
  next.amounts.released = Add(o.amounts.released, RemainingAuthorized(o));
  next.status = o.amounts.captured.is_zero() ? OrderStatus::kCancelled : Settle(next);
  return next;
}

OrderState Expire(const OrderState& o, Instant now) {
  if (!CanCapture(o.status) || now < o.authorization_expires_at) return o;
  OrderState next = o;
  next.amounts.released = Add(o.amounts.released, RemainingAuthorized(o));
  next.status = o.amounts.captured.is_zero() ? OrderStatus::kExpired : Settle(next);
  return next;
}

}  // namespace tranche::checkout
