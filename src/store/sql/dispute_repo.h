// Disputes in SQLite: the implementation of the port it includes, on one connection,
// inside whatever transaction the store has open on it.
#pragma once

#include "servicing/dispute_repo.h"
#include "store/sql/connection.h"

namespace tranche::store::sql {

class SqlDisputeRepo final : public servicing::DisputeRepo {
 public:
  explicit SqlDisputeRepo(Connection& c) : c_(c) {}
  Status Insert(const servicing::Dispute& d) override;
  Status Update(const servicing::Dispute& d) override;
  Result<std::optional<servicing::Dispute>> Find(std::string_view id) override;
  Result<std::optional<servicing::Dispute>> FindUnresolved(std::string_view order_id) override;
  Result<std::vector<servicing::Dispute>> List(std::optional<std::string_view> merchant_id,
                                               std::optional<std::string_view> consumer_id, std::string_view after_id,
                                               std::size_t limit) override;
  Result<std::vector<servicing::Dispute>> ListOpened(Instant from, Instant to, std::size_t limit) override;

 private:
  Connection& c_;
};

}  // namespace tranche::store::sql
