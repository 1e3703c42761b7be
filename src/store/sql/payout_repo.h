// Payouts in SQLite: the implementation of the port it includes, on one connection,
// inside whatever transaction the store has open on it.
#pragma once

#include "settlement/payout_repo.h"
#include "store/sql/connection.h"

namespace tranche::store::sql {

class SqlPayoutRepo final : public settlement::PayoutRepo {
 public:
  explicit SqlPayoutRepo(Connection& c) : c_(c) {}
  Status Insert(const settlement::Payout& p) override;
  Status Update(const settlement::Payout& p) override;
  Result<std::optional<settlement::Payout>> Find(std::string_view id) override;
  Result<std::vector<settlement::Payout>> ListOfMerchant(std::string_view merchant_id, std::string_view after_id,
                                                         std::size_t limit) override;
  Result<std::vector<settlement::Payout>> ListInStatus(settlement::PayoutStatus status, std::string_view after_id,
                                                       std::size_t limit) override;

 private:
  Connection& c_;
};

}  // namespace tranche::store::sql
