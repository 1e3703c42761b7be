// Checkout sessions in SQLite: the implementation of the port it includes, on one
// connection, inside whatever transaction the store has open on it.
#pragma once

#include "checkout/session_repo.h"
#include "store/sql/connection.h"

namespace tranche::store::sql {

class SqlSessionRepo final : public checkout::SessionRepo {
 public:
  explicit SqlSessionRepo(Connection& c) : c_(c) {}
  Status Insert(const checkout::CheckoutSession& s) override;
  Result<std::optional<checkout::CheckoutSession>> Find(std::string_view id) override;
  Result<std::optional<checkout::CheckoutSession>> FindByClientTokenHash(
      const std::array<std::uint8_t, 32>& hash) override;
  Status SetStatus(std::string_view id, checkout::SessionStatus status) override;

 private:
  Connection& c_;
};

}  // namespace tranche::store::sql
