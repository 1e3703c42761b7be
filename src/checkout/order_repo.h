// Storage port for authorizations, orders, captures and refunds.
#pragma once

#include <optional>
#include <vector>

#include "checkout/order.h"

namespace tranche::checkout {

class OrderRepo {
 public:
  virtual ~OrderRepo() = default;
  virtual Status InsertAuthorization(const Authorization& a) = 0;
  virtual Result<std::optional<Authorization>> FindAuthorization(std::string_view id) = 0;
  // Records that `order_id` was created from the authorization; Conflict if one was.
  virtual Status AttachOrder(std::string_view authorization_id, std::string_view order_id) = 0;
  // Ends an authorization without an order at `at` (a fraud review rejected it): from
  // then on it is expired, no longer counted open nor usable for an order.
  virtual Status ReleaseAuthorization(std::string_view authorization_id, Instant at) = 0;

  virtual Status InsertOrder(const Order& o) = 0;
  virtual Result<std::optional<Order>> FindOrder(std::string_view id) = 0;
  // Stores o.state (status and amounts).
  virtual Status UpdateOrderState(const Order& o) = 0;
  // The merchant's orders in id order after `after_id`; at most `limit`.
  virtual Result<std::vector<Order>> ListOrders(std::string_view merchant_id,
                                                std::string_view after_id, std::size_t limit) = 0;
  // Capturable orders whose authorization expired at or before `now`; at most `limit`.
  virtual Result<std::vector<Order>> ListExpired(Instant now, std::size_t limit) = 0;

  virtual Status InsertCapture(const CaptureRecord& c) = 0;
  virtual Result<std::vector<CaptureRecord>> ListCaptures(std::string_view order_id) = 0;
  virtual Status InsertRefund(const RefundRecord& r) = 0;
  virtual Result<std::vector<RefundRecord>> ListRefunds(std::string_view order_id) = 0;

  // What the consumer has been authorized for and may still be charged in `currency`
  // at `now`: authorizations without an order, and orders' remaining authorization,
  // both only while unexpired.
  virtual Result<Money> OpenAuthorizations(std::string_view consumer_id, Currency currency,
                                           Instant now) = 0;
};

}  // namespace tranche::checkout
