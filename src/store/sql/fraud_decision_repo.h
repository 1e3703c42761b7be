// Fraud decisions (and the credit activity they read) in SQLite: the implementation of
// the port it includes, on one connection, inside whatever transaction the store has
// open on it.
#pragma once

#include <string>
#include <vector>

#include "fraud/decision_repo.h"
#include "store/sql/connection.h"

namespace tranche::store::sql {

class SqlFraudDecisionRepo final : public fraud::DecisionRepo {
 public:
  explicit SqlFraudDecisionRepo(Connection& c) : c_(c) {}
  Status Insert(const fraud::FraudDecision& d) override;
  Result<std::optional<fraud::FraudDecision>> Find(std::string_view id) override;
  Result<std::vector<fraud::FraudDecision>> ListSince(Instant since, std::size_t limit) override;
  Result<std::vector<fraud::FraudDecision>> ListPage(Instant from, Instant to, const fraud::FraudDecision* after,
                                                     std::size_t limit) override;
  Result<std::vector<fraud::DecisionOutcome>> ListOutcomes(Instant from, Instant to, std::size_t limit) override;
  Result<std::vector<fraud::DecisionDayCounts>> CountByDay(Instant from, Instant to, std::size_t max_days) override;
  Result<std::optional<fraud::FraudDecision>> FindByCredit(std::string_view credit_decision_id) override;
  Result<std::vector<fraud::ScreenedAuthorization>> ListScreened(Instant since, const fraud::ScreenedAuthorization* after,
                                                                 std::size_t limit) override;
  Result<fraud::ConsumerActivity> Activity(std::string_view consumer_id, Currency currency, Instant since) override;

 private:
  Connection& c_;
  // The last decision's feature names and their catalogue's key and JSON. A transaction
  // stores many decisions made from one catalogue, so its names are serialised and
  // hashed once; the catalogue row is still written with every decision.
  std::vector<std::string> catalogue_names_;
  std::string catalogue_id_;
  std::string catalogue_json_;
};

}  // namespace tranche::store::sql
