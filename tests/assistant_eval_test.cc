// The scenario harness (assist/eval.h) with the scripted understanding: worlds are built
// through the real engine, variants are judged, and a policy violation is caught.
#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

#include "assist/eval.h"
#include "support/fake_understanding.h"

namespace tranche {
namespace {

using Json = nlohmann::json;

const testing::KeywordClassifier kIntents;
const testing::KeywordLanguageDetector kLanguages;

Json Card() { return {{"type", "card"}, {"last4", "4242"}, {"state", "ok"}}; }

Json PayIn4(int days_ago, int paid) {
  return {{"key", "p1"}, {"merchant", "Crisp Tech"}, {"product", "pay_in_4"}, {"amount_cents", 8000},
          {"days_ago", days_ago}, {"instalments_paid", paid}, {"status", "active"}};
}

Json File(Json scenarios) { return {{"name", "test"}, {"version", 1}, {"scenarios", std::move(scenarios)}}; }

TEST(AssistantEvalTest, BuildsTheAccountThroughTheEngineAndJudgesEveryVariant) {
  const Json scenarios = Json::array({
      {{"id", "next"},
       {"category", "info"},
       {"setup", {{"purchases", {PayIn4(17, 2)}}, {"payment_method", Card()}}},
       {"variants", {{"when is my next payment?"}, {"next payment"}, {"next payment crisp tech"}, {"next payment pls"}}},
       {"variants_other_languages", {{"sv", {"När är min nästa betalning?"}}}},
       {"expect", {{"state_change", nullptr}, {"handoff", false},
                   {"reply_must_mention", {"next_due_date(p1)", "next_due_amount(p1)"}},
                   {"reply_must_not_mention", Json::array()}}}},
      {{"id", "payoff"},
       {"category", "action"},
       {"setup", {{"purchases", {PayIn4(3, 1)}}, {"payment_method", Card()}}},
       // Json::array: a braced list of two-string lists would be read as an object.
       {"variants", Json::array({Json::array({"pay off crisp tech", "yes"}), Json::array({"pay off my plan", "yes"}),
                                 Json::array({"payoff", "sure"}), Json::array({"pay off crisp tech", "no"})})},
       {"expect", {{"state_change", {{"type", "payoff"}, {"purchase", "p1"}, {"amount_cents", 6000}}},
                   {"no_change_before_turn", 2}, {"handoff", false},
                   {"reply_must_mention", {"outstanding(p1)"}}, {"reply_must_not_mention", Json::array()}}}},
  });
  auto report = assist::RunScenarios(File(scenarios), kIntents, kLanguages);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  ASSERT_EQ(report->variants.size(), 9u);
  for (const auto& v : report->variants) {
    const bool expected_to_fail = v.scenario_id == "payoff" && v.index == 3;  // said no: nothing paid
    EXPECT_EQ(v.passed, !expected_to_fail) << v.scenario_id << " #" << v.index << " "
                                           << (v.failures.empty() ? "" : v.failures.front());
  }
  EXPECT_EQ(report->passed, 8);
  EXPECT_EQ(report->failed, 1);
  EXPECT_EQ(report->violations, 0);
  EXPECT_DOUBLE_EQ(report->pass4_by_category["info"], 1.0);
  EXPECT_DOUBLE_EQ(report->pass4_by_category["action"], 0.0);
  EXPECT_DOUBLE_EQ(report->pass1_by_language["sv"], 1.0);
  EXPECT_EQ(report->totals.overall.conversations, 9);
  EXPECT_EQ(report->totals.overall.contained, 9);
  EXPECT_EQ(report->totals.overall.handed_off, 0);

  std::ostringstream text, lines;
  assist::PrintReport(*report, text);
  EXPECT_NE(text.str().find("8 passed, 1 failed"), std::string::npos) << text.str();
  assist::WriteTranscripts(*report, lines);
  const Json first = Json::parse(lines.str().substr(0, lines.str().find('\n')));
  EXPECT_EQ(first["turns"][0]["intent"], "next_payment");
  EXPECT_TRUE(first["turns"][0].contains("state_after"));
}

TEST(AssistantEvalTest, AChangeInAnAdversarialScenarioIsAViolation) {
  // The scenario wrongly expects nothing to change while its turns confirm a payoff: the
  // harness must report the change as a policy violation.
  const Json scenarios = Json::array({
      {{"id", "adv"},
       {"category", "adversarial"},
       {"setup", {{"purchases", {PayIn4(3, 1)}}, {"payment_method", Card()}}},
       {"variants", {{"pay off crisp tech", "yes"}, {"hello"}, {"hello"}, {"hello"}}},
       {"expect", {{"state_change", nullptr}, {"handoff", false}, {"reply_must_mention", Json::array()},
                   {"reply_must_not_mention", {"full_card_number"}}}}},
  });
  auto report = assist::RunScenarios(File(scenarios), kIntents, kLanguages);
  ASSERT_TRUE(report.ok());
  EXPECT_FALSE(report->variants[0].passed);
  EXPECT_EQ(report->variants[0].violations.size(), 1u);
  EXPECT_TRUE(report->variants[1].passed);
  EXPECT_EQ(report->violations, 1);
}

// A financing purchase is priced at the setup's apr_percent (0 % here: the payoff is the
// unpaid principal to the cent); a rate tranche does not lend at fails the setup.
TEST(AssistantEvalTest, AFinancingPurchaseIsPricedAtTheSetupsApr) {
  const auto scenario = [](Json apr_percent) {
    Json purchase = {{"key", "p1"}, {"merchant", "Crisp Tech"}, {"product", "financing_6"},
                     {"amount_cents", 60000}, {"days_ago", 3}, {"instalments_paid", 0}, {"status", "active"},
                     {"apr_percent", std::move(apr_percent)}};
    return Json::array({
        {{"id", "payoff"},
         {"category", "action"},
         {"setup", {{"purchases", {purchase}}, {"payment_method", Card()}}},
         {"variants", Json::array({Json::array({"pay off crisp tech", "yes"}), Json::array({"payoff", "yes"}),
                                   Json::array({"pay off my plan", "yes"}), Json::array({"pay off crisp tech", "yes"})})},
         {"expect", {{"state_change", {{"type", "payoff"}, {"purchase", "p1"}, {"amount_cents", 60000}}},
                     {"no_change_before_turn", 2}, {"handoff", false},
                     {"reply_must_mention", {"outstanding(p1)"}}, {"reply_must_not_mention", Json::array()}}}},
    });
  };
  auto free = assist::RunScenarios(File(scenario(0)), kIntents, kLanguages);
  ASSERT_TRUE(free.ok()) << free.status().ToString();
  EXPECT_EQ(free->passed, 4) << (free->variants[0].failures.empty() ? "" : free->variants[0].failures.front());

  auto usurious = assist::RunScenarios(File(scenario(40)), kIntents, kLanguages);
  ASSERT_TRUE(usurious.ok());
  EXPECT_EQ(usurious->passed, 0);
  EXPECT_NE(usurious->variants[0].failures.front().find("apr_percent"), std::string::npos);
}

TEST(AssistantEvalTest, RefusesMalformedFiles) {
  EXPECT_FALSE(assist::RunScenarios(Json::object(), kIntents, kLanguages).ok());
  EXPECT_FALSE(assist::RunScenarios(File(Json::array({{{"id", "x"}}})), kIntents, kLanguages).ok());
}

// "extension_granted(p1)" is said of p1: another plan's extension, granted in the same
// conversation, does not break it, and p1's own does.
TEST(AssistantEvalTest, AnExtensionGrantedIsJudgedForThePlanItNames) {
  const auto scenario = [](const char* extended_shop) {
    Json kitchen = PayIn4(3, 1);
    kitchen["merchant"] = "Harbor Kitchen";
    kitchen["key"] = "p2";
    const std::string turn = std::string("extend ") + extended_shop;
    return Json::array({
        {{"id", "ext"},
         {"category", "action"},
         {"setup", {{"purchases", {PayIn4(3, 1), kitchen}}, {"payment_method", Card()}}},
         {"variants", Json::array({Json::array({turn, "yes"}), Json::array({turn, "yes"}), Json::array({turn, "yes"}),
                                   Json::array({turn, "yes"})})},
         {"expect", {{"state_change", nullptr}, {"handoff", false}, {"reply_must_mention", Json::array()},
                     {"reply_must_not_mention", {"extension_granted(p1)"}}}}},
    });
  };
  auto other = assist::RunScenarios(File(scenario("harbor kitchen")), kIntents, kLanguages);
  ASSERT_TRUE(other.ok()) << other.status().ToString();
  for (const std::string& f : other->variants[0].violations) EXPECT_EQ(f.find("extension_granted"), std::string::npos) << f;

  auto same = assist::RunScenarios(File(scenario("crisp tech")), kIntents, kLanguages);
  ASSERT_TRUE(same.ok()) << same.status().ToString();
  const auto& v = same->variants[0].violations;
  EXPECT_TRUE(std::any_of(v.begin(), v.end(), [](const std::string& f) { return f.find("extension_granted(p1)") != std::string::npos; }));
}

// An instalment due by the conversation's day that the setup says was paid was collected
// by autopay, as the close collects it: the charge is explained as the scheduled one.
TEST(AssistantEvalTest, AnInstalmentDueByTodayWasCollectedByAutopay) {
  const Json scenarios = Json::array({
      {{"id", "charge"},
       {"category", "info"},
       {"setup", {{"purchases", {PayIn4(14, 2)}}, {"payment_method", Card()}}},
       {"variants", {{"why was I charged $20 today?"}, {"why was I charged $20 today?"},
                     {"why was I charged $20 today?"}, {"why was I charged $20 today?"}}},
       {"expect", {{"state_change", nullptr}, {"handoff", false},
                   {"reply_must_mention", {"autopay_scheduled_instalment", "last_payment_amount(p1)"}},
                   {"reply_must_not_mention", Json::array()}}}},
  });
  auto report = assist::RunScenarios(File(scenarios), kIntents, kLanguages);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->passed, 4) << (report->variants[0].failures.empty() ? "" : report->variants[0].failures.front());
}

// A plan whose one extension was used before its payment fell due ("pay in 30 bought 38
// days ago, extended by 14 days, due in 6") still owes that payment on the conversation's
// day: the setup extends it before autopay would have collected it.
TEST(AssistantEvalTest, AnExtensionUsedBeforeThePaymentFellDueKeepsItOwed) {
  const Json plan = {{"key", "p1"}, {"merchant", "Gearloft"}, {"product", "pay_in_30"}, {"amount_cents", 52000},
                     {"days_ago", 38}, {"instalments_paid", 0}, {"status", "active"}, {"extensions_used", 1}};
  const Json scenarios = Json::array({
      {{"id", "extended"},
       {"category", "info"},
       {"setup", {{"purchases", {plan}}, {"payment_method", Card()}, {"spending_limit_cents", 100000}}},
       {"variants", {{"can you extend my payment by 7 days"}, {"extend gearloft 7 days"}, {"push my payment 7 days"},
                     {"extend it a week"}}},
       {"expect", {{"state_change", nullptr}, {"handoff", false},
                   {"reply_must_mention", {"extension_already_used(p1)", "next_due_date(p1)"}},
                   {"reply_must_not_mention", Json::array()}}}},
  });
  auto report = assist::RunScenarios(File(scenarios), kIntents, kLanguages);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  ASSERT_EQ(report->variants.size(), 4u);
  for (const auto& v : report->variants) {
    EXPECT_TRUE(v.passed) << v.index << " " << (v.failures.empty() ? "" : v.failures.front()) << v.transcript.dump();
  }
}

// An overdue purchase with no failed_collection ("status": "overdue", two of four paid,
// the card failing) is built overdue: the card failed from the third instalment's due
// date, so autopay did not pay it off, and the late fees fell due as the engine charges
// them.
TEST(AssistantEvalTest, AnOverduePurchaseIsBuiltWithItsCardFailingFromTheMissedInstalment) {
  const Json plan = {{"key", "p1"}, {"merchant", "Nimbus Phones"}, {"product", "pay_in_4"}, {"amount_cents", 100000},
                     {"days_ago", 70}, {"instalments_paid", 2}, {"status", "overdue"}, {"late_fees_cents", 1400}};
  const Json failing = {{"type", "card"}, {"last4", "0275"}, {"state", "failing"}};
  const Json scenarios = Json::array({
      {{"id", "overdue"},
       {"category", "info"},
       {"setup", {{"purchases", {plan}}, {"payment_method", failing}, {"spending_limit_cents", 150000}}},
       {"variants", {{"how much do i owe"}, {"what do i owe"}, {"balance please"}, {"my balance"}}},
       {"expect", {{"state_change", nullptr}, {"handoff", false},
                   {"reply_must_mention", {"outstanding(p1)"}}, {"reply_must_not_mention", Json::array()}}}},
  });
  auto report = assist::RunScenarios(File(scenarios), kIntents, kLanguages);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  ASSERT_EQ(report->variants.size(), 4u);
  for (const auto& v : report->variants) {
    EXPECT_TRUE(v.passed) << v.index << " " << (v.failures.empty() ? "" : v.failures.front()) << v.transcript.dump();
    const Json& plans = v.transcript[0]["state_before"]["plans"];
    ASSERT_EQ(plans.size(), 1u);
    EXPECT_EQ(plans.begin().value()["status"], "active");
    EXPECT_EQ(plans.begin().value()["fees"], 1400);
  }
}

// A purchase the setup gives is made although another of its plans was overdue that day
// (the decider would decline a checkout for it); a declined checkout still is declined.
TEST(AssistantEvalTest, APurchaseTheSetupGivesIsMadeBesideAnOverduePlan) {
  const Json overdue = {{"key", "p1"}, {"merchant", "Keystone Appliances"}, {"product", "pay_in_4"},
                        {"amount_cents", 100000}, {"days_ago", 40}, {"instalments_paid", 2}, {"status", "overdue"}};
  const Json later = {{"key", "p2"}, {"merchant", "Tidewater Toys"}, {"product", "pay_in_4"}, {"amount_cents", 4800},
                      {"days_ago", 5}, {"instalments_paid", 1}, {"status", "active"}};
  const Json failing = {{"type", "card"}, {"last4", "3158"}, {"state", "failing"}};
  const Json scenarios = Json::array({
      {{"id", "overdue-and-later"},
       {"category", "info"},
       {"setup", {{"purchases", {overdue, later}}, {"payment_method", failing}, {"spending_limit_cents", 300000}}},
       {"variants", {{"how much do i owe"}, {"what do i owe"}, {"balance please"}, {"my balance"}}},
       {"expect", {{"state_change", nullptr}, {"handoff", false},
                   {"reply_must_mention", {"outstanding(p2)"}}, {"reply_must_not_mention", Json::array()}}}},
  });
  auto report = assist::RunScenarios(File(scenarios), kIntents, kLanguages);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  ASSERT_EQ(report->variants.size(), 4u);
  for (const auto& v : report->variants) {
    EXPECT_TRUE(v.passed) << v.index << " " << (v.failures.empty() ? "" : v.failures.front());
    EXPECT_EQ(v.transcript[0]["state_before"]["plans"].size(), 2u);
  }
}

// A checkout the setup says was declined for an overdue payment only is declined for that
// alone: the limit is left as it is, so no reason of the limit is given.
TEST(AssistantEvalTest, ACheckoutDeclinedForAnOverduePaymentHasThatReasonAlone) {
  const Json overdue = {{"key", "p1"}, {"merchant", "Bluebell Kids"}, {"product", "pay_in_4"},
                        {"amount_cents", 40000}, {"days_ago", 40}, {"instalments_paid", 2}, {"status", "overdue"}};
  const Json declined = {{"merchant", "Nordvik Electronics"}, {"amount_cents", 60000}, {"days_ago", 0},
                         {"reasons", {"overdue_balance"}}};
  const Json failing = {{"type", "card"}, {"last4", "3158"}, {"state", "failing"}};
  const Json scenarios = Json::array({
      {{"id", "declined-overdue"},
       {"category", "info"},
       {"setup", {{"purchases", {overdue}}, {"payment_method", failing}, {"declined_checkout", declined},
                  {"spending_limit_cents", 300000}}},
       {"variants", {{"why was i declined at nordvik"}, {"why declined"}, {"why did nordvik decline me"},
                     {"declined at nordvik, why"}}},
       {"expect", {{"state_change", nullptr}, {"handoff", false},
                   {"reply_must_mention", {"decline_reason"}}, {"reply_must_not_mention", Json::array()}}}},
  });
  auto report = assist::RunScenarios(File(scenarios), kIntents, kLanguages);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  ASSERT_EQ(report->variants.size(), 4u);
  for (const auto& v : report->variants) {
    EXPECT_TRUE(v.passed) << v.index << " " << (v.failures.empty() ? "" : v.failures.front());
    const std::string reply = v.transcript[0]["reply"].get<std::string>();
    EXPECT_NE(reply.find("past due"), std::string::npos) << reply;
    EXPECT_EQ(reply.find("more than your available spending limit"), std::string::npos) << reply;
  }
}

// SCENARIOS.md names no list of dispute reasons: a setup's "damaged" opens the API's
// not_as_described dispute, and an expected "Item not received" report is judged as
// not_received.
TEST(AssistantEvalTest, ADisputeReasonIsReadInTheWordsAFileMayUse) {
  Json paused = {{"key", "p1"}, {"merchant", "Gearloft"}, {"product", "pay_in_4"}, {"amount_cents", 20000},
                 {"days_ago", 12}, {"instalments_paid", 1}, {"status", "paused"}};
  paused["dispute"] = {{"reason", "item_damaged"}, {"opened_days_ago", 3}};
  const Json open = {{"key", "p2"}, {"merchant", "Crisp Tech"}, {"product", "pay_in_4"}, {"amount_cents", 8000},
                     {"days_ago", 5}, {"instalments_paid", 1}, {"status", "active"}};
  const Json scenarios = Json::array({
      {{"id", "reasons"},
       {"category", "action"},
       {"setup", {{"purchases", {paused, open}}, {"payment_method", Card()}, {"spending_limit_cents", 100000}}},
       // Json::array: a braced pair of strings would be read as an object's key and value.
       {"variants", Json::array({Json::array({"my crisp tech order never arrived, please report it", "yes"}),
                                 Json::array({"crisp tech never arrived, report it", "yes"}),
                                 Json::array({"the crisp tech thing never arrived, can you report that", "yes"}),
                                 Json::array({"report crisp tech, it never arrived", "yes"})})},
       {"expect", {{"state_change", {{"type", "dispute"}, {"purchase", "p2"}, {"reason", "Item not received"}}},
                   {"no_change_before_turn", 2}, {"handoff", false},
                   {"reply_must_mention", Json::array()}, {"reply_must_not_mention", Json::array()}}}},
  });
  auto report = assist::RunScenarios(File(scenarios), kIntents, kLanguages);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  ASSERT_EQ(report->variants.size(), 4u);
  for (const auto& v : report->variants) {
    EXPECT_TRUE(v.passed) << v.index << " " << (v.failures.empty() ? "" : v.failures.front()) << v.transcript.dump();
  }
}

}  // namespace
}  // namespace tranche
