// Credit decisions at checkout. A Decider is pure: everything it needs — the request,
// what the platform knows about the consumer's exposure, and today's date — comes in
// as values, so a decision can be replayed exactly from what was stored with it.
// The policy decider (policy_decider.h) ships first; the credit model plugs in behind
// the same interface.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/time.h"
#include "lending/product.h"
#include "risk/credit_profile.h"

namespace tranche::risk {

// Adverse-action notices name the principal reasons, at most four.
inline constexpr std::size_t kMaxDeclineReasons = 4;

struct Exposure {
  Money outstanding;          // unpaid balance on the consumer's plans
  Money open_authorizations;  // authorized, not yet captured or released
  std::optional<Money> credit_limit;  // none yet: a new consumer
  bool has_overdue = false;
  int months_overdue = 0;  // how long the oldest overdue instalment has been unpaid
};

struct DecisionRequest {
  lending::ProductTerms terms;  // the product as offered by this merchant
  Money amount;
  Date today;
  Date date_of_birth;
  Exposure exposure;
  // False when the identity presented contradicts what tranche knows for this email
  // (a different name or date of birth): decided by the caller, reported here.
  bool identity_consistent = true;
  // The consumer's credit history, for deciders that use one (WantsProfile()).
  std::optional<CreditProfile> profile;
  // Stable per consumer (their id): champion/challenger routing keeps a consumer with
  // one model.
  std::string routing_key = {};
};

enum class Outcome { kApproved, kDeclined };

struct Reason {
  std::string code;     // stable: "overdue_balance"
  std::string message;  // for the consumer: plain words, no internal terms
};

// What a challenger model in shadow mode would have decided (recorded, not applied).
struct ShadowDecision {
  std::string decider_version;
  Outcome outcome = Outcome::kDeclined;
  std::optional<double> pd;
};

struct Decision {
  Outcome outcome = Outcome::kDeclined;
  std::vector<Reason> reasons;  // declines only, principal first, at most four
  Money credit_limit;           // the limit the decision used (and grants, for new consumers)
  std::int64_t apr_bps = 0;     // financing only
  std::string decider_version;
  std::optional<double> pd;     // the model's probability of default, when a model decided
  std::optional<ShadowDecision> shadow = {};
};

class Decider {
 public:
  virtual ~Decider() = default;
  virtual Decision Decide(const DecisionRequest& request) const = 0;
  // True when Decide needs request.profile: the caller then asks the bureau first.
  virtual bool WantsProfile() const { return false; }
};

// Whole years from `date_of_birth` to `today` (a birthday counts on the day).
int AgeInYears(Date date_of_birth, Date today);

}  // namespace tranche::risk
