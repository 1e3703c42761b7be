#include "onboarding/merchant_monitoring.h"

#include "core/assert.h"

namespace tranche::onboarding {

bool NeedsReview(const lending::MerchantPlans& p) {
  TRANCHE_ASSERT(p.delinquent >= 0 && p.delinquent <= p.plans);
  // In basis points without division: delinquent / plans >= kMaxDelinquentBps / 10,000.
  return p.plans >= kMinPlansMonitored && p.delinquent * 10'000 >= p.plans * kMaxDelinquentBps;
}

}  // namespace tranche::onboarding
