// Customer contacts people handled, in SQL: the implementation of the port it includes,
// on one connection, inside whatever transaction the store has open on it.
#pragma once

#include "servicing/contact_repo.h"
#include "store/sql/connection.h"

namespace tranche::store::sql {

class SqlContactRepo final : public servicing::ContactRepo {
 public:
  explicit SqlContactRepo(Connection& c) : c_(c) {}
  Status Insert(const servicing::Contact& c) override;
  Result<std::optional<servicing::Contact>> Find(std::string_view id) override;
  Result<std::vector<servicing::Contact>> List(std::string_view after_id, std::size_t limit) override;
  Result<std::vector<servicing::Contact>> ListStarted(Instant from, Instant to, std::size_t limit) override;

 private:
  Connection& c_;
};

}  // namespace tranche::store::sql
