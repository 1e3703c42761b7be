#include "automation/scorecard.h"

#include <gtest/gtest.h>

namespace tranche::automation {
namespace {

TEST(WorkTally, RoundTripsThroughJson) {
  WorkTally t(3);
  t.Add(0, 9, WorkType::kCustomerContact, false, false);
  t.Add(2, 23, WorkType::kReconException, true, false);
  t.Add(1, 12, WorkType::kCreditDecision, true, true);
  auto back = WorkTally::FromJson(t.ToJson());
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->ToJson(), t.ToJson());
  EXPECT_FALSE(WorkTally::FromJson(R"({"days": 2, "types": {"dispute": {"items": 1}}})").ok());
  EXPECT_FALSE(WorkTally::FromJson("[]").ok());
}

TEST(WorkTally, ARunFromBeforeATypeExistedReadsAsZeroItemsOfIt) {
  // work.json of a run made before fraud reviews and assistant contacts were types.
  auto old = WorkTally::FromJson(R"({"days": 1, "types": {"dispute": {"items": 1, "automated": 1, "flagged": 0,
      "by_day": [[1, 1, 0]], "by_hour": [0,0,0,0,0,0,0,0,0,1,0,0,0,0,0,0,0,0,0,0,0,0,0,0],
      "to_people_by_hour": [0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0]}}})");
  ASSERT_TRUE(old.ok()) << old.status().ToString();
  const Scorecard sc = Score(*old, Staffing{});
  ASSERT_EQ(sc.types.size(), kWorkTypes);
  const TypeScore& fraud = sc.types[static_cast<std::size_t>(WorkType::kFraudReview)];
  EXPECT_EQ(WorkTypeName(fraud.type), "fraud_review");
  EXPECT_EQ(fraud.team, "fraud operations");
  EXPECT_EQ(fraud.items, 0);
  EXPECT_EQ(fraud.fte_without, 0);
  EXPECT_EQ(sc.types[static_cast<std::size_t>(WorkType::kDispute)].items, 1);
  EXPECT_TRUE(ParseWorkType("assistant_contact") == WorkType::kAssistantContact);
}

TEST(Scorecard, FraudReviewsAreBackOfficeWorkAtTheManualReviewTime) {
  Staffing s;
  WorkTally t(1);
  // 100 screenings, 10 held for a person: 10 × 12 min = 2 h a day.
  for (int i = 0; i < 100; ++i) t.Add(0, 14, WorkType::kFraudReview, i >= 10, false);
  const Scorecard sc = Score(t, s);
  const TypeScore& fraud = sc.types[static_cast<std::size_t>(WorkType::kFraudReview)];
  EXPECT_EQ(fraud.handling_minutes, 12);
  EXPECT_NEAR(fraud.fte_with, 2.0 * 7 / (37.5 * 0.65), 1e-9);
  EXPECT_NEAR(fraud.fte_without, 20.0 * 7 / (37.5 * 0.65), 1e-9);
  EXPECT_EQ(fraud.automated_by_day, std::vector<std::int64_t>{90});
}

