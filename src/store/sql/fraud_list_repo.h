// Fraud lists, their entries and versions in SQLite: the implementation of the port it
// includes, on one connection, inside whatever transaction the store has open on it.
#pragma once

#include "fraud/list_repo.h"
#include "store/sql/connection.h"

namespace tranche::store::sql {

class SqlFraudListRepo final : public fraud::ListRepo {
 public:
  explicit SqlFraudListRepo(Connection& c) : c_(c) {}
  Result<std::set<std::string, std::less<>>> Names() override;
  Result<std::optional<fraud::FraudList>> Find(std::string_view name) override;
  Status Save(const fraud::FraudList& list, const fraud::ListChange& change) override;
  Result<std::vector<fraud::ListVersion>> Versions(std::string_view name, std::int64_t before,
                                                   std::size_t limit) override;
  Result<fraud::ListLookups> Members(const fraud::ListLookups& asked) override;

 private:
  Connection& c_;
};

}  // namespace tranche::store::sql
