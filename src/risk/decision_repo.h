// Storage port for credit decisions: each is kept with the request it was made on, so
// it can be explained to the consumer and the regulator and replayed exactly.
#pragma once

#include <optional>
#include <vector>

#include "risk/decider.h"

namespace tranche::risk {

// Who applied, as presented at checkout: the applicant's word, kept with the decision.
// It never changes the consumer's stored profile — whoever holds a checkout's client
// token could present anything for a known email.
struct Applicant {
  std::string given_name;
  std::string family_name;
  std::string phone;
  std::string address_line1;
  std::string address_city;
  std::string address_postal_code;
  std::string address_country;
};

struct DecisionRecord {
  std::string id;  // dec_...
  std::string session_id;
  std::string merchant_id;
  std::string consumer_id;
  DecisionRequest request;
  Decision decision;
  Instant created_at;
  std::optional<Applicant> applicant = {};  // none for decisions made before it was kept
};

// What became of one credit decision: the automation scorecard's view of it.
struct DecisionOutcome {
  std::string id;
  Instant created_at;
  bool approved = false;
  bool defaulted = false;  // approved, and an instalment due on or before the cutoff is unpaid
};

class DecisionRepo {
 public:
  virtual ~DecisionRepo() = default;
  virtual Status Insert(const DecisionRecord& d) = 0;
  virtual Result<std::optional<DecisionRecord>> Find(std::string_view id) = 0;
  // The consumer's decisions in id (creation) order after `after_id`; at most `limit`.
  virtual Result<std::vector<DecisionRecord>> ListByConsumer(std::string_view consumer_id,
                                                             std::string_view after_id,
                                                             std::size_t limit) = 0;
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
  // Decisions made in [from, to), oldest first, at most `limit`, each with whether it
  // approved and (by OutcomesSince's measure) is in default at `cutoff`.
  virtual Result<std::vector<DecisionOutcome>> ListOutcomes(Instant from, Instant to, Date cutoff,
                                                            std::size_t limit) = 0;
};

}  // namespace tranche::risk
