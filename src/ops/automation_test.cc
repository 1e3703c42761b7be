// The store → work tally mapping of the automation scorecard, over records made here.
#include "ops/automation.h"

#include <algorithm>

#include <gtest/gtest.h>

#include "assist/metrics.h"

namespace tranche::ops {
namespace {

using automation::WorkTally;
using automation::WorkType;

Instant At(const char* rfc3339) { return *ParseRfc3339(rfc3339); }

const WorkTally::PerType& Of(const WorkTally& t, WorkType type) { return t.types[static_cast<std::size_t>(type)]; }

// 2026-03-01 .. 2026-03-03, seen on 2026-03-20 (every 7-day window is over).
const DateRange kRange{*ParseDate("2026-03-01"), *ParseDate("2026-03-03")};
const Instant kNow = At("2026-03-20T12:00:00Z");

assist::ConversationFacts Conversation(std::string id, std::string consumer, const char* at, bool handed_off,
                                       int turns = 2) {
  assist::ConversationFacts c;
  c.id = std::move(id);
  c.consumer_id = std::move(consumer);
  c.turns = turns;
  c.handed_off = handed_off;
  c.created_at = At(at);
  c.updated_at = c.created_at + std::chrono::minutes(3);
  return c;
}

servicing::Dispute DisputeAt(const char* at, servicing::DisputeStatus status, servicing::DisputeResolution resolution) {
  servicing::Dispute d;
  d.id = "dsp_1";
  d.status = status;
  d.resolution = resolution;
  d.created_at = At(at);
  return d;
}

TEST(AutomationTally, CreditDecisionsAreAutomatedAndWrongWhenTheApprovalDefaulted) {
  StoredWork w;
  w.credit = {{"dec_1", At("2026-03-01T10:15:00Z"), true, false},
              {"dec_2", At("2026-03-01T10:59:59Z"), true, true},
              {"dec_3", At("2026-03-03T23:00:00Z"), false, false},
              {"dec_4", At("2026-03-04T00:00:00Z"), true, true}};  // after the range
  const WorkTally t = TallyStoredWork(w, kRange, kNow);
  EXPECT_EQ(t.days, 3);
  const auto& credit = Of(t, WorkType::kCreditDecision);
  EXPECT_EQ(credit.total.items, 3);
  EXPECT_EQ(credit.total.automated, 3);
  EXPECT_EQ(credit.total.flagged, 1);
  EXPECT_EQ(credit.by_day[0].items, 2);
  EXPECT_EQ(credit.by_day[1].items, 0);
  EXPECT_EQ(credit.by_day[2].items, 1);
  EXPECT_EQ(credit.by_hour[10], 2);
  EXPECT_EQ(credit.by_hour[23], 1);
  EXPECT_EQ(credit.to_people_by_hour[10], 0);
}

TEST(AutomationTally, FraudReviewsGoToPeopleOnlyWhenHeldAndAreWrongWhenAllowedFraud) {
  StoredWork w;
  w.fraud = {{"frd_1", At("2026-03-02T09:00:00Z"), fraud::Action::kAllow, false},
             {"frd_2", At("2026-03-02T09:30:00Z"), fraud::Action::kAllow, true},   // let fraud through
             {"frd_3", At("2026-03-02T11:00:00Z"), fraud::Action::kReview, true},  // a person's call
             {"frd_4", At("2026-03-02T12:00:00Z"), fraud::Action::kBlock, false}};
  const WorkTally t = TallyStoredWork(w, kRange, kNow);
  const auto& fraud = Of(t, WorkType::kFraudReview);
  EXPECT_EQ(fraud.total.items, 4);
  EXPECT_EQ(fraud.total.automated, 3);
  EXPECT_EQ(fraud.total.flagged, 1);
  EXPECT_EQ(fraud.to_people_by_hour[11], 1);
  EXPECT_EQ(fraud.by_day[1].items, 4);
}

TEST(AutomationTally, AssistantContactsCountAsTheMetricsDo) {
  StoredWork w;
  w.conversations = {
      Conversation("cnv_1", "con_a", "2026-03-01T08:00:00Z", false),
      Conversation("cnv_2", "con_a", "2026-03-05T08:00:00Z", true),   // after the range: a repeat of cnv_1
      Conversation("cnv_3", "con_b", "2026-03-02T14:00:00Z", true),
      Conversation("cnv_4", "con_c", "2026-03-03T20:00:00Z", false, 0),  // no consumer message: not counted
      Conversation("cnv_5", "con_d", "2026-03-03T21:00:00Z", false),
  };
  const WorkTally t = TallyStoredWork(w, kRange, kNow);
  const auto& contacts = Of(t, WorkType::kAssistantContact);
  EXPECT_EQ(contacts.total.items, 3);
  EXPECT_EQ(contacts.total.automated, 2);
  EXPECT_EQ(contacts.total.flagged, 1);  // con_a came back within 7 days
  EXPECT_EQ(contacts.to_people_by_hour[14], 1);
  const assist::AssistantMetrics m = assist::MeasureConversations(w.conversations, kRange.from(), kRange.to(), kNow);
  EXPECT_EQ(m.overall.conversations, contacts.total.items);
  EXPECT_EQ(m.overall.contained, contacts.total.automated);
  EXPECT_EQ(m.overall.repeat_contacts, contacts.total.flagged);
  EXPECT_TRUE(automation::IsContactWork(WorkType::kAssistantContact));
}

TEST(AutomationTally, DisputesAcceptedByTheMerchantAreAutomatedAndOpenOnesAreNobodysYet) {
  using servicing::DisputeResolution;
  using servicing::DisputeStatus;
  StoredWork w;
  w.disputes = {DisputeAt("2026-03-01T09:00:00Z", DisputeStatus::kResolved, DisputeResolution::kRefunded),
                DisputeAt("2026-03-01T09:00:00Z", DisputeStatus::kUnderReview, DisputeResolution::kNone),
                DisputeAt("2026-03-01T09:00:00Z", DisputeStatus::kResolved, DisputeResolution::kMerchantUpheld),
                DisputeAt("2026-03-01T09:00:00Z", DisputeStatus::kOpen, DisputeResolution::kNone)};
  const WorkTally t = TallyStoredWork(w, kRange, kNow);
  const auto& disputes = Of(t, WorkType::kDispute);
  EXPECT_EQ(disputes.total.items, 3);
  EXPECT_EQ(disputes.total.automated, 1);
  EXPECT_EQ(disputes.to_people_by_hour[9], 2);
}

TEST(AutomationTally, FailedPaymentsRecoveredWithoutAPersonAreAutomated) {
  StoredWork w;
  w.failed_collections = {{"col_1", At("2026-03-02T02:00:00Z"), true},
                          {"col_2", At("2026-03-02T02:00:01Z"), false},
                          {"col_3", At("2026-02-28T23:59:59Z"), false}};  // before the range
  const WorkTally t = TallyStoredWork(w, kRange, kNow);
  const auto& collections = Of(t, WorkType::kCollectionsContact);
  EXPECT_EQ(collections.total.items, 2);
  EXPECT_EQ(collections.total.automated, 1);
  EXPECT_EQ(collections.by_hour[2], 2);
  // No contact was logged: zero items.
  EXPECT_EQ(Of(t, WorkType::kCustomerContact).total.items, 0);
}

TEST(AutomationTally, ContactsAgentsLoggedArePeoplesWorkAtTheirStart) {
  StoredWork w;
  const auto contact = [](const char* started) {
    servicing::Contact c;
    c.started_at = At(started);
    c.handled_seconds = 300;
    return c;
  };
  w.contacts = {contact("2026-03-01T00:00:00Z"), contact("2026-03-02T14:59:59Z"),
                contact("2026-02-28T23:59:59Z"),   // before the range
                contact("2026-03-04T00:00:00Z")};  // after it
  const WorkTally t = TallyStoredWork(w, kRange, kNow);
  const auto& contacts = Of(t, WorkType::kCustomerContact);
  EXPECT_EQ(contacts.total.items, 2);
  EXPECT_EQ(contacts.total.automated, 0);
  EXPECT_EQ(contacts.to_people_by_hour[0], 1);
  EXPECT_EQ(contacts.to_people_by_hour[14], 1);
}

TEST(AutomationTally, AMerchantTheCheckSentToReviewIsAPersonsOnboardingWork) {
  StoredWork w;
  w.merchants_onboarded = {{At("2026-03-01T10:00:00Z"), true},
                           {At("2026-03-02T10:30:00Z"), false},
                           {At("2026-03-02T11:00:00Z"), true},
                           {At("2026-02-28T10:00:00Z"), true}};  // before the range
  const WorkTally t = TallyStoredWork(w, kRange, kNow);
  const auto& onboarding = Of(t, WorkType::kMerchantOnboarding);
  EXPECT_EQ(onboarding.total.items, 3);
  EXPECT_EQ(onboarding.total.automated, 1);
  EXPECT_EQ(onboarding.to_people_by_hour[10], 1);
  EXPECT_EQ(onboarding.to_people_by_hour[11], 1);
}

TEST(AutomationTally, SettlementLinesResolvedByRuleAreAutomatedAndExceptionsGoToPeople) {
  StoredWork w;
  const Instant t0 = At("2026-03-03T00:05:00Z");
  w.recon_runs = {{*ParseDate("2026-03-02"), 12, 8, 1, 1, 1, 2, t0},
                  {*ParseDate("2026-02-28"), 5, 5, 0, 0, 0, 0, t0}};  // a file date before the range
  const WorkTally t = TallyStoredWork(w, kRange, kNow);
  const auto& recon = Of(t, WorkType::kReconException);
  EXPECT_EQ(recon.total.items, 13);  // 11 lines resolved by rule, 2 exceptions
  EXPECT_EQ(recon.total.automated, 11);
  EXPECT_EQ(recon.by_day[1].items, 13);
  EXPECT_EQ(recon.by_hour[9], 13);
}

TEST(AutomationQueue, AHandOffWaitsFromItsHandOffAndAnOnboardingReviewFromTheCheck) {
  StoredWork w;
  assist::ConversationFacts chat = Conversation("cnv_1", "con_1", "2026-03-01T10:00:00Z", true);
  chat.handed_off_at = At("2026-03-01T10:05:00Z");  // five minutes with the assistant first
  chat.closed_at = At("2026-03-01T10:35:00Z");
  assist::ConversationFacts contained = Conversation("cnv_2", "con_2", "2026-03-01T11:00:00Z", false);
  assist::ConversationFacts late = Conversation("cnv_3", "con_3", "2026-03-03T23:50:00Z", true);
  late.handed_off_at = At("2026-03-04T00:10:00Z");  // reached the queue after the range
  w.conversations = {chat, contained, late};
  w.merchants_onboarded = {{At("2026-03-02T08:00:00Z"), true, At("2026-03-02T12:00:00Z")},
                           {At("2026-03-02T09:00:00Z"), false},   // the check approved it
                           {At("2026-03-03T09:00:00Z"), true}};  // still waiting

  const std::vector<automation::QueuedItem> items = QueuedWork(w, kRange);
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[0].type, WorkType::kAssistantContact);
  EXPECT_EQ(items[0].queued_at, At("2026-03-01T10:05:00Z"));
  EXPECT_EQ(items[0].decided_at, At("2026-03-01T10:35:00Z"));
  EXPECT_EQ(items[1].type, WorkType::kMerchantOnboarding);
  EXPECT_EQ(items[1].decided_at, At("2026-03-02T12:00:00Z"));
  EXPECT_EQ(items[2].type, WorkType::kMerchantOnboarding);
  EXPECT_FALSE(items[2].decided_at.has_value());

  const std::vector<automation::QueueAge> ages = automation::QueueAges(items, kNow);
  ASSERT_EQ(ages.size(), 2u);
  const auto of = [&](WorkType type) {
    return *std::find_if(ages.begin(), ages.end(), [&](const automation::QueueAge& a) { return a.type == type; });
  };
  EXPECT_EQ(of(WorkType::kAssistantContact).median_wait_s, 30 * 60);
  EXPECT_EQ(of(WorkType::kMerchantOnboarding).median_wait_s, 4 * 3600);
  EXPECT_EQ(of(WorkType::kMerchantOnboarding).waiting, 1);
}

}  // namespace
}  // namespace tranche::ops
