// Servicing over months on the simulated clock, through the real server: each scenario
// buys, moves the clock with POST /v1/admin/clock/advance (which closes every business
// date that passes) and checks amounts, statuses, ledger balances, events and
// notifications.
#include "api/idempotency.h"
#include "api/json_input.h"
#include "core/hex.h"
#include "ops/plan_actions.h"
#include "servicing/servicing.h"
#include "support/scenario.h"

namespace tranche {
namespace {

using Json = nlohmann::json;
using testing::Scenario;

TEST(ServicingScenarioTest, PayIn4CollectedOnTimeAndTheMerchantIsPaid) {
  Scenario s;
  const auto buy = s.Buy("ontime@example.com", 10000);
  // 2,500 due 2026-01-05, -19, 02-02, 02-16. Closing the 5th collects the first.
  s.Advance(1);
  lending::Plan p = s.Plan(buy.plan_id);
  EXPECT_EQ(p.installments[0].paid.minor(), 2500);
  EXPECT_EQ(s.Receivable(buy.consumer_id), 7500);
  EXPECT_EQ(s.Balance("collections_cash:USD"), 2500);
  // The merchant's settlement of the 5th: 10,000 captured less 3.29 % + 0.30, paid out.
  auto settlements = s.client().Get("/v1/settlements", s.mkey());
  ASSERT_EQ(settlements.status, 200);
  ASSERT_EQ(settlements.json()["data"].size(), 1u) << settlements.body;
  const Json st = settlements.json()["data"][0];
  EXPECT_EQ(st["business_date"], "2026-01-05");
  EXPECT_EQ(st["captures"], 10000);
  EXPECT_EQ(st["fees"], 359);
  EXPECT_EQ(st["net"], 9641);
  auto payouts = s.client().Get("/v1/payouts", s.mkey());
  ASSERT_EQ(payouts.json()["data"].size(), 1u);
  EXPECT_EQ(payouts.json()["data"][0]["status"], "paid");
  EXPECT_EQ(payouts.json()["data"][0]["amount"], 9641);
  EXPECT_EQ(s.Balance("merchant_payable:USD:" + s.server().merchant_id), 0);
  EXPECT_EQ(s.Balance("settlement_cash:USD"), -9641);
  auto detail = s.client().Get("/v1/settlements/" + st["id"].get<std::string>(), s.mkey());
  ASSERT_EQ(detail.json()["lines"].size(), 1u);
  EXPECT_EQ(detail.json()["lines"][0]["kind"], "capture");
  auto csv = s.client().Get("/v1/settlements/" + st["id"].get<std::string>() + "/export", s.mkey());
  EXPECT_EQ(csv.status, 200);
  EXPECT_NE(csv.body.find(",\"capture\","), std::string::npos);
  EXPECT_EQ(s.client().Get("/v1/settlements/" + st["id"].get<std::string>(), s.server().other_merchant_key).status,
            404);

  s.AdvanceTo("2026-02-17");
  p = s.Plan(buy.plan_id);
  EXPECT_EQ(p.status, lending::PlanStatus::kPaidOff);
  EXPECT_EQ(s.Receivable(buy.consumer_id), 0);
  EXPECT_EQ(s.Balance("collections_cash:USD"), 10000);
  EXPECT_EQ(p.fees_charged.minor(), 0);
  const auto events = s.EventCounts();
  EXPECT_EQ(events.at("plan.payment_succeeded"), 4);
  EXPECT_EQ(events.at("plan.paid_off"), 1);
  EXPECT_EQ(events.at("payout.paid"), 1);
  EXPECT_EQ(events.count("plan.payment_failed"), 0u);
  EXPECT_EQ(s.Notifications(buy.consumer_id, "payment_reminder").size(), 3u);
  EXPECT_EQ(s.Notifications(buy.consumer_id, "plan_paid_off").size(), 1u);
  s.ExpectBooksAgree({buy.plan_id});

  // Operators see every closed date with its report, newest first.
  auto runs = s.client().Get("/v1/admin/cob/runs?limit=2", s.okey());
  ASSERT_EQ(runs.status, 200) << runs.body;
  ASSERT_EQ(runs.json()["data"].size(), 2u);
  EXPECT_EQ(runs.json()["data"][0]["business_date"], "2026-02-16");
  EXPECT_EQ(runs.json()["data"][0]["report"]["collections"]["succeeded"], 1);
  auto older = s.client().Get("/v1/admin/cob/runs?limit=2&starting_after=2026-02-15", s.okey());
  EXPECT_EQ(older.json()["data"][0]["business_date"], "2026-02-14");
  EXPECT_EQ(s.client().Get("/v1/admin/cob/runs?starting_after=yesterday", s.okey()).status, 400);

  // Closing a date again changes nothing.
  std::int64_t entries_before = 0;
  ASSERT_TRUE(s.server().platform().store().Read([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(entries_before, tx.ledger().CountEntries());
    return Status::Ok();
  }).ok());
  auto again = s.server().platform().cob().Close(*ParseDate("2026-01-19"));
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->already_closed);
  std::int64_t entries_after = 0;
  ASSERT_TRUE(s.server().platform().store().Read([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(entries_after, tx.ledger().CountEntries());
    return Status::Ok();
  }).ok());
  EXPECT_EQ(entries_before, entries_after);
  EXPECT_EQ(s.EventCounts(), events);
}

TEST(ServicingScenarioTest, TheCloseVisitsAPlanOnItsReminderAndDueDatesNotTheDaysBetween) {
  Scenario s;
  const auto buy = s.Buy("quiet-days@example.com", 10000);
  // 2,500 due 2026-01-05, -19, 02-02, 02-16; the second's reminder is closed on the 16th.
  s.AdvanceTo("2026-01-17");
  EXPECT_EQ(s.Plan(buy.plan_id).serviced_through, ParseDate("2026-01-16"));
  EXPECT_EQ(s.Notifications(buy.consumer_id, "payment_reminder").size(), 1u);
  // The 17th and 18th have no work for the plan: the close does not visit it.
  s.AdvanceTo("2026-01-19");
  EXPECT_EQ(s.Plan(buy.plan_id).serviced_through, ParseDate("2026-01-16"));
  // The due date collects, as every day would have.
  s.Advance(1);
  const lending::Plan p = s.Plan(buy.plan_id);
  EXPECT_EQ(p.serviced_through, ParseDate("2026-01-19"));
  EXPECT_EQ(p.installments[1].paid.minor(), 2500);
  EXPECT_EQ(s.Notifications(buy.consumer_id, "payment_reminder").size(), 1u);
  s.ExpectBooksAgree({buy.plan_id});
}

TEST(ServicingScenarioTest, AFailedCollectionIsRecoveredByTheRetry) {
  Scenario s;
  const auto buy = s.Buy("retry@example.com", 10000);
  s.SetProfile(buy.email, "insufficient_funds");
  s.Advance(1);
  EXPECT_EQ(s.Plan(buy.plan_id).installments[0].paid.minor(), 0);
  EXPECT_EQ(s.EventCounts().at("plan.payment_failed"), 1);
  ASSERT_EQ(s.Notifications(buy.consumer_id, "payment_failed").size(), 1u);
  // Overdue: no new purchases until it is paid.
  const std::string token = s.Login(buy.email);
  auto payments = s.client().Get("/v1/me/plans/" + buy.plan_id + "/payments", token);
  ASSERT_EQ(payments.json()["data"].size(), 1u);
  EXPECT_EQ(payments.json()["data"][0]["status"], "failed");
  EXPECT_EQ(payments.json()["data"][0]["failure_code"], "insufficient_funds");
  EXPECT_EQ(payments.json()["data"][0]["attempt"], 1);
  EXPECT_FALSE(payments.json()["data"][0]["processor_reference"].is_null());

  s.SetProfile(buy.email, "always_succeeds");
  s.Advance(1);  // the 6th: no attempt
  EXPECT_EQ(s.Plan(buy.plan_id).installments[0].paid.minor(), 0);
  s.Advance(1);  // the 7th: due + 2, the first retry
  EXPECT_EQ(s.Plan(buy.plan_id).installments[0].paid.minor(), 2500);
  payments = s.client().Get("/v1/me/plans/" + buy.plan_id + "/payments", s.Login(buy.email));
  ASSERT_EQ(payments.json()["data"].size(), 2u);
  EXPECT_EQ(payments.json()["data"][1]["status"], "succeeded");
  EXPECT_EQ(payments.json()["data"][1]["attempt"], 2);
  EXPECT_EQ(s.Plan(buy.plan_id).fees_charged.minor(), 0);
  s.ExpectBooksAgree({buy.plan_id});
}

TEST(ServicingScenarioTest, NeverPaidGoesThroughFeesAndBucketsToChargeOffThenRecovers) {
  Scenario s;
  const auto buy = s.Buy("never@example.com", 4000);  // 1,000 × 4; fee cap 25 % = 1,000
  s.SetProfile(buy.email, "insufficient_funds");
  s.AdvanceTo("2026-01-15");  // closed through the 14th: 9 days past due
  lending::Plan p = s.Plan(buy.plan_id);
  EXPECT_EQ(p.fees_charged.minor(), 0);
  EXPECT_EQ(p.bucket, lending::Bucket::kDpd1To30);
  s.Advance(1);  // the 15th: 10 days past due
  EXPECT_EQ(s.Plan(buy.plan_id).fees_charged.minor(), 700);
  EXPECT_EQ(s.Receivable(buy.consumer_id), 4700);
  s.AdvanceTo("2026-01-30");  // the 29th: instalment 2 is 10 days late; only 300 fits the cap
  EXPECT_EQ(s.Plan(buy.plan_id).fees_charged.minor(), 1000);
  s.AdvanceTo("2026-02-05");  // the 4th: 30 days
  EXPECT_EQ(s.Plan(buy.plan_id).bucket, lending::Bucket::kDpd1To30);
  s.Advance(1);  // 31 days
  EXPECT_EQ(s.Plan(buy.plan_id).bucket, lending::Bucket::kDpd31To60);
  s.AdvanceTo("2026-05-05");  // closed through May 4th: 119 days
  p = s.Plan(buy.plan_id);
  EXPECT_EQ(p.status, lending::PlanStatus::kActive);
  EXPECT_EQ(p.bucket, lending::Bucket::kDpd91To120);
  EXPECT_EQ(p.fees_charged.minor(), 1000);  // capped: instalments 3 and 4 added nothing
  s.Advance(1);  // May 5th: 120 days past due
  p = s.Plan(buy.plan_id);
  EXPECT_EQ(p.status, lending::PlanStatus::kChargedOff);
  EXPECT_EQ(FormatDate(*p.charged_off_on), "2026-05-05");
  EXPECT_EQ(s.Receivable(buy.consumer_id), 0);
  EXPECT_EQ(s.Balance("credit_loss_expense:USD"), 5000);
  EXPECT_EQ(s.Balance("fee_revenue:USD"), -1000);
  EXPECT_EQ(s.EventCounts().at("plan.charged_off"), 1);
  EXPECT_EQ(s.Notifications(buy.consumer_id, "late_fee").size(), 2u);
  auto portfolio = s.client().Get("/v1/admin/portfolio", s.okey());
  ASSERT_EQ(portfolio.status, 200) << portfolio.body;
  ASSERT_EQ(portfolio.json()["lines"].size(), 1u);
  EXPECT_EQ(portfolio.json()["lines"][0]["status"], "charged_off");
  EXPECT_EQ(portfolio.json()["lines"][0]["charge_off_reason"], "delinquency");
  EXPECT_EQ(portfolio.json()["lines"][0]["outstanding"], 4000);
  EXPECT_EQ(portfolio.json()["lines"][0]["fees_unpaid"], 1000);
  EXPECT_EQ(s.client().Get("/v1/admin/portfolio", s.mkey()).status, 403);

  // A later payment is a recovery.
  s.SetProfile(buy.email, "always_succeeds");
  auto paid = s.client().Post("/v1/me/plans/" + buy.plan_id + "/payments", {{"amount", 1500}}, s.Login(buy.email));
  ASSERT_EQ(paid.status, 201) << paid.body;
  EXPECT_EQ(paid.json()["status"], "succeeded");
  EXPECT_EQ(paid.json()["plan"]["recovered"], 1500);
  EXPECT_EQ(s.Balance("credit_loss_expense:USD"), 3500);
  EXPECT_EQ(s.Receivable(buy.consumer_id), 0);
  // A refund on the charged-off plan shrinks the loss, not a receivable already written off.
  auto refund = s.client().Post("/v1/orders/" + buy.order_id + "/refunds", {{"amount", 1000}}, s.mkey());
  ASSERT_EQ(refund.status, 201) << refund.body;
  EXPECT_EQ(s.Balance("credit_loss_expense:USD"), 2500);
  EXPECT_EQ(s.Receivable(buy.consumer_id), 0);
  EXPECT_EQ(s.Plan(buy.plan_id).status, lending::PlanStatus::kChargedOff);
  s.ExpectBooksAgree({buy.plan_id});
}

TEST(ServicingScenarioTest, ADisputePausesAndAnOperatorUpholdsTheMerchant) {
  Scenario s;
  const auto buy = s.Buy("dispute@example.com", 10000);
  s.Advance(1);  // instalment 1 collected; now the 6th
  const std::string token = s.Login(buy.email);
  auto d = s.client().Post("/v1/me/disputes", {{"order_id", buy.order_id}, {"reason", "not_received"}}, token);
  ASSERT_EQ(d.status, 201) << d.body;
  const std::string dispute_id = d.json()["id"];
  EXPECT_EQ(s.client().Post("/v1/me/disputes", {{"order_id", buy.order_id}, {"reason", "wrong_item"}}, token).status,
            409);
  EXPECT_EQ(s.EventCounts().at("dispute.opened"), 1);
  s.AdvanceTo("2026-01-20");  // instalment 2 fell due on the 19th, paused
  lending::Plan p = s.Plan(buy.plan_id);
  EXPECT_EQ(p.installments[1].paid.minor(), 0);
  EXPECT_EQ(p.fees_charged.minor(), 0);
  // The merchant contests; another merchant cannot see it.
  EXPECT_EQ(s.client().Post("/v1/disputes/" + dispute_id + "/respond", {{"accept", false}},
                            s.server().other_merchant_key).status, 404);
  auto contested = s.client().Post("/v1/disputes/" + dispute_id + "/respond",
                                   {{"accept", false}, {"note", "delivered, signed for"}}, s.mkey());
  ASSERT_EQ(contested.status, 200) << contested.body;
  EXPECT_EQ(contested.json()["status"], "under_review");
  // A parcel that never came is the merchant's to answer for, never the lender's loss.
  auto written_off = s.client().Post("/v1/admin/disputes/" + dispute_id + "/decide",
                                     {{"resolution", "written_off"}}, s.okey());
  EXPECT_EQ(written_off.status, 422) << written_off.body;
  EXPECT_EQ(written_off.json()["error"]["code"], "resolution_not_allowed");
  EXPECT_TRUE(s.Plan(buy.plan_id).paused_from.has_value());
  EXPECT_EQ(s.Balance("fraud_loss_expense:USD"), 0);
  auto decided = s.client().Post("/v1/admin/disputes/" + dispute_id + "/decide",
                                 {{"resolution", "merchant_upheld"}}, s.okey());
  ASSERT_EQ(decided.status, 200) << decided.body;
  EXPECT_EQ(decided.json()["resolution"], "merchant_upheld");
  // Resumed on the 20th after 14 days paused: the rest moves 14 days later.
  p = s.Plan(buy.plan_id);
  EXPECT_FALSE(p.paused_from.has_value());
  EXPECT_EQ(FormatDate(p.installments[1].due_date), "2026-02-02");
  EXPECT_EQ(FormatDate(p.installments[3].due_date), "2026-03-02");
  EXPECT_EQ(s.EventCounts().at("dispute.resolved"), 1);
  s.AdvanceTo("2026-02-03");
  EXPECT_EQ(s.Plan(buy.plan_id).installments[1].paid.minor(), 2500);
  EXPECT_EQ(s.Plan(buy.plan_id).fees_charged.minor(), 0);
  const Json updates = s.Notifications(buy.consumer_id, "dispute_update");
  ASSERT_GE(updates.size(), 3u);
  EXPECT_EQ(updates.back()["subject"], "Your reported problem: decided for the merchant: the purchase stands and "
                                       "your payments go on, their dates moved by the pause");
  s.ExpectBooksAgree({buy.plan_id});
}

TEST(ServicingScenarioTest, AnAcceptedDisputeBecomesARefund) {
  Scenario s;
  const auto buy = s.Buy("accepted@example.com", 10000);
  s.Advance(1);  // 2,500 paid
  auto d = s.client().Post("/v1/me/disputes", {{"order_id", buy.order_id}, {"reason", "returned"}},
                           s.Login(buy.email));
  ASSERT_EQ(d.status, 201) << d.body;
  auto accepted = s.client().Post("/v1/disputes/" + d.json()["id"].get<std::string>() + "/respond",
                                  {{"accept", true}}, s.mkey());
  ASSERT_EQ(accepted.status, 200) << accepted.body;
  EXPECT_EQ(accepted.json()["resolution"], "refunded");
  const lending::Plan p = s.Plan(buy.plan_id);
  EXPECT_EQ(p.status, lending::PlanStatus::kClosed);
  EXPECT_EQ(s.Receivable(buy.consumer_id), 0);
  // What the consumer had paid is owed back to them.
  EXPECT_EQ(s.Balance("consumer_refunds_payable:USD:" + buy.consumer_id), -2500);
  const auto events = s.EventCounts();
  EXPECT_EQ(events.at("order.refunded"), 1);
  EXPECT_EQ(events.at("dispute.resolved"), 1);
  // The next settlement takes the refund off the merchant's money: a negative net carried.
  s.Advance(1);
  auto settlements = s.client().Get("/v1/settlements", s.mkey());
  ASSERT_EQ(settlements.json()["data"].size(), 2u) << settlements.body;
  const Json second = settlements.json()["data"][1];
  EXPECT_EQ(second["refunds"], 10000);
  EXPECT_EQ(second["net"], -10000);
  EXPECT_TRUE(second["payout_id"].is_null());
  EXPECT_EQ(s.Balance("merchant_payable:USD:" + s.server().merchant_id), 10000);
  // That close also paid the consumer back on their card.
  EXPECT_EQ(s.Balance("consumer_refunds_payable:USD:" + buy.consumer_id), 0);
  EXPECT_EQ(s.Balance("collections_cash:USD"), 0);
  EXPECT_EQ(s.Notifications(buy.consumer_id, "refund_sent").size(), 1u);
  s.Advance(1);  // nothing more is owed, so nothing more is sent
  EXPECT_EQ(s.Notifications(buy.consumer_id, "refund_sent").size(), 1u);
  s.ExpectBooksAgree({buy.plan_id});
}

// A purchase the consumer did not make, from a merchant that followed the rules: the
// lender bears it. The merchant keeps its money, the plan is written off as fraud and
// what the consumer paid goes back to them.
TEST(ServicingScenarioTest, AnUnauthorizedPurchaseWrittenOffIsTheLendersFraudLoss) {
  Scenario s;
  const auto buy = s.Buy("notme@example.com", 10000);
  s.Advance(1);  // 2,500 paid; the merchant's 9,641 paid out
  auto d = s.client().Post("/v1/me/disputes", {{"order_id", buy.order_id}, {"reason", "unauthorized"}},
                           s.Login(buy.email));
  ASSERT_EQ(d.status, 201) << d.body;
  const std::string dispute_id = d.json()["id"];
  auto contested = s.client().Post("/v1/disputes/" + dispute_id + "/respond",
                                   {{"accept", false}, {"note", "shipped to the verified address"}}, s.mkey());
  ASSERT_EQ(contested.status, 200) << contested.body;
  const std::int64_t merchant_payable = s.Balance("merchant_payable:USD:" + s.server().merchant_id);
  auto decided = s.client().Post("/v1/admin/disputes/" + dispute_id + "/decide",
                                 {{"resolution", "written_off"}}, s.okey());
  ASSERT_EQ(decided.status, 200) << decided.body;
  EXPECT_EQ(decided.json()["resolution"], "written_off");
  const lending::Plan p = s.Plan(buy.plan_id);
  EXPECT_EQ(p.status, lending::PlanStatus::kChargedOff);
  EXPECT_EQ(p.charge_off_reason, lending::ChargeOffReason::kFraud);
  EXPECT_FALSE(p.paused_from.has_value());
  EXPECT_EQ(s.Receivable(buy.consumer_id), 0);
  // The whole purchase is the lender's fraud loss: 7,500 unpaid and 2,500 owed back.
  EXPECT_EQ(s.Balance("fraud_loss_expense:USD"), 10000);
  EXPECT_EQ(s.Balance("credit_loss_expense:USD"), 0);
  EXPECT_EQ(s.Balance("consumer_refunds_payable:USD:" + buy.consumer_id), -2500);
  EXPECT_EQ(s.Notifications(buy.consumer_id, "dispute_update").back()["subject"],
            "Your reported problem: decided in your favour: you owe nothing for a purchase you did not make, and "
            "what you paid towards it comes back to you");
  EXPECT_EQ(s.Balance("merchant_payable:USD:" + s.server().merchant_id), merchant_payable);
  const auto events = s.EventCounts();
  EXPECT_EQ(events.at("plan.charged_off"), 1);
  EXPECT_EQ(events.at("dispute.resolved"), 1);
  EXPECT_EQ(events.count("order.refunded"), 0u);
  auto portfolio = s.client().Get("/v1/admin/portfolio", s.okey());
  ASSERT_EQ(portfolio.status, 200) << portfolio.body;
  ASSERT_EQ(portfolio.json()["lines"].size(), 1u) << portfolio.body;
  EXPECT_EQ(portfolio.json()["lines"][0]["status"], "charged_off");
  EXPECT_EQ(portfolio.json()["lines"][0]["charge_off_reason"], "fraud");
  auto again = s.client().Post("/v1/admin/disputes/" + dispute_id + "/decide",
                               {{"resolution", "written_off"}}, s.okey());
  EXPECT_EQ(again.status, 422);
  EXPECT_EQ(again.json()["error"]["code"], "dispute_resolved");
  // Nothing is owed on it: a payment the consumer offers is refused.
  auto pay = s.client().Post("/v1/me/plans/" + buy.plan_id + "/payments", {{"amount", 2500}}, s.Login(buy.email));
  EXPECT_EQ(pay.status, 422) << pay.body;
  EXPECT_EQ(pay.json()["error"]["code"], "plan_not_payable");
  // The next close pays the consumer back on their card; no instalment is taken again.
  s.AdvanceTo("2026-01-20");
  EXPECT_EQ(s.Balance("consumer_refunds_payable:USD:" + buy.consumer_id), 0);
  EXPECT_EQ(s.Notifications(buy.consumer_id, "refund_sent").size(), 1u);
  EXPECT_EQ(s.Plan(buy.plan_id).installments[1].paid.minor(), 0);
  EXPECT_EQ(s.Balance("collections_cash:USD"), 0);
  EXPECT_EQ(s.Balance("fraud_loss_expense:USD"), 10000);
  s.ExpectBooksAgree({buy.plan_id});
}

// What the consumer paid is given back whole, so a write-off waits for a payment whose
// outcome the processor has not told yet; refused, it changes nothing.
TEST(ServicingScenarioTest, AWriteOffWaitsForAPaymentStillInFlight) {
  Scenario s;
  const auto buy = s.Buy("inflight@example.com", 10000);
  s.SetProfile(buy.email, "timeout");
  s.Advance(1);  // the first instalment's outcome is unknown
  auto d = s.client().Post("/v1/me/disputes", {{"order_id", buy.order_id}, {"reason", "unauthorized"}},
                           s.Login(buy.email));
  ASSERT_EQ(d.status, 201) << d.body;
  const std::string decide = "/v1/admin/disputes/" + d.json()["id"].get<std::string>() + "/decide";
  auto early = s.client().Post(decide, {{"resolution", "written_off"}}, s.okey());
  EXPECT_EQ(early.status, 409) << early.body;
  EXPECT_EQ(early.json()["error"]["code"], "payment_in_progress");
  EXPECT_EQ(s.Plan(buy.plan_id).status, lending::PlanStatus::kActive);
  EXPECT_EQ(s.Balance("fraud_loss_expense:USD"), 0);
  EXPECT_EQ(s.EventCounts().count("dispute.resolved"), 0u);
  auto disputes = s.client().Get("/v1/admin/disputes", s.okey());
  ASSERT_EQ(disputes.json()["data"].size(), 1u);
  EXPECT_EQ(disputes.json()["data"][0]["status"], "open");
  s.Advance(1);  // the close learns the 2,500 was taken
  auto decided = s.client().Post(decide, {{"resolution", "written_off"}}, s.okey());
  ASSERT_EQ(decided.status, 200) << decided.body;
  EXPECT_EQ(s.Balance("fraud_loss_expense:USD"), 10000);
  EXPECT_EQ(s.Balance("consumer_refunds_payable:USD:" + buy.consumer_id), -2500);
  s.ExpectBooksAgree({buy.plan_id});
}

TEST(ServicingScenarioTest, AReturnPauses28DaysAndShiftsTheDueDates) {
  Scenario s;
  const auto buy = s.Buy("return@example.com", 10000);
  s.Advance(1);  // the 6th
  auto r = s.client().Post("/v1/orders/" + buy.order_id + "/returns", Json::object(), s.mkey());
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.json()["plans"][0]["paused_until"], "2026-02-03");
  EXPECT_EQ(s.client().Post("/v1/orders/" + buy.order_id + "/returns", Json::object(),
                            s.server().other_merchant_key).status, 404);
  s.AdvanceTo("2026-02-04");  // the pause ended on the 3rd
  const lending::Plan p = s.Plan(buy.plan_id);
  EXPECT_FALSE(p.paused_from.has_value());
  EXPECT_EQ(FormatDate(p.installments[1].due_date), "2026-02-16");
  EXPECT_EQ(p.installments[1].paid.minor(), 0);
  EXPECT_EQ(p.fees_charged.minor(), 0);
  EXPECT_EQ(p.bucket, lending::Bucket::kCurrent);
  EXPECT_EQ(s.EventCounts().at("order.return_registered"), 1);
  s.ExpectBooksAgree({buy.plan_id});
}

