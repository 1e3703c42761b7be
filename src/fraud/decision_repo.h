// Storage port for fraud decisions, kept with every input they were made from (the
// screened facts too, which rebuild the feature engine at start), and the consumer
// activity the stored feature source reads.
#pragma once

#include <optional>
#include <vector>

#include "core/time.h"
#include "fraud/decision.h"

namespace tranche::fraud {

// What became of one screening: the automation scorecard's view of it.
struct DecisionOutcome {
  std::string id;
  Instant created_at;
  Action action = Action::kAllow;
  bool labelled_fraud = false;  // some label says the authorization was fraud
};

// How screenings ended: how many each action decided and, of those held for review,
// how many reviews are pending, accepted and rejected now.
struct DecisionCounts {
  std::int64_t allow = 0;
  std::int64_t review = 0;
  std::int64_t block = 0;
  std::int64_t review_pending = 0;
  std::int64_t review_accepted = 0;
  std::int64_t review_rejected = 0;

  DecisionCounts& operator+=(const DecisionCounts& o) {
    allow += o.allow;
    review += o.review;
    block += o.block;
    review_pending += o.review_pending;
    review_accepted += o.review_accepted;
    review_rejected += o.review_rejected;
    return *this;
  }
  std::int64_t decisions() const { return allow + review + block; }
  friend bool operator==(const DecisionCounts&, const DecisionCounts&) = default;
};

// The screenings of one UTC date.
struct DecisionDayCounts {
  Date date;
  DecisionCounts counts;
};

class DecisionRepo {
 public:
  virtual ~DecisionRepo() = default;
  virtual Status Insert(const FraudDecision& d) = 0;
  virtual Result<std::optional<FraudDecision>> Find(std::string_view id) = 0;
  // Decisions at or after `since`, oldest first, at most `limit` (backtests).
  virtual Result<std::vector<FraudDecision>> ListSince(Instant since, std::size_t limit) = 0;
  // Decisions made in [from, to) in (time, id) order after `after` (none: from the
  // first), at most `limit`, with all their inputs: keyset pages of the decision log
  // (training reads it a page at a time, ops/fraud_training.h).
  virtual Result<std::vector<FraudDecision>> ListPage(Instant from, Instant to, const FraudDecision* after,
                                                      std::size_t limit) = 0;
  // Decisions made in [from, to), oldest first, at most `limit`: the action and whether a
  // label says fraud (no features, hits or facts are read).
  virtual Result<std::vector<DecisionOutcome>> ListOutcomes(Instant from, Instant to, std::size_t limit) = 0;
  // Decisions made in [from, to) counted per UTC date, oldest first: only dates with a
  // decision, at most `max_days` of them (the oldest). Precondition: from is not before
  // 1970 (the date is the unix-microsecond time divided by a day's, which truncates
  // toward zero).
  virtual Result<std::vector<DecisionDayCounts>> CountByDay(Instant from, Instant to, std::size_t max_days) = 0;
  // The fraud decision on the credit decision `credit_decision_id` (an authorization's).
  virtual Result<std::optional<FraudDecision>> FindByCredit(std::string_view credit_decision_id) = 0;
  // Screenings at or after `since` in (time, id) order after `after` (none: from the
  // first), at most `limit`; decisions stored without their facts (before schema 15)
  // are left out. The feature engine's rebuild at start-up reads them
  // (engine_source.h).
  virtual Result<std::vector<ScreenedAuthorization>> ListScreened(Instant since, const ScreenedAuthorization* after,
                                                                  std::size_t limit) = 0;

  // The consumer's credit decisions at or after `since`. Here rather than on
  // risk::DecisionRepo (which owns those records): it is fraud's aggregate over them,
  // read only by the stored feature source, and FeatureSource::Compute is given this
  // one port for its reads.
  virtual Result<ConsumerActivity> Activity(std::string_view consumer_id, Currency currency, Instant since) = 0;
};

}  // namespace tranche::fraud
