// Consumers and their credit limits in SQLite: the implementation of the port it
// includes, on one connection, inside whatever transaction the store has open on it.
#pragma once

#include "merchants/merchant_repo.h"
#include "store/sql/connection.h"

namespace tranche::store::sql {

class SqlConsumerRepo final : public merchants::ConsumerRepo {
 public:
  explicit SqlConsumerRepo(Connection& c) : c_(c) {}
  Status Insert(const merchants::Consumer& c) override;
  Result<std::optional<merchants::Consumer>> Find(std::string_view id) override;
  Result<std::optional<merchants::Consumer>> FindByEmail(std::string_view email) override;
  Result<std::optional<Money>> FindLimit(std::string_view consumer_id, Currency currency) override;
  Status SetLimit(std::string_view consumer_id, Money limit) override;
  Result<std::vector<Money>> ListLimits(std::string_view consumer_id) override;

 private:
  Connection& c_;
};

}  // namespace tranche::store::sql
