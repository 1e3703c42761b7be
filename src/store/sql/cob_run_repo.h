// Closed business dates in SQLite: the implementation of the port it includes, on one
// connection, inside whatever transaction the store has open on it.
#pragma once

#include "servicing/cob_run_repo.h"
#include "store/sql/connection.h"

namespace tranche::store::sql {

class SqlCobRunRepo final : public servicing::CobRunRepo {
 public:
  explicit SqlCobRunRepo(Connection& c) : c_(c) {}
  Result<std::optional<Date>> LastClosedDate() override;
  Result<std::optional<servicing::CobRun>> Find(Date business_date) override;
  Result<std::vector<servicing::CobRun>> List(std::string_view before_date, std::size_t limit) override;
  Status Insert(const servicing::CobRun& r) override;

 private:
  Connection& c_;
};

}  // namespace tranche::store::sql