TEST(ServicingScenarioTest, ADueDateIsExtendedOnce) {
  Scenario s;
  const auto buy = s.Buy("extend@example.com", 10000);
  s.Advance(1);
  const std::string token = s.Login(buy.email);
  const std::string path = "/v1/me/plans/" + buy.plan_id + "/extend";
  EXPECT_EQ(s.client().Post(path, {{"installment", 2}, {"days", 15}}, token).status, 400);
  auto ok = s.client().Post(path, {{"installment", 2}, {"days", 14}}, token);
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(ok.json()["installments"][1]["due_date"], "2026-02-02");
  auto twice = s.client().Post(path, {{"installment", 3}, {"days", 1}}, token);
  EXPECT_EQ(twice.status, 422);
  EXPECT_EQ(twice.json()["error"]["code"], "extension_used");
  s.AdvanceTo("2026-01-21");
  EXPECT_EQ(s.Plan(buy.plan_id).installments[1].paid.minor(), 0);
  EXPECT_EQ(s.Plan(buy.plan_id).bucket, lending::Bucket::kCurrent);
  s.AdvanceTo("2026-02-03");  // collected on the new date, with instalment 3 the same day
  EXPECT_EQ(s.Plan(buy.plan_id).installments[1].paid.minor(), 2500);
  EXPECT_EQ(s.Plan(buy.plan_id).installments[2].paid.minor(), 2500);
  s.ExpectBooksAgree({buy.plan_id});
}

