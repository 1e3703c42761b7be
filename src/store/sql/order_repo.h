// Authorizations, orders, captures and refunds in SQLite: the implementation of the
// port it includes, on one connection, inside whatever transaction the store has open
// on it.
#pragma once

#include "checkout/order_repo.h"
#include "store/sql/connection.h"

namespace tranche::store::sql {

class SqlOrderRepo final : public checkout::OrderRepo {
 public:
  explicit SqlOrderRepo(Connection& c) : c_(c) {}
  Status InsertAuthorization(const checkout::Authorization& a) override;
  Result<std::optional<checkout::Authorization>> FindAuthorization(std::string_view id) override;
  Status AttachOrder(std::string_view authorization_id, std::string_view order_id) override;
  Status ReleaseAuthorization(std::string_view authorization_id, Instant at) override;
  Status InsertOrder(const checkout::Order& o) override;
  Result<std::optional<checkout::Order>> FindOrder(std::string_view id) override;
  Status UpdateOrderState(const checkout::Order& o) override;
  Result<std::vector<checkout::Order>> ListOrders(std::string_view merchant_id,
                                                  std::string_view after_id,
                                                  std::size_t limit) override;
  Result<std::vector<checkout::Order>> ListExpired(Instant now, std::size_t limit) override;
  Status InsertCapture(const checkout::CaptureRecord& c) override;
  Result<std::vector<checkout::CaptureRecord>> ListCaptures(std::string_view order_id) override;
  Status InsertRefund(const checkout::RefundRecord& r) override;
  Result<std::vector<checkout::RefundRecord>> ListRefunds(std::string_view order_id) override;
  Result<Money> OpenAuthorizations(std::string_view consumer_id, Currency currency,
                                   Instant now) override;

 private:
  Connection& c_;
};

}  // namespace tranche::store::sql
