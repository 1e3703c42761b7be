// The fraud decision at authorization: features → rules (+ the model's score when a
// scorer exists) → allow, review or block, kept with everything it was made from so it
// can be replayed (Replay) and explained to operators.
//
// The feature source and the scorer are ports, injected like risk::Decider: the
// platform wires EngineFeatureSource (engine_source.h: the streaming feature engine,
// fed after each commit) and, when a fraud model is configured, ModelScorer
// (model_scorer.h). StoredFeatureSource (decision_source.h) computes the features the
// store alone answers; without a scorer fraud_score is missing and the thresholds are
// not applied.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/ids.h"
#include "core/money.h"
#include "fraud/lists.h"
#include "fraud/review.h"
#include "fraud/rules_cache.h"
#include "fraud/rules.h"
#include "fraud/rules_eval.h"

namespace tranche::fraud {

class DecisionRepo;
class LabelRepo;
class ListRepo;
class RulesRepo;

// A consumer's recent credit decisions (what the stored feature source reads).
struct ConsumerActivity {
  std::int64_t decisions = 0;
  std::int64_t declines = 0;
  std::int64_t approved_amount_minor = 0;  // in the currency asked about
};

// What is known of an authorization when it is screened (after the credit decision
// approved it). Device signals are the merchant's word, bounded at the API edge.
struct AuthorizationFacts {
  std::string session_id;
  std::string merchant_id;
  std::string consumer_id;
  std::string email;            // normalised
  Money amount = Money::Zero(Currency::kUSD);
  std::string billing_country;  // ISO 3166-1 alpha-2 of the presented address
  std::optional<std::string> ip;
  std::optional<std::string> ip_country;  // the merchant's geolocation of the ip
  std::optional<std::string> device_fingerprint;
  // The consumer's payment method as the feature engine keys it (PaymentMethodKey),
  // when one was set before this authorization.
  std::optional<std::string> payment_method;
  Instant now;
};

// A stored screening: the fraud decision's id and what it screened (facts.now: when).
struct ScreenedAuthorization {
  std::string decision_id;
  AuthorizationFacts facts;
};

// A confirmed fraud (a review rejected, an unauthorized dispute): the screened
// authorization's merchant and time, and when it became known.
struct KnownFraud {
  std::string merchant_id;
  Instant authorized_at;
  Instant known_at;
};

// Computes one authorization's features. Compute reads only (through the repo); a
// source that keeps state of its own (the feature engine) learns through Record and
// RecordLabel, which the use cases call only after the transaction that screened the
// authorization (or stored the label) committed — see Tx::OnCommit — so what it learns
// is exactly what the store holds. Safe to call from any thread.
class FeatureSource {
 public:
  virtual ~FeatureSource() = default;
  virtual const Catalogue& catalogue() const = 0;
  // Values in catalogue order.
  virtual Result<FeatureValues> Compute(DecisionRepo& repo, const AuthorizationFacts& facts) const = 0;
  // A screened authorization committed (once per authorization). Default: nothing kept.
  virtual void Record(const AuthorizationFacts& /*facts*/) {}
  // A label committed saying an authorization was fraud. Default: nothing kept.
  virtual void RecordLabel(const KnownFraud& /*fraud*/) {}
};

struct Score {
  int score = 0;                     // 0..kMaxScore
  std::vector<std::string> reasons;  // top contributions, for reviewers; at most 8
  std::string model_version;
};

class Scorer {
 public:
  virtual ~Scorer() = default;
  // Reasons are given only when the score reaches `reasons_at` (they cost more than
  // the score: only reviewers read them). Precondition: values come from `catalogue`.
  virtual Score Evaluate(const Catalogue& catalogue, const FeatureValues& values, int reasons_at) const = 0;
};

// A rule set as operators saved it: one version of the audit trail.
struct RulesVersion {
  std::int64_t version = 0;  // 1, 2, ...; 0: no rules saved yet
  std::string source;
  Thresholds thresholds;
  std::size_t rule_count = 0;
  std::string created_by;  // operator id
  Instant created_at;
};

struct RuleHit {
  int line = 0;
  Action action = Action::kAllow;
  std::string text;
};

// Decided by: a rule, the score, nothing (allow), or a stored rule set that no longer
// checks against the catalogue (review: a person looks until the rules are fixed).
inline constexpr std::string_view kDecidedByInvalidRules = "invalid_rules";

struct FraudDecision {
  std::string id;  // frd_...
  std::string session_id;
  std::string merchant_id;
  std::string consumer_id;
  std::string credit_decision_id;
  Money amount = Money::Zero(Currency::kUSD);
  Action action = Action::kAllow;
  std::string decided_by;  // DecidedByName, or kDecidedByInvalidRules
  std::optional<RuleHit> rule;   // the rule that decided
  std::vector<RuleHit> hits;     // every rule that fired
  // The inputs: feature values by name, the score, the list memberships found, the rule
  // version and thresholds.
  std::vector<std::pair<std::string, FeatureValue>> features;
  std::optional<Score> score;
  ListLookups members;
  std::int64_t rules_version = 0;
  Thresholds thresholds;
  Instant created_at;
  // What was screened (the feature source's input): replayed into the feature engine
  // when the platform starts.
  AuthorizationFacts facts;
};

struct Screening {
  FeatureSource& source;
  const Scorer* scorer = nullptr;  // none: no score, thresholds not applied
  // Each rules version parsed once (its lists exist forever: lists are never deleted,
  // and the catalogue is fixed while the process runs).
  mutable RulesCache rules = {};
};

// What a screening reads: the current rules, the lists' memberships and, through the
// feature source, the consumer's recent decisions.
struct ScreeningReads {
  RulesRepo& rules;
  ListRepo& lists;
  DecisionRepo& decisions;
};

// Screens an authorization: computes features, evaluates the current rules (and the
// score) and returns the decision, not yet stored.
Result<FraudDecision> Screen(const ScreeningReads& reads, const Screening& screening, IdGenerator& ids,
                             const AuthorizationFacts& facts, std::string credit_decision_id);

// A stored decision's feature values in `catalogue` order (looked up by name; a name
// the catalogue lacks is ignored, a feature the decision lacks is missing).
FeatureValues StoredValues(const FraudDecision& decision, const Catalogue& catalogue);

// What `rules` decide on a stored decision's own inputs (StoredValues, its score and
// thresholds) with the list members `members`. Replaying with the rule set of
// decision.rules_version and decision.members gives its verdict; a backtest passes the
// members the lists hold now.
Verdict Replay(const FraudDecision& decision, const RuleSet& rules, const Catalogue& catalogue,
               const ListLookups& members);

}  // namespace tranche::fraud