TEST(ServicingScenarioTest, EarlyPayoffOfFinancingChargesInterestToDateOnly) {
  Scenario s;
  const auto buy = s.Buy("payoff@example.com", 60000, "financing_6");
  lending::Plan p = s.Plan(buy.plan_id);
  ASSERT_GT(p.apr_bps, 0);
  std::int64_t scheduled_interest = 0;
  for (const auto& i : p.installments) scheduled_interest += i.interest.minor();
  s.AdvanceTo("2026-02-15");  // the first instalment (due 02-05) collected; 41 days accrued
  const lending::Plan stored = s.Plan(buy.plan_id);
  EXPECT_EQ(stored.installments[0].paid.minor(), stored.installments[0].amount().minor());
  // Booked through the plan's last working day, the collection on 02-05; the nine quiet
  // days since are interest to date all the same.
  EXPECT_EQ(stored.accrued_through, ParseDate("2026-02-05"));
  p = servicing::ToDate(stored, *ParseDate("2026-02-15"));
  EXPECT_GT(p.interest_accrued.minor(), stored.interest_accrued.minor());
  const std::string token = s.Login(buy.email);
  auto quote = s.client().Get("/v1/me/plans/" + buy.plan_id + "/payoff", token);
  ASSERT_EQ(quote.status, 200) << quote.body;
  const std::int64_t accrued_unpaid = p.interest_accrued.minor() - lending::InterestPaid(p).minor();
  EXPECT_EQ(quote.json()["principal"], lending::OutstandingPrincipal(p).minor());
  EXPECT_EQ(quote.json()["interest"], std::max<std::int64_t>(0, accrued_unpaid));
  EXPECT_GT(quote.json()["interest_waived"].get<std::int64_t>(), 0);
  const std::int64_t amount = quote.json()["amount"];
  auto over = s.client().Post("/v1/me/plans/" + buy.plan_id + "/payments", {{"amount", amount + 1}}, token);
  EXPECT_EQ(over.status, 422);
  EXPECT_EQ(over.json()["error"]["code"], "overpayment");
  auto paid = s.client().Post("/v1/me/plans/" + buy.plan_id + "/payments", {{"amount", amount}}, token);
  ASSERT_EQ(paid.status, 201) << paid.body;
  EXPECT_TRUE(paid.json()["payoff"].get<bool>());
  EXPECT_EQ(paid.json()["plan"]["status"], "paid_off");
  p = s.Plan(buy.plan_id);
  const std::int64_t interest_paid = lending::InterestPaid(p).minor();
  EXPECT_LT(interest_paid, scheduled_interest);
  EXPECT_EQ(s.Balance("interest_revenue:USD"), -interest_paid);
  EXPECT_EQ(s.Balance("accrued_interest:USD"), 0);
  EXPECT_EQ(s.Balance("collections_cash:USD"), 60000 + interest_paid);
  EXPECT_EQ(s.Receivable(buy.consumer_id), 0);
  EXPECT_EQ(s.EventCounts().at("plan.paid_off"), 1);
  s.ExpectBooksAgree({buy.plan_id});
}

