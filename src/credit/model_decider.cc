#include "credit/model_decider.h"

#include <algorithm>

#include "credit/profile_features.h"

namespace tranche::credit {

ModelDecider::ModelDecider(std::shared_ptr<const CreditModel> model, risk::PolicyConfig policy,
                           ModelPolicy model_policy)
    : model_(std::move(model)), policy_(policy), model_policy_(model_policy) {
  TRANCHE_ASSERT(model_.load() != nullptr);
}

void ModelDecider::Swap(std::shared_ptr<const CreditModel> model) {
  TRANCHE_ASSERT(model != nullptr);
  model_.store(std::move(model));
}

risk::Decision ModelDecider::Decide(const risk::DecisionRequest& request) const {
  TRANCHE_ASSERT_MSG(request.profile.has_value(), "the model decider is given a credit profile");
  const std::shared_ptr<const CreditModel> model = model_.load();
  const auto score = model->ScoreOne(
      ProfileFeatures(*request.profile, request.date_of_birth, request.today, model->spec()));
  TRANCHE_ASSERT_MSG(score.ok(), "a profile maps to exactly the model's columns");

  std::size_t tier = 0;
  while (tier < model_policy_.tier_pd.size() && score->pd >= model_policy_.tier_pd[tier]) ++tier;
  risk::DecisionRequest priced = request;
  if (!priced.exposure.credit_limit) {
    priced.exposure.credit_limit =
        lending::FromUsdReference(model_policy_.tier_limit_usd_minor[tier], request.amount.currency());
  }
  risk::PolicyConfig config = policy_;
  const lending::ProductTerms& t = request.terms;
  // Riskier tiers pay more, within the merchant's APR range.
  config.financing_apr_bps = t.min_apr_bps + (t.max_apr_bps - t.min_apr_bps) * static_cast<std::int64_t>(tier) /
                                                 static_cast<std::int64_t>(model_policy_.tier_pd.size());
  risk::Decision d = risk::PolicyDecider(config).Decide(priced);
  d.decider_version = "model:" + model->version();
  d.pd = score->pd;

  const double cutoff = lending::IsFinancing(t.kind) ? model_policy_.max_pd_financing : model_policy_.max_pd_pay_in;
  if (score->pd <= cutoff) return d;
  d.outcome = risk::Outcome::kDeclined;
  d.apr_bps = 0;
  for (const ReasonScore& r : score->reasons) {
    if (d.reasons.size() >= risk::kMaxDeclineReasons) break;
    d.reasons.push_back({r.code, r.message});
  }
  if (d.reasons.empty()) {
    d.reasons.push_back({"credit_assessment", "Our assessment of your credit history and this purchase."});
  }
  return d;
}

}  // namespace tranche::credit
