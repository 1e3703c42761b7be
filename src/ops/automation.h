// The automation scorecard of a running server: the work the store holds for a range of
// dates, tallied by type (automation/work.h) and scored (automation/scorecard.h) with the
// same arithmetic as a simulated run, so `tranche report automation` and
// GET /v1/admin/automation answer alike. Reads only.
//
// What each type is, from what is stored (items by the day and hour they arrived, UTC):
// - credit_decision: every credit decision; automated (the policy or model decides);
//   wrong when approved and an instalment is more than kWrongApprovalPastDueDays past
//   due, unpaid, today.
// - fraud_review: every screened authorization; automated unless held for review;
//   wrong when let through (allowed) and later labelled fraud (a review, a dispute
//   saying the consumer did not make the purchase, or a chargeback).
// - assistant_contact: every conversation with a consumer message; automated when
//   contained (never handed off); wrong when the consumer came back within 7 days —
//   the assistant metrics' own counting (assist/metrics.h CountedConversations).
// - dispute: every dispute opened that has left `open`; automated when refunded without
//   a contest (the merchant accepted), to people when contested or upheld. The store
//   does not say who resolved a dispute, so one an operator refunded without a contest
//   counts as the merchant's.
// - collections_contact: every failed collection; automated when a later collection of
//   the plan succeeded (a retry or the consumer's own payment), to people while not.
// - reconciliation: every settlement line of the files reconciled for dates in the range
//   (recon_runs; at 09:00 of the file's date, as the simulator counts them): automated
//   when a rule resolved it (matched, late, duplicate, written off within tolerance, a
//   chargeback accepted), to people for each exception queued.
// - merchant_onboarding: every merchant created, automated when the check activated or
//   rejected it alone; and every review of a merchant by a person, at onboarding or back
//   from trading (re-screening, monitoring), from when it was queued
//   (merchants::OnboardingWork), to people.
// - customer_contact: every contact an agent logged as handled outside the assistant
//   (servicing/contact.h; phone and email), at its start; to people, always. Hand-offs
//   from the assistant are counted as assistant contacts.
//
// Queue ages (automation/queue_age.h), for the items of the range a person had to decide,
// from when each reached the queue: fraud reviews (held → accepted or rejected),
// reconciliation exceptions (queued → resolved), disputes the merchant contested (opened
// → an operator's resolution; the store keeps no time of the contest) and assistant
// conversations handed off (started → closed by a person).
#pragma once

#include <vector>

#include "assist/conversation.h"
#include "automation/queue_age.h"
#include "automation/scorecard.h"
#include "core/date_range.h"
#include "fraud/decision_repo.h"
#include "fraud/review.h"
#include "recon/recon_repo.h"
#include "risk/decision_repo.h"
#include "servicing/collection_repo.h"
#include "servicing/contact.h"
#include "servicing/dispute.h"
#include "store/store.h"

namespace tranche::ops {

inline constexpr int kDefaultAutomationDays = 30;
inline constexpr int kMaxAutomationDays = 366;
// Rows read per type; a type that reaches it is reported as limited (its counts cover
// the oldest items of the range only).
inline constexpr std::size_t kMaxAutomationItemsPerType = 50'000;
inline constexpr int kWrongApprovalPastDueDays = 30;

// The stored records of one range, as read for the scorecard.
struct StoredWork {
  std::vector<risk::DecisionOutcome> credit;
  std::vector<fraud::DecisionOutcome> fraud;
  // Started in the range and in the 7 days after it (to tell repeat contacts).
  std::vector<assist::ConversationFacts> conversations;
  std::vector<servicing::Dispute> disputes;
  std::vector<servicing::FailedCollection> failed_collections;
  std::vector<recon::RunRecord> recon_runs;
  std::vector<merchants::OnboardingWork> merchants_onboarded;
  std::vector<servicing::Contact> contacts;  // handled by people outside the assistant
  std::vector<fraud::Review> reviews;                // created in the range
  std::vector<recon::ExceptionRecord> exceptions;    // queued in the range
};

// The tally of `work` over `range`. Pure. Records outside the range are not counted
// (conversations after it only tell repeats). `now` decides which 7-day repeat windows
// are over.
automation::WorkTally TallyStoredWork(const StoredWork& work, const DateRange& range, Instant now);
// The items of `work` that waited for a person, with when they were decided. Pure.
std::vector<automation::QueuedItem> QueuedWork(const StoredWork& work, const DateRange& range);

struct AutomationReport {
  DateRange range;
  automation::Scorecard scorecard;
  std::vector<automation::WorkType> limited;  // types whose read stopped at its limit
  std::vector<automation::QueueAge> queue_ages;
};

// One read of the store for `range`, tallied and scored with `staffing`.
Result<AutomationReport> ReportAutomation(store::Store& store, const DateRange& range, Instant now,
                                          const automation::Staffing& staffing);

}  // namespace tranche::ops