// The close skips a financing plan's quiet days and books its interest at the month's
// end; a refund books the days before it on the principal they earned on. At every
// point the ledger's accrued interest is what the plan booked, and what the consumer
// sees is interest to date.
TEST(ServicingScenarioTest, InterestIsBookedAtMonthEndAndBeforeARefundNotOnQuietDays) {
  Scenario s;
  const auto buy = s.Buy("booked@example.com", 60000, "financing_6");
  const Date bought = s.today();
  s.Advance(5);
  lending::Plan p = s.Plan(buy.plan_id);
  EXPECT_FALSE(p.serviced_through.has_value());  // nothing to do on these days
  EXPECT_FALSE(p.accrued_through.has_value());
  EXPECT_EQ(s.Balance("accrued_interest:USD"), 0);
  const std::string token = s.Login(buy.email);
  const Json shown = s.client().Get("/v1/me/plans/" + buy.plan_id, token).json();
  EXPECT_EQ(shown["interest_accrued"], servicing::ToDate(p, s.today()).interest_accrued.minor());
  EXPECT_GT(shown["interest_accrued"].get<std::int64_t>(), 0);

  // Through the month's last day: booked by the close of that day.
  const Date month_end{bought.year() / bought.month() / std::chrono::last};
  s.AdvanceTo(FormatDate(AddDays(month_end, 1)));
  p = s.Plan(buy.plan_id);
  EXPECT_EQ(p.accrued_through, month_end);
  const std::int64_t at_month_end = p.interest_accrued.minor();
  EXPECT_EQ(at_month_end, 60000 * p.apr_bps * (DaysBetween(bought, month_end) + 1) / servicing::kAccrualDenominator);
  EXPECT_EQ(s.Balance("accrued_interest:USD"), at_month_end);

  // A quiet day later (the reminder's is the next) a refund: that day is booked on the
  // whole principal first.
  s.Advance(1);
  auto refund = s.client().Post("/v1/orders/" + buy.order_id + "/refunds", {{"amount", 30000}}, s.mkey());
  ASSERT_EQ(refund.status, 201) << refund.body;
  p = s.Plan(buy.plan_id);
  EXPECT_EQ(p.accrued_through, AddDays(s.today(), -1));
  const std::int64_t whole = 60000 * p.apr_bps * (DaysBetween(bought, AddDays(s.today(), -1)) + 1);
  EXPECT_EQ(p.interest_accrued.minor(), whole / servicing::kAccrualDenominator);
  EXPECT_EQ(s.Balance("accrued_interest:USD"), p.interest_accrued.minor());
  s.ExpectBooksAgree({buy.plan_id});
}

