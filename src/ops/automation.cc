#include "ops/automation.h"

#include <chrono>

#include "assist/metrics.h"
#include "core/assert.h"

namespace tranche::ops {

namespace {

using automation::WorkTally;
using automation::WorkType;

// Adds one item arriving at `at`, if it is in the range.
void AddAt(WorkTally& tally, const DateRange& range, Instant at, WorkType type, bool automated, bool flagged) {
  if (at < range.from() || at >= range.to()) return;
  const auto day = std::chrono::floor<std::chrono::days>(at);
  const int hour = static_cast<int>(std::chrono::floor<std::chrono::hours>(at - day).count());
  tally.Add(DaysBetween(range.first, Date(day)), hour, type, automated, flagged);
}

}  // namespace

WorkTally TallyStoredWork(const StoredWork& work, const DateRange& range, Instant now) {
  WorkTally tally(range.days());
  for (const risk::DecisionOutcome& d : work.credit) {
    AddAt(tally, range, d.created_at, WorkType::kCreditDecision, true, d.defaulted);
  }
  for (const fraud::DecisionOutcome& d : work.fraud) {
    const bool held = d.action == fraud::Action::kReview;
    AddAt(tally, range, d.created_at, WorkType::kFraudReview, !held,
          d.action == fraud::Action::kAllow && d.labelled_fraud);
  }
  std::int64_t empty = 0;
  for (const assist::CountedConversation& c :
       assist::CountedConversations(work.conversations, range.from(), range.to(), now, empty)) {
    AddAt(tally, range, c.facts->created_at, WorkType::kAssistantContact, !c.facts->handed_off, c.followed);
  }
  for (const servicing::Dispute& d : work.disputes) {
    if (d.status == servicing::DisputeStatus::kOpen) continue;  // awaiting the merchant: nobody's work yet
    const bool accepted = d.status == servicing::DisputeStatus::kResolved &&
                          d.resolution == servicing::DisputeResolution::kRefunded;
    AddAt(tally, range, d.created_at, WorkType::kDispute, accepted, false);
  }
  for (const servicing::FailedCollection& c : work.failed_collections) {
    AddAt(tally, range, c.created_at, WorkType::kCollectionsContact, c.recovered, false);
  }
  for (const merchants::OnboardingWork& m : work.merchants_onboarded) {
    AddAt(tally, range, m.created_at, WorkType::kMerchantOnboarding, !m.needed_person, false);
  }
  for (const servicing::Contact& c : work.contacts) {
    AddAt(tally, range, c.started_at, WorkType::kCustomerContact, false, false);
  }
  for (const recon::RunRecord& r : work.recon_runs) {
    const Instant arrived = Instant(std::chrono::sys_days(r.date)) + std::chrono::hours(9);
    for (std::int64_t i = 0; i < r.auto_resolved(); ++i) AddAt(tally, range, arrived, WorkType::kReconException, true, false);
    for (std::int64_t i = 0; i < r.exceptions; ++i) AddAt(tally, range, arrived, WorkType::kReconException, false, false);
  }
  return tally;
}

Result<AutomationReport> ReportAutomation(store::Store& store, const DateRange& range, Instant now,
                                          const automation::Staffing& staffing) {
  TRANCHE_ASSERT(range.days() >= 1 && range.days() <= kMaxAutomationDays);
  const std::size_t limit = kMaxAutomationItemsPerType;
  const Date cutoff = AddDays(DateOf(now), -kWrongApprovalPastDueDays);
  StoredWork work;
  TRANCHE_RETURN_IF_ERROR(store.Read([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(work.credit, tx.decisions().ListOutcomes(range.from(), range.to(), cutoff, limit));
    TRANCHE_ASSIGN_OR_RETURN(work.fraud, tx.fraud_decisions().ListOutcomes(range.from(), range.to(), limit));
    TRANCHE_ASSIGN_OR_RETURN(work.conversations,
                             tx.conversations().ListFacts(range.from(), range.to() + assist::kRepeatContactWindow,
                                                          assist::kMaxMeasuredConversations));
    TRANCHE_ASSIGN_OR_RETURN(work.disputes, tx.disputes().ListOpened(range.from(), range.to(), limit));
    TRANCHE_ASSIGN_OR_RETURN(work.failed_collections,
                             tx.collections().ListFailed(range.from(), range.to(), limit));
    // One run per file date: the range's days bound them.
    TRANCHE_ASSIGN_OR_RETURN(work.recon_runs,
                             tx.recon().ListRuns(AddDays(range.last, 1), static_cast<std::size_t>(range.days())));
    TRANCHE_ASSIGN_OR_RETURN(work.merchants_onboarded,
                             tx.merchants().ListOnboardingWork(range.from(), range.to(), limit));
    TRANCHE_ASSIGN_OR_RETURN(work.contacts, tx.contacts().ListStarted(range.from(), range.to(), limit));
    return Status::Ok();
  }));
  AutomationReport report{range, automation::Score(TallyStoredWork(work, range, now), staffing), {}};
  const auto limited = [&](std::size_t rows, std::size_t bound, WorkType type) {
    if (rows >= bound) report.limited.push_back(type);
  };
  limited(work.credit.size(), limit, WorkType::kCreditDecision);
  limited(work.fraud.size(), limit, WorkType::kFraudReview);
  limited(work.conversations.size(), assist::kMaxMeasuredConversations, WorkType::kAssistantContact);
  limited(work.disputes.size(), limit, WorkType::kDispute);
  limited(work.failed_collections.size(), limit, WorkType::kCollectionsContact);
  limited(work.merchants_onboarded.size(), limit, WorkType::kMerchantOnboarding);
  limited(work.contacts.size(), limit, WorkType::kCustomerContact);
  return report;
}

}  // namespace tranche::ops
