// PolicyDecider: the hard rules every credit decision starts with, with stated reason
// codes. Rules, in the order their reasons are reported:
//   identity_mismatch, underage, overdue_balance, amount_outside_product_limits,
//   exceeds_available_credit.
#pragma once

#include "risk/decider.h"

namespace tranche::risk {

struct PolicyConfig {
  int min_age_years = 18;
  // A new consumer's first limit, in USD minor units (converted per currency).
  std::int64_t starting_limit_usd_minor = 60'000;
  // The APR offered on financing when no model prices the risk, within the terms.
  std::int64_t financing_apr_bps = 1999;
};

// What the shopper at checkout is told about a decline. Whoever holds a client token
// may not be the person an email belongs to, so they see only the reasons that follow
// from what they entered themselves (their age, the amount for the product); any other
// decline reads as one generic reason (kNotApproved), the same for an unknown email, an
// identity mismatch or the owner's overdue balance. The full reasons stay with the
// decision and go to the consumer through their own channels.
inline constexpr std::string_view kNotApproved = "not_approved";
std::vector<Reason> ShopperReasons(const Decision& d);

class PolicyDecider final : public Decider {
 public:
  explicit PolicyDecider(PolicyConfig config = {}) : config_(config) {}
  Decision Decide(const DecisionRequest& request) const override;

  static constexpr const char* kVersion = "policy-1";

 private:
  PolicyConfig config_;
};

}  // namespace tranche::risk
