// Fraud rule set versions in SQLite: the implementation of the port it includes, on one
// connection, inside whatever transaction the store has open on it.
#pragma once

#include "fraud/rules_repo.h"
#include "store/sql/connection.h"

namespace tranche::store::sql {

class SqlFraudRulesRepo final : public fraud::RulesRepo {
 public:
  explicit SqlFraudRulesRepo(Connection& c) : c_(c) {}
  Result<std::optional<fraud::RulesVersion>> Current() override;
  Result<std::optional<fraud::RulesVersion>> Find(std::int64_t version) override;
  Status Insert(const fraud::RulesVersion& v) override;
  Result<std::vector<fraud::RulesVersion>> List(std::int64_t before, std::size_t limit) override;

 private:
  Connection& c_;
};

}  // namespace tranche::store::sql
