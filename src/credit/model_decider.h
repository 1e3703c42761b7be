// ModelDecider: credit decisions by a PD model behind the risk::Decider interface.
//
//   1. Score: the consumer's credit profile (bureau + tranche history) is mapped to the
//      model's columns (profile_features.h) and scored: a calibrated PD and the
//      features that pushed it up.
//   2. Price and size by PD tier: a new consumer's first limit and, for financing, the
//      APR within the merchant's range.
//   3. Hard policy rules (identity, age, overdue, product limits, exposure within the
//      limit), exactly as the PolicyDecider applies them.
//   4. Decline when the PD is above the product's cut-off, with the model's principal
//      reasons after any policy reasons (at most four in all).
//
// The model can be replaced while requests are being decided (Swap): each decision uses
// one model from start to end and records its version.
#pragma once

#include <atomic>
#include <memory>

#include "credit/model.h"
#include "risk/policy_decider.h"

namespace tranche::credit {

struct ModelPolicy {
  double max_pd_pay_in = 0.35;     // pay-in-4 and pay-in-30: short, small exposures
  double max_pd_financing = 0.25;  // months of exposure: a stricter cut-off
  // PD tiers: below tier_pd[i] a consumer is in tier i; above the last, in the last.
  std::array<double, 3> tier_pd = {0.08, 0.15, 0.25};
  // First limits per tier, in USD minor units (converted per currency).
  std::array<std::int64_t, 4> tier_limit_usd_minor = {150'000, 100'000, 60'000, 30'000};
};

class ModelDecider final : public risk::Decider {
 public:
  explicit ModelDecider(std::shared_ptr<const CreditModel> model, risk::PolicyConfig policy = {},
                        ModelPolicy model_policy = {});
  risk::Decision Decide(const risk::DecisionRequest& request) const override;
  bool WantsProfile() const override { return true; }

  // Replaces the model for decisions that start from now on.
  void Swap(std::shared_ptr<const CreditModel> model);
  std::shared_ptr<const CreditModel> model() const { return model_.load(); }

 private:
  std::atomic<std::shared_ptr<const CreditModel>> model_;
  risk::PolicyConfig policy_;
  ModelPolicy model_policy_;
};

}  // namespace tranche::credit