TEST(ServicingScenarioTest, APartialPaymentThenPayoffCostsPrincipalPlusInterestToDate) {
  Scenario s;
  const auto buy = s.Buy("partial@example.com", 60000, "financing_6");
  ASSERT_GT(s.Plan(buy.plan_id).apr_bps, 0);
  s.Advance(10);  // day 10
  const std::string pay = "/v1/me/plans/" + buy.plan_id + "/payments";
  auto part = s.client().Post(pay, {{"amount", 1000}}, s.Login(buy.email));
  ASSERT_EQ(part.status, 201) << part.body;
  const lending::Plan after_part = s.Plan(buy.plan_id);
  EXPECT_EQ(lending::InterestPaid(after_part).minor(), after_part.interest_accrued.minor());  // interest to date first
  EXPECT_EQ(lending::OutstandingPrincipal(after_part).minor(), 60000 - (1000 - after_part.interest_accrued.minor()));
  EXPECT_EQ(part.json()["plan"]["installments"][0]["paid_amount"], 1000);
  EXPECT_EQ(part.json()["plan"]["installments"][0]["interest_paid"], after_part.interest_accrued.minor());
  s.Advance(5);
  const std::string token = s.Login(buy.email);
  auto quote = s.client().Get("/v1/me/plans/" + buy.plan_id + "/payoff", token);
  ASSERT_EQ(quote.status, 200) << quote.body;
  const std::int64_t amount = quote.json()["amount"];
  auto off = s.client().Post(pay, {{"amount", amount}}, token);
  ASSERT_EQ(off.status, 201) << off.body;
  EXPECT_EQ(off.json()["plan"]["status"], "paid_off");
  const lending::Plan p = s.Plan(buy.plan_id);
  EXPECT_GT(p.interest_accrued.minor(), 0);
  EXPECT_EQ(1000 + amount, 60000 + p.interest_accrued.minor());  // principal plus interest to date, exactly
  EXPECT_EQ(lending::InterestPaid(p).minor(), p.interest_accrued.minor());
  EXPECT_EQ(s.Balance("collections_cash:USD"), 60000 + p.interest_accrued.minor());
  EXPECT_EQ(s.Balance("interest_revenue:USD"), -p.interest_accrued.minor());
  EXPECT_EQ(s.Balance("accrued_interest:USD"), 0);
  s.ExpectBooksAgree({buy.plan_id});
}

