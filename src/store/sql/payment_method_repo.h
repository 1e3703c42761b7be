// Consumers' payment methods in SQLite: the implementation of the port it includes, on
// one connection, inside whatever transaction the store has open on it.
#pragma once

#include "payments/payment_method_repo.h"
#include "store/sql/connection.h"

namespace tranche::store::sql {

class SqlPaymentMethodRepo final : public payments::PaymentMethodRepo {
 public:
  explicit SqlPaymentMethodRepo(Connection& c) : c_(c) {}
  Result<std::optional<payments::PaymentMethod>> FindSet(std::string_view consumer_id) override;
  Status Set(std::string_view consumer_id, const payments::PaymentMethod& m) override;

 private:
  Connection& c_;
};

}  // namespace tranche::store::sql
