#include "ops/automation.h"

#include <algorithm>
#include <chrono>

#include "assist/metrics.h"
#include "core/assert.h"
#include "core/ids.h"

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

// A dispute a person decides: not open (awaiting the merchant) and not refunded, which
// counts as the merchant's acceptance (the store keeps no record of who resolved it).
bool PersonsDispute(const servicing::Dispute& d) {
  if (d.status == servicing::DisputeStatus::kOpen) return false;
  return d.status != servicing::DisputeStatus::kResolved || d.resolution != servicing::DisputeResolution::kRefunded;
}

// Rows a listing is read in at a time.
constexpr std::size_t kAutomationPageRows = 1'000;

// Reads up to `limit` rows of a listing in id order from the first id of the range's
// start on, stopping at the first row created after the range; `list(after, n)` pages.
template <typename Row, typename ListFn>
Result<std::vector<Row>> ReadRange(std::string_view prefix, const DateRange& range, std::size_t limit, ListFn list) {
  std::vector<Row> out;
  std::string after = IdFloor(prefix, range.from());
  while (out.size() < limit) {
    TRANCHE_ASSIGN_OR_RETURN(std::vector<Row> page, list(after, std::min(kAutomationPageRows, limit - out.size())));
    for (Row& row : page) {
      if (row.created_at >= range.to()) return out;
      out.push_back(std::move(row));
    }
    if (page.size() < kAutomationPageRows) break;
    after = out.back().id;
  }
  return out;
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
    AddAt(tally, range, d.created_at, WorkType::kDispute, !PersonsDispute(d), false);
  }
  for (const servicing::FailedCollection& c : work.failed_collections) {
    AddAt(tally, range, c.created_at, WorkType::kCollectionsContact, c.recovered, false);
  }
  for (const merchants::OnboardingWork& m : work.merchants_onboarded) {
    AddAt(tally, range, m.arrived_at, WorkType::kMerchantOnboarding, !m.needed_person, false);
  }
  for (const servicing::Contact& c : work.contacts) {
    AddAt(tally, range, c.started_at, WorkType::kCustomerContact, false, false);
  }
  for (const recon::RunRecord& r : work.recon_runs) {
    const Instant arrived = StartOf(r.date) + std::chrono::hours(9);
    for (std::int64_t i = 0; i < r.auto_resolved(); ++i) AddAt(tally, range, arrived, WorkType::kReconException, true, false);
    for (std::int64_t i = 0; i < r.exceptions; ++i) AddAt(tally, range, arrived, WorkType::kReconException, false, false);
  }
  return tally;
}

std::vector<automation::QueuedItem> QueuedWork(const StoredWork& work, const DateRange& range) {
  const auto in_range = [&](Instant t) { return t >= range.from() && t < range.to(); };
  std::vector<automation::QueuedItem> out;
  for (const fraud::Review& r : work.reviews) {
    if (in_range(r.created_at)) out.push_back({WorkType::kFraudReview, r.created_at, r.decided_at});
  }
  for (const recon::ExceptionRecord& e : work.exceptions) {
    if (in_range(e.created_at)) out.push_back({WorkType::kReconException, e.created_at, e.resolved_at});
  }
  for (const servicing::Dispute& d : work.disputes) {
    if (!PersonsDispute(d) || !in_range(d.created_at)) continue;
    const bool resolved = d.status == servicing::DisputeStatus::kResolved;
    out.push_back({WorkType::kDispute, d.created_at, resolved ? std::optional<Instant>(d.updated_at) : std::nullopt});
  }
  // A hand-off waits from the moment the assistant passed it on, not from the chat's start.
  for (const assist::ConversationFacts& c : work.conversations) {
    if (c.handed_off_at && in_range(*c.handed_off_at)) {
      out.push_back({WorkType::kAssistantContact, *c.handed_off_at, c.closed_at});
    }
  }
  for (const merchants::OnboardingWork& m : work.merchants_onboarded) {
    if (m.needed_person && in_range(m.arrived_at)) out.push_back({WorkType::kMerchantOnboarding, m.arrived_at, m.decided_at});
  }
  return out;
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
    TRANCHE_ASSIGN_OR_RETURN(work.reviews, ReadRange<fraud::Review>("frv", range, limit, [&](const std::string& after,
                                                                                         std::size_t n) {
                               return tx.fraud_reviews().List(fraud::ReviewFilter{}, after, n);
                             }));
    TRANCHE_ASSIGN_OR_RETURN(work.exceptions,
                             ReadRange<recon::ExceptionRecord>("rex", range, limit, [&](const std::string& after,
                                                                                        std::size_t n) {
                               return tx.recon().ListExceptions(recon::ExceptionFilter{}, after, n);
                             }));
    return Status::Ok();
  }));
  AutomationReport report{range, automation::Score(TallyStoredWork(work, range, now), staffing), {},
                          automation::QueueAges(QueuedWork(work, range), now)};
  // A type is listed once, whichever of its reads reached its bound.
  const auto limited = [&](std::size_t rows, std::size_t bound, WorkType type) {
    if (rows < bound || std::find(report.limited.begin(), report.limited.end(), type) != report.limited.end()) return;
    report.limited.push_back(type);
  };
  limited(work.credit.size(), limit, WorkType::kCreditDecision);
  limited(work.fraud.size(), limit, WorkType::kFraudReview);
  limited(work.conversations.size(), assist::kMaxMeasuredConversations, WorkType::kAssistantContact);
  limited(work.disputes.size(), limit, WorkType::kDispute);
  limited(work.failed_collections.size(), limit, WorkType::kCollectionsContact);
  limited(work.merchants_onboarded.size(), limit, WorkType::kMerchantOnboarding);
  limited(work.contacts.size(), limit, WorkType::kCustomerContact);
  limited(work.reviews.size(), limit, WorkType::kFraudReview);
  limited(work.exceptions.size(), limit, WorkType::kReconException);
  return report;
}

}  // namespace tranche::ops