TEST(ServicingScenarioTest, InstalmentsHeldByAPauseAreNotOverdueAndMoveTheMomentItEnds) {
  Scenario s;
  const auto buy = s.Buy("held@example.com", 10000);  // 2,500 due 01-05, 01-19, 02-02, 02-16
  s.Advance(1);                                        // the 6th: instalment 1 collected
  auto d = s.client().Post("/v1/me/disputes", {{"order_id", buy.order_id}, {"reason", "not_received"}},
                           s.Login(buy.email));
  ASSERT_EQ(d.status, 201) << d.body;  // paused from the 6th until the 27th
  std::vector<std::string> plans = {buy.plan_id};
  const auto get_plan = [&] {
    auto r = s.client().Get("/v1/me/plans/" + buy.plan_id, s.Login(buy.email));
    EXPECT_EQ(r.status, 200) << r.body;
    return r.json();
  };

  // Instalment 2 fell due on the 19th, during the pause: held, so not overdue, and no
  // reason to refuse the consumer a new purchase.
  s.AdvanceTo("2026-01-21");
  Json plan = get_plan();
  EXPECT_EQ(plan["installments"][1]["status"], "scheduled");
  EXPECT_EQ(plan["days_past_due"], 0);
  EXPECT_EQ(plan["amount_due"], 0);
  auto during = s.TryBuy(buy.email, 4000, "pay_in_4");
  ASSERT_TRUE(during.has_value()) << "declined for an instalment the pause holds";
  plans.push_back(during->plan_id);

  // The pause ended this morning and tonight's close has not run: the dates have moved
  // by the 21 days paused already.
  s.AdvanceTo("2026-01-27");
  plan = get_plan();
  EXPECT_TRUE(plan["paused_until"].is_null());
  EXPECT_EQ(plan["installments"][1]["due_date"], "2026-02-09");
  EXPECT_EQ(plan["installments"][1]["status"], "scheduled");
  EXPECT_EQ(plan["days_past_due"], 0);
  EXPECT_EQ(plan["amount_due"], 0);
  auto after = s.TryBuy(buy.email, 4000, "pay_in_4");
  ASSERT_TRUE(after.has_value()) << "declined on the day the pause ended";
  plans.push_back(after->plan_id);
  auto extended = s.client().Post("/v1/me/plans/" + buy.plan_id + "/extend", {{"installment", 2}, {"days", 1}},
                                  s.Login(buy.email));
  ASSERT_EQ(extended.status, 200) << extended.body;
  EXPECT_EQ(extended.json()["installments"][1]["due_date"], "2026-02-10");

  s.Advance(1);  // closing the 27th moves nothing again
  const lending::Plan p = s.Plan(buy.plan_id);
  EXPECT_EQ(FormatDate(p.installments[1].due_date), "2026-02-10");
  EXPECT_EQ(FormatDate(p.installments[2].due_date), "2026-02-23");
  EXPECT_EQ(p.fees_charged.minor(), 0);
  s.ExpectBooksAgree(plans);
}

