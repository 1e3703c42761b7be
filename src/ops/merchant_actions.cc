#include "ops/merchant_actions.h"

#include "ops/events.h"

namespace tranche::ops {

Result<merchants::Merchant> DecideOnboarding(store::Tx& tx, IdGenerator& ids, std::string_view merchant_id,
                                             const onboarding::ReviewDecision& decision, Instant now) {
  TRANCHE_ASSIGN_OR_RETURN(merchants::Merchant m, onboarding::ReviewMerchant(tx, merchant_id, decision, now));
  TRANCHE_RETURN_IF_ERROR(PublishOnboardingDecided(tx, ids, now, m));
  return m;
}

Result<std::int64_t> MonitorMerchants(store::Tx& tx, IdGenerator& ids, Date d, Instant now) {
  TRANCHE_ASSIGN_OR_RETURN(auto sent_back, onboarding::MonitorMerchants(tx, d, now));
  for (const merchants::Merchant& m : sent_back) TRANCHE_RETURN_IF_ERROR(PublishOnboardingDecided(tx, ids, now, m));
  return static_cast<std::int64_t>(sent_back.size());
}

}  // namespace tranche::ops