TEST(Scorecard, StaffsWhatPeopleHandleOnly) {
  Staffing s;
  WorkTally t(7);
  // 7 days × 100 contacts at 10:00, none automated; 700 reconciliation lines a day, 98 % by rule.
  for (int d = 0; d < 7; ++d) {
    for (int i = 0; i < 100; ++i) t.Add(d, 10, WorkType::kCustomerContact, false, false);
    for (int i = 0; i < 700; ++i) t.Add(d, 9, WorkType::kReconException, i >= 14, false);
  }
  const Scorecard sc = Score(t, s);
  const TypeScore& contacts = sc.types[static_cast<std::size_t>(WorkType::kCustomerContact)];
  const TypeScore& recon = sc.types[static_cast<std::size_t>(WorkType::kReconException)];
  // 100 contacts in one hour at 420 s = 11.7 Erlangs; 80 % in 60 s takes 15 agents for
  // that hour: 15 agent-hours a day, 105 a week, over 37.5 h × 65 % productive.
  EXPECT_NEAR(contacts.fte_without, 105 / (37.5 * 0.65), 1e-9);
  EXPECT_EQ(contacts.fte_with, contacts.fte_without);
  // Reconciliation: 14 exceptions a day × 15 min = 3.5 h a day.
  EXPECT_NEAR(recon.fte_with, 3.5 * 7 / (37.5 * 0.65), 1e-9);
  EXPECT_NEAR(recon.fte_without, 700 * 0.25 * 7 / (37.5 * 0.65), 1e-9);
  EXPECT_LT(sc.fte_with, sc.fte_without);
  const std::string html = ScorecardHtml(sc, "run<1>");
  EXPECT_NE(html.find("run&lt;1&gt;"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("Checkouts approved"), std::string::npos);  // no checkouts given
}

// Ten days: week 0 has four checkouts (three approved, one of them held; one fraud that
// was held), week 1 two (one declined fraud, one approved fraud).
TEST(Scorecard, CheckoutsWeekByWeekGiveApprovalAndFraudRates) {
  const std::vector<CheckoutOutcome> checkouts = {{0, true, false, false}, {1, true, true, true},
                                                  {3, false, false, false}, {6, true, false, false},
                                                  {7, false, false, true}, {9, true, false, true}};
  const CheckoutWeeks w = CheckoutsByWeek(checkouts, 10);
  ASSERT_EQ(w.approval_rate.size(), 2u);
  EXPECT_DOUBLE_EQ(*w.approval_rate[0], 0.75);
  EXPECT_DOUBLE_EQ(*w.approval_rate[1], 0.5);
  EXPECT_DOUBLE_EQ(*w.fraud_share[0], 0.25);
  EXPECT_DOUBLE_EQ(*w.fraud_share[1], 1.0);
  EXPECT_DOUBLE_EQ(*w.frauds_stopped[0], 1.0);  // held for review
  EXPECT_DOUBLE_EQ(*w.frauds_stopped[1], 0.5);  // declined; the other got through
  // A week without checkouts has no rates, and one without fraud no stopped share.
  const CheckoutWeeks quiet = CheckoutsByWeek({{0, true, false, false}}, 14);
  EXPECT_FALSE(quiet.frauds_stopped[0].has_value());
  EXPECT_FALSE(quiet.approval_rate[1].has_value());
  Scorecard sc;
  sc.days = 10;
  const std::string html = ScorecardHtml(sc, "run", {&w});
  EXPECT_NE(html.find("Checkouts approved (weekly)"), std::string::npos);
  EXPECT_NE(html.find("Fraud among checkouts"), std::string::npos);
  EXPECT_NE(html.find(">100%<"), std::string::npos);
}

TEST(Scorecard, LossesToDateAreASharePerCurrencyOfWhatWasLentAtCheckout) {
  const std::vector<CheckoutOutcome> checkouts = {
      {0, true, false, false, Currency::kUSD, 10'000},  // lent
      {1, true, true, true, Currency::kUSD, 50'000},    // held for review: not lent at checkout
      {2, false, false, false, Currency::kUSD, 70'000}, // declined
      {8, true, false, false, Currency::kUSD, 30'000},
      {9, true, false, false, Currency::kSEK, 200'000}};
  const std::vector<DayLosses> losses = {{3, Currency::kUSD, 0, 0},
                                         {5, Currency::kUSD, 1'000, 0},
                                         {10, Currency::kUSD, 3'000, 2'000},
                                         {12, Currency::kUSD, -1'000, 0},  // a recovery
                                         {11, Currency::kSEK, 0, 20'000}};
  const std::vector<LossWeeks> w = LossesByWeek(checkouts, losses, 14);
  ASSERT_EQ(w.size(), 2u);
  EXPECT_EQ(w[0].currency, Currency::kUSD);
  ASSERT_EQ(w[0].credit_rate.size(), 2u);
  EXPECT_DOUBLE_EQ(*w[0].credit_rate[0], 0.1);  // 1,000 of 10,000
  EXPECT_DOUBLE_EQ(*w[0].fraud_rate[0], 0.0);
  EXPECT_DOUBLE_EQ(*w[0].credit_rate[1], 0.075);  // 3,000 of 40,000, to date
  EXPECT_DOUBLE_EQ(*w[0].fraud_rate[1], 0.05);
  EXPECT_EQ(w[1].currency, Currency::kSEK);
  EXPECT_FALSE(w[1].credit_rate[0].has_value());  // nothing lent in SEK yet
  EXPECT_DOUBLE_EQ(*w[1].fraud_rate[1], 0.1);
  Scorecard sc;
  sc.days = 14;
  const std::string html = ScorecardHtml(sc, "run", {nullptr, &w});
  EXPECT_NE(html.find("Losses to date"), std::string::npos);
  EXPECT_NE(html.find("SEK fraud losses"), std::string::npos);
  EXPECT_NE(html.find(">10%<"), std::string::npos);  // the scale: 10 % is the largest
}

}  // namespace
}  // namespace tranche::automation

namespace tranche::automation {
namespace {

Instant AtTime(const char* rfc3339) { return *ParseRfc3339(rfc3339); }

// A run of 14 days from 2026-03-02: week 0 takes up three reviews (waits 2, 4 and 30
// hours) and a dispute; week 1 one review, and one review still waits at the end.
TEST(Scorecard, WaitsForAPersonWeekByWeekAndTheQueueAgesAtTheEnd) {
  const std::vector<QueuedItem> items = {
      {WorkType::kFraudReview, AtTime("2026-03-02T10:00:00Z"), AtTime("2026-03-02T12:00:00Z")},
      {WorkType::kFraudReview, AtTime("2026-03-03T10:00:00Z"), AtTime("2026-03-03T14:00:00Z")},
      {WorkType::kFraudReview, AtTime("2026-03-04T10:00:00Z"), AtTime("2026-03-05T16:00:00Z")},
      {WorkType::kDispute, AtTime("2026-03-02T09:00:00Z"), AtTime("2026-03-06T09:00:00Z")},
      {WorkType::kFraudReview, AtTime("2026-03-08T10:00:00Z"), AtTime("2026-03-09T09:00:00Z")},
      {WorkType::kFraudReview, AtTime("2026-03-15T09:00:00Z"), std::nullopt}};
  const std::vector<QueueWeeks> w = QueueWaitsByWeek(items, *ParseDate("2026-03-02"), 14);
  ASSERT_EQ(w.size(), 2u);
  EXPECT_EQ(w[0].type, WorkType::kDispute);  // kAllWorkTypes order
  EXPECT_DOUBLE_EQ(*w[0].median_hours[0], 96);
  EXPECT_FALSE(w[0].median_hours[1].has_value());
  EXPECT_EQ(w[1].type, WorkType::kFraudReview);
  EXPECT_DOUBLE_EQ(*w[1].median_hours[0], 4);
  EXPECT_DOUBLE_EQ(*w[1].p90_hours[0], 30);
  EXPECT_DOUBLE_EQ(*w[1].median_hours[1], 23);  // taken up in week 1, whenever it queued

  const std::vector<QueueAge> ages = QueueAges(items, AtTime("2026-03-16T00:00:00Z"));
  Scorecard sc;
  sc.days = 14;
  const std::string html = ScorecardHtml(sc, "run", {nullptr, nullptr, &w, &ages});
  EXPECT_NE(html.find("Waiting for a person"), std::string::npos);
  EXPECT_NE(html.find("fraud_review 90th percentile"), std::string::npos);
  EXPECT_NE(html.find(">168 h<"), std::string::npos);  // the scale: 96 h fits in a week
  EXPECT_NE(html.find("Queue ages at the end of the run"), std::string::npos);
  EXPECT_NE(html.find("<td>15.0 h</td>"), std::string::npos);  // the one still waiting
  const nlohmann::json j = nlohmann::json::parse(ScorecardJson(sc, &ages));
  ASSERT_EQ(j["queue_ages"].size(), 2u);
  EXPECT_EQ(j["queue_ages"][1]["type"], "fraud_review");
  EXPECT_EQ(j["queue_ages"][1]["waiting"], 1);
  EXPECT_EQ(j["queue_ages"][1]["oldest_waiting_seconds"], 15 * 3600);
  EXPECT_FALSE(nlohmann::json::parse(ScorecardJson(sc)).contains("queue_ages"));
}

}  // namespace
}  // namespace tranche::automation