TEST(ServicingScenarioTest, ARefundAfterPartialPaymentsReducesFromTheEnd) {
  Scenario s;
  const auto buy = s.Buy("refund@example.com", 10000);
  s.AdvanceTo("2026-01-20");  // instalments 1 and 2 collected
  auto r = s.client().Post("/v1/orders/" + buy.order_id + "/refunds", {{"amount", 6000}}, s.mkey());
  ASSERT_EQ(r.status, 201) << r.body;
  const lending::Plan p = s.Plan(buy.plan_id);
  EXPECT_EQ(p.installments[3].principal.minor(), 0);
  EXPECT_EQ(p.installments[2].principal.minor(), 0);
  EXPECT_EQ(p.installments[1].principal.minor(), 2500);  // paid instalments are untouched
  EXPECT_EQ(s.Receivable(buy.consumer_id), 0);
  EXPECT_EQ(s.Balance("consumer_refunds_payable:USD:" + buy.consumer_id), -1000);
  EXPECT_EQ(p.status, lending::PlanStatus::kClosed);
  s.Advance(1);
  auto settlements = s.client().Get("/v1/settlements", s.mkey());
  const Json last = settlements.json()["data"].back();
  EXPECT_EQ(last["refunds"], 6000);
  EXPECT_EQ(last["net"], -6000);
  s.ExpectBooksAgree({buy.plan_id});
}

TEST(ServicingScenarioTest, AnUnknownOutcomeIsResolvedNotGuessed) {
  Scenario s;
  const auto buy = s.Buy("timeout@example.com", 10000);
  s.SetProfile(buy.email, "timeout");
  s.Advance(1);
  const std::string token = s.Login(buy.email);
  auto payments = s.client().Get("/v1/me/plans/" + buy.plan_id + "/payments", token);
  ASSERT_EQ(payments.json()["data"].size(), 1u);
  EXPECT_EQ(payments.json()["data"][0]["status"], "unknown");
  EXPECT_EQ(s.Plan(buy.plan_id).installments[0].paid.minor(), 0);
  // A payment while one is unresolved is refused, so nothing is taken twice.
  auto second = s.client().Post("/v1/me/plans/" + buy.plan_id + "/payments", {{"amount", 2500}}, token);
  EXPECT_EQ(second.status, 409);
  s.Advance(1);  // the next close asks the processor again and records what happened
  payments = s.client().Get("/v1/me/plans/" + buy.plan_id + "/payments", s.Login(buy.email));
  EXPECT_EQ(payments.json()["data"][0]["status"], "succeeded");
  EXPECT_EQ(s.Plan(buy.plan_id).installments[0].paid.minor(), 2500);
  s.ExpectBooksAgree({buy.plan_id});
}

