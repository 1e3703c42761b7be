// Storage port for fraud: rule set versions, lists with their change history, fraud
// decisions with their inputs, reviews and labels.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "fraud/decision.h"

namespace tranche::fraud {

struct ListVersion {
  std::string name;
  std::int64_t version = 0;
  ListChange change;
  std::size_t entry_count = 0;  // after the change
  std::string changed_by;
  Instant changed_at;
};

struct ReviewFilter {
  std::optional<ReviewStatus> status;
  std::optional<std::string> merchant_id;
};

// A consumer's recent credit decisions (what the stored feature source reads).
struct ConsumerActivity {
  std::int64_t decisions = 0;
  std::int64_t declines = 0;
  std::int64_t approved_amount_minor = 0;  // in the currency asked about
};

struct ScreenedAuthorization {
  std::string decision_id;
  AuthorizationFacts facts;  // facts.now: when it was screened
};

class DecisionRepo {
 public:
  virtual ~DecisionRepo() = default;

  // Rules: the newest version, one version, versions newest first before `before`.
  virtual Result<std::optional<RulesVersion>> CurrentRules() = 0;
  virtual Result<std::optional<RulesVersion>> FindRules(std::int64_t version) = 0;
  // Conflict when the version exists (a concurrent save won).
  virtual Status InsertRules(const RulesVersion& v) = 0;
  virtual Result<std::vector<RulesVersion>> ListRules(std::int64_t before, std::size_t limit) = 0;

  // Lists: names, one list with its entries, a new version (entries replaced by
  // list.entries, `change` recorded), and a list's versions newest first.
  virtual Result<std::set<std::string, std::less<>>> ListNames() = 0;
  virtual Result<std::optional<FraudList>> FindList(std::string_view name) = 0;
  virtual Status SaveList(const FraudList& list, const ListChange& change) = 0;
  virtual Result<std::vector<ListVersion>> ListVersions(std::string_view name, std::int64_t before,
                                                        std::size_t limit) = 0;
  // Of the pairs asked, those whose value is in the list.
  virtual Result<ListLookups> Members(const ListLookups& asked) = 0;

  virtual Result<ConsumerActivity> Activity(std::string_view consumer_id, Currency currency, Instant since) = 0;
  // The consumer's payment method as the feature engine keys it (PaymentMethodKey);
  // none when the consumer never set one.
  virtual Result<std::optional<std::string>> PaymentMethodOf(std::string_view consumer_id) = 0;

  virtual Status InsertDecision(const FraudDecision& d) = 0;
  virtual Result<std::optional<FraudDecision>> FindDecision(std::string_view id) = 0;
  // Decisions at or after `since`, oldest first, at most `limit` (backtests).
  virtual Result<std::vector<FraudDecision>> ListDecisionsSince(Instant since, std::size_t limit) = 0;
  // The fraud decision on the credit decision `credit_decision_id` (an authorization's).
  virtual Result<std::optional<FraudDecision>> FindDecisionByCredit(std::string_view credit_decision_id) = 0;

  // The feature engine's rebuild at start-up (engine_source.h) reads these two.
  // Screenings at or after `since` in (time, id) order after `after` (none: from the
  // first), at most `limit`; decisions stored without their facts (before schema 15)
  // are left out.
  virtual Result<std::vector<ScreenedAuthorization>> ListScreened(Instant since, const ScreenedAuthorization* after,
                                                                  std::size_t limit) = 0;
  // Fraud labels created at or after `since`, in creation order, at most `limit`.
  virtual Result<std::vector<KnownFraud>> ListKnownFrauds(Instant since, std::size_t limit) = 0;

  virtual Status InsertReview(const Review& r) = 0;
  virtual Status UpdateReview(const Review& r) = 0;
  virtual Result<std::optional<Review>> FindReview(std::string_view id) = 0;
  virtual Result<std::optional<Review>> FindReviewByAuthorization(std::string_view authorization_id) = 0;
  // In id (creation) order after `after_id`, at most `limit`.
  virtual Result<std::vector<Review>> ListReviews(const ReviewFilter& filter, std::string_view after_id,
                                                  std::size_t limit) = 0;
  virtual Result<std::int64_t> CountPendingReviews() = 0;
  virtual Status InsertLabel(const Label& l) = 0;
  virtual Result<std::vector<Label>> ListLabels(std::string_view fraud_decision_id) = 0;
};

}  // namespace tranche::fraud
