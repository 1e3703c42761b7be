// Collections in SQLite: the implementation of the port it includes, on one connection,
// inside whatever transaction the store has open on it.
#pragma once

#include "servicing/collection_repo.h"
#include "store/sql/connection.h"

namespace tranche::store::sql {

class SqlCollectionRepo final : public servicing::CollectionRepo {
 public:
  explicit SqlCollectionRepo(Connection& c) : c_(c) {}
  Result<bool> Insert(const servicing::Collection& c) override;
  Status Update(const servicing::Collection& c) override;
  Result<std::optional<servicing::Collection>> Find(std::string_view id) override;
  Result<std::vector<servicing::Collection>> ListInStatus(servicing::CollectionStatus status,
                                                          std::string_view after_id, std::size_t limit) override;
  Result<std::vector<servicing::Collection>> ListOfPlan(std::string_view plan_id) override;
  Result<bool> HasOpen(std::string_view plan_id) override;
  Status LinkRequest(const servicing::PaymentRequest& r) override;
  Result<std::optional<servicing::PaymentRequest>> FindRequest(std::string_view consumer_id,
                                                               std::string_view key) override;
  Result<std::vector<servicing::FailedCollection>> ListFailed(Instant from, Instant to, std::size_t limit) override;

 private:
  Connection& c_;
};

}  // namespace tranche::store::sql