// A node that died after storing a consumer's pending payment and before asking the
// processor (the first unit of work of POST /v1/me/plans/{id}/payments, run here on the
// store as that node ran it): the client's retry under the same Idempotency-Key is told
// the payment is in progress; once the close has resolved it at the processor, the
// retry answers with that payment, and nothing is taken twice.
TEST(ServicingScenarioTest, ARetryAfterANodeDiedMidPaymentFindsThePaymentInsteadOfTakingItAgain) {
  Scenario s;
  const auto buy = s.Buy("crash@example.com", 10000);
  // The server's first housekeeping closes yesterday and with it resolves every open
  // collection; on a loaded machine it can start late, after the pending payment below
  // is stored. Closing yesterday here first leaves it nothing to do.
  ASSERT_TRUE(s.server().platform().CloseThrough(AddDays(s.today(), -1)).ok());
  const std::string path = "/v1/me/plans/" + buy.plan_id + "/payments";
  const Json body = {{"amount", 2500}};
  const Instant wall_now = SystemClock().Now();
  const servicing::PaymentRequest request{buy.consumer_id, "pay-1",
                                          HexEncode(api::HashRequest("POST", path, api::Serialize(body))), "",
                                          wall_now};
  std::string collection_id;
  ASSERT_TRUE(s.server().platform().store().Write([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(ops::PaymentStart start,
                             ops::StartOrFindPayment(tx, s.server().platform().ids(), s.clock().Now(), buy.consumer_id,
                                                     buy.plan_id, 2500, request, wall_now - api::kIdempotencyLifetime));
    EXPECT_TRUE(start.started);
    collection_id = start.collection.id;
    return Status::Ok();
  }).ok());

  const std::string token = s.Login(buy.email);
  auto retry = s.client().Post(path, body, token, "pay-1");
  EXPECT_EQ(retry.status, 409) << retry.body;
  EXPECT_EQ(retry.json()["error"]["code"], "payment_in_progress");
  s.Advance(1);  // the close asks the processor by the collection's own key
  retry = s.client().Post(path, body, s.Login(buy.email), "pay-1");
  ASSERT_EQ(retry.status, 201) << retry.body;
  EXPECT_EQ(retry.json()["id"], collection_id);
  EXPECT_EQ(retry.json()["status"], "succeeded");
  auto again = s.client().Post(path, body, s.Login(buy.email), "pay-1");  // now the stored answer
  EXPECT_EQ(again.body, retry.body);
  auto other = s.client().Post(path, {{"amount", 2600}}, s.Login(buy.email), "pay-1");
  EXPECT_EQ(other.status, 400) << other.body;
  EXPECT_EQ(other.json()["error"]["code"], "idempotency_error");

  auto payments = s.client().Get(path, s.Login(buy.email)).json()["data"];
  int consumer_payments = 0;
  for (const Json& p : payments) consumer_payments += p["source"] == "consumer" ? 1 : 0;
  EXPECT_EQ(consumer_payments, 1) << payments.dump();
  s.ExpectBooksAgree({buy.plan_id});
}

TEST(ServicingScenarioTest, BadServicingInputIsRefused) {
  Scenario s;
  const auto buy = s.Buy("bad@example.com", 10000);
  const auto other = s.Buy("other@example.com", 10000);
  const std::string token = s.Login(buy.email);
  const std::string pay = "/v1/me/plans/" + buy.plan_id + "/payments";
  EXPECT_EQ(s.client().Post(pay, {{"amount", "100"}}, token).status, 400);
  EXPECT_EQ(s.client().Post(pay, {{"amount", -5}}, token).status, 400);
  EXPECT_EQ(s.client().Post(pay, {{"amount", 10001}}, token).json()["error"]["code"], "overpayment");
  EXPECT_EQ(s.client().Post(pay, {{"amount", 100}, {"extra", 1}}, token).status, 400);
  EXPECT_EQ(s.client().Post("/v1/me/plans/" + other.plan_id + "/payments", {{"amount", 100}}, token).status, 404);
  EXPECT_EQ(s.client().Get("/v1/me/plans/" + other.plan_id + "/payoff", token).status, 404);
  EXPECT_EQ(s.client().Post("/v1/me/disputes", {{"order_id", other.order_id}, {"reason", "not_received"}}, token)
                .status, 404);
  EXPECT_EQ(s.client().Post("/v1/me/disputes", {{"order_id", buy.order_id}, {"reason", "meh"}}, token).status, 400);
  EXPECT_EQ(s.client().Post("/v1/admin/disputes/dsp_nope/decide", {{"resolution", "refunded"}}, s.okey()).status, 404);
  EXPECT_EQ(s.client().Post("/v1/admin/clock/advance", {{"days", 0}}, s.okey()).status, 400);
  EXPECT_EQ(s.client().Post("/v1/admin/clock/advance", {{"days", 1}}, s.mkey()).status, 403);
  testing::ClientRequest put;
  put.method = "PUT";
  put.target = "/v1/me/payment_method";
  put.bearer = token;
  put.body = Json{{"type", "card"}, {"last4", "12a4"}}.dump();
  EXPECT_EQ(s.client().Send(put).status, 400);
  put.body = Json{{"type", "cheque"}, {"last4", "1234"}}.dump();
  EXPECT_EQ(s.client().Send(put).status, 400);
  put.body = "{not json";
  EXPECT_EQ(s.client().Send(put).status, 400);
  // Nothing moved.
  EXPECT_EQ(s.Receivable(buy.consumer_id), 10000);
  EXPECT_EQ(s.Balance("collections_cash:USD"), 0);
}

TEST(ServicingScenarioTest, TheClockCannotBeAdvancedInProduction) {
  testing::TestServer server;
  auto client = server.Client();
  auto r = client.Post("/v1/admin/clock/advance", {{"days", 1}}, server.operator_key);
  EXPECT_EQ(r.status, 404);
}

}  // namespace
}  // namespace tranche
