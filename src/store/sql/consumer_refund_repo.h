// Consumer refunds in SQLite: the implementation of the port it includes, on one
// connection, inside whatever transaction the store has open on it.
#pragma once

#include "servicing/consumer_refund_repo.h"
#include "store/sql/connection.h"

namespace tranche::store::sql {

class SqlConsumerRefundRepo final : public servicing::ConsumerRefundRepo {
 public:
  explicit SqlConsumerRefundRepo(Connection& c) : c_(c) {}
  Status Insert(const servicing::ConsumerRefund& r) override;
  Status Update(const servicing::ConsumerRefund& r) override;
  Result<std::vector<servicing::ConsumerRefund>> ListInStatus(servicing::CollectionStatus status,
                                                              std::string_view after_id, std::size_t limit) override;
  Result<std::vector<servicing::OwedRefund>> ListOwed(std::size_t limit) override;

 private:
  Connection& c_;
};

}  // namespace tranche::store::sql
