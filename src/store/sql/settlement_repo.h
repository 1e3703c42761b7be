// Settlements, with the ledger movements they are built from in SQLite: the
// implementation of the port it includes, on one connection, inside whatever
// transaction the store has open on it.
#pragma once

#include "settlement/settlement_repo.h"
#include "store/sql/connection.h"

namespace tranche::store::sql {

class SqlSettlementRepo final : public settlement::SettlementRepo {
 public:
  explicit SqlSettlementRepo(Connection& c) : c_(c) {}
  Result<std::vector<settlement::PayableAccount>> ListPayableAccounts() override;
  Result<std::vector<settlement::Movement>> ListMovements(const settlement::PayableAccount& a, std::int64_t after_seq,
                                                          Instant until, std::size_t limit) override;
  Result<std::optional<settlement::Settlement>> Latest(const settlement::PayableAccount& a) override;
  Status Insert(const settlement::Settlement& s) override;
  Result<std::optional<settlement::Settlement>> Find(std::string_view id) override;
  Result<std::vector<settlement::Settlement>> List(std::string_view merchant_id, std::string_view after_id,
                                                   std::size_t limit) override;
  Status InsertWriteOff(const settlement::DebtWriteOff& w) override;
  Result<std::vector<settlement::DebtWriteOff>> ListWriteOffs(std::string_view merchant_id,
                                                              std::size_t limit) override;

 private:
  Connection& c_;
};

}  // namespace tranche::store::sql
