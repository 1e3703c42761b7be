// Fraud reviews in SQLite: the implementation of the port it includes, on one
// connection, inside whatever transaction the store has open on it.
#pragma once

#include "fraud/review_repo.h"
#include "store/sql/connection.h"

namespace tranche::store::sql {

class SqlFraudReviewRepo final : public fraud::ReviewRepo {
 public:
  explicit SqlFraudReviewRepo(Connection& c) : c_(c) {}
  Status Insert(const fraud::Review& r) override;
  Status Update(const fraud::Review& r) override;
  Result<std::optional<fraud::Review>> Find(std::string_view id) override;
  Result<std::optional<fraud::Review>> FindByAuthorization(std::string_view authorization_id) override;
  Result<std::vector<fraud::Review>> List(const fraud::ReviewFilter& filter, std::string_view after_id,
                                          std::size_t limit) override;
  Result<std::int64_t> CountPending() override;

 private:
  Connection& c_;
};

}  // namespace tranche::store::sql
