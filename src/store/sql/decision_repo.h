// Credit decisions in SQLite: the implementation of the port it includes, on one
// connection, inside whatever transaction the store has open on it.
#pragma once

#include "risk/decision_repo.h"
#include "store/sql/connection.h"

namespace tranche::store::sql {

class SqlDecisionRepo final : public risk::DecisionRepo {
 public:
  explicit SqlDecisionRepo(Connection& c) : c_(c) {}
  Status Insert(const risk::DecisionRecord& d) override;
  Result<std::optional<risk::DecisionRecord>> Find(std::string_view id) override;
  Result<std::vector<risk::DecisionRecord>> ListByConsumer(std::string_view consumer_id, std::string_view after_id,
                                                           std::size_t limit) override;
  Result<std::vector<risk::DecisionRecord>> ListSince(Instant since, std::size_t limit) override;
  Result<Outcomes> OutcomesSince(Instant since, Date cutoff) override;
  Result<std::vector<risk::DecisionOutcome>> ListOutcomes(Instant from, Instant to, Date cutoff,
                                                          std::size_t limit) override;

 private:
  Connection& c_;
};

}  // namespace tranche::store::sql
