// Fraud labels in SQLite: the implementation of the port it includes, on one
// connection, inside whatever transaction the store has open on it.
#pragma once

#include "fraud/label_repo.h"
#include "store/sql/connection.h"

namespace tranche::store::sql {

class SqlFraudLabelRepo final : public fraud::LabelRepo {
 public:
  explicit SqlFraudLabelRepo(Connection& c) : c_(c) {}
  Status Insert(const fraud::Label& l) override;
  Result<std::vector<fraud::Label>> ListOfDecision(std::string_view fraud_decision_id) override;
  Result<std::vector<fraud::Label>> ListOfDecisions(std::span<const std::string> fraud_decision_ids) override;
  Result<std::vector<fraud::KnownFraud>> ListKnownFrauds(Instant since, std::size_t limit) override;

 private:
  Connection& c_;
};

}  // namespace tranche::store::sql
