// Storage port for fraud decisions, kept with every input they were made from, and
// the consumer activity the stored feature source reads.
#pragma once

#include <optional>
#include <vector>

#include "fraud/decision.h"

namespace tranche::fraud {

class DecisionRepo {
 public:
  virtual ~DecisionRepo() = default;
  virtual Status Insert(const FraudDecision& d) = 0;
  virtual Result<std::optional<FraudDecision>> Find(std::string_view id) = 0;
  // Decisions at or after `since`, oldest first, at most `limit` (backtests).
  virtual Result<std::vector<FraudDecision>> ListSince(Instant since, std::size_t limit) = 0;
  // The consumer's credit decisions at or after `since`.
  virtual Result<ConsumerActivity> Activity(std::string_view consumer_id, Currency currency, Instant since) = 0;
};

}  // namespace tranche::fraud
