// Storage port for credit decisions: each is kept with the request it was made on, so
// it can be explained to the consumer and the regulator and replayed exactly.
#pragma once

#include <optional>
#include <vector>

#include "risk/decider.h"

namespace tranche::risk {

struct DecisionRecord {
  std::string id;  // dec_...
  std::string session_id;
  std::string merchant_id;
  std::string consumer_id;
  DecisionRequest request;
  Decision decision;
  Instant created_at;
};

class DecisionRepo {
 public:
  virtual ~DecisionRepo() = default;
  virtual Status Insert(const DecisionRecord& d) = 0;
  virtual Result<std::optional<DecisionRecord>> Find(std::string_view id) = 0;
  // Decisions made at or after `since`, oldest first; at most `limit`.
  virtual Result<std::vector<DecisionRecord>> ListSince(Instant since, std::size_t limit) = 0;
  // Of the approved decisions made at or after `since` whose purchase has an instalment
  // due on or before `cutoff` (their outcome can be seen): the ids, and which of them
  // still have such an instalment unpaid (in default by that measure).
  struct Outcomes {
    std::vector<std::string> matured;
    std::vector<std::string> defaulted;
  };
  virtual Result<Outcomes> OutcomesSince(Instant since, Date cutoff) = 0;
};

}  // namespace tranche::risk
