// Merchant monitoring (pure): whether a trading merchant's recent plans go unpaid so
// much more often than a book's do that a person should look at the merchant again. A
// merchant in on a fraud (its "customers" never meant to pay) passes every onboarding
// check; what gives it away is that the plans it sells go delinquent at once. The close
// runs it weekly (ops::Cob) on what lending::PlanRepo::MerchantDelinquency reads.
#pragma once

#include <cstdint>

#include "lending/plan_repo.h"

namespace tranche::onboarding {

// The plans judged: those captured from kMonitoredFromDays to kMonitoredToDays before
// the business date, old enough for a pay-in-4 plan's first two instalments to be due
// and recent enough to be the merchant's current trade.
inline constexpr int kMonitoredFromDays = 60;
inline constexpr int kMonitoredToDays = 14;
// A merchant is looked at with at least this many such plans (fewer say nothing), when
// at least this share of them is past due or charged off. A book's own early
// delinquency is a few per cent to a quarter at a small merchant; a merchant whose
// customers do not exist has all of them. Credit declines most of a fraud ring's
// made-up buyers, so a colluding merchant gets few plans: the bar on their number is
// low, and a person looks at the few honest merchants it catches by chance.
inline constexpr std::int64_t kMinPlansMonitored = 5;
inline constexpr std::int64_t kMaxDelinquentBps = 6000;

// The finding the monitoring gives a merchant it sends back to review.
inline constexpr char kEarlyDelinquencyFinding[] = "early_delinquency";

// Precondition: 0 <= p.delinquent <= p.plans.
bool NeedsReview(const lending::MerchantPlans& p);

}  // namespace tranche::onboarding
