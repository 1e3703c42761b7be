// Merchant settlement across closes: a negative net is carried into the next
// settlement, a payout whose outcome is unknown is not paid again, a merchant under
// review is not paid until it is approved, and a merchant sees only its own
// settlements and payouts.
#include "ops/cob.h"
#include "support/scenario.h"

namespace tranche {
namespace {

using Json = nlohmann::json;
using testing::Scenario;

// 3.29 % + 0.30 of a capture: what the test merchant is charged.
std::int64_t NetOf(std::int64_t captured) { return captured - (captured * 329 / 10'000 + 30); }

Json Settlements(Scenario& s, const std::string& key) {
  auto r = s.client().Get("/v1/settlements", key);
  EXPECT_EQ(r.status, 200) << r.body;
  return r.json()["data"];
}

Json Payouts(Scenario& s, const std::string& key) {
  auto r = s.client().Get("/v1/payouts", key);
  EXPECT_EQ(r.status, 200) << r.body;
  return r.json()["data"];
}

TEST(ServicingSettlementTest, ANegativeNetIsCarriedIntoTheNextSettlement) {
  Scenario s;
  const auto first = s.Buy("carry-1@example.com", 10000);
  s.Advance(1);  // the 5th: 96.41 paid out
  auto refund = s.client().Post("/v1/orders/" + first.order_id + "/refunds", {{"amount", 10000}}, s.mkey());
  ASSERT_EQ(refund.status, 201) << refund.body;
  s.Advance(2);  // the 6th: the refund, net -100.00; the 7th: nothing moved, nothing settled
  Json settlements = Settlements(s, s.mkey());
  ASSERT_EQ(settlements.size(), 2u) << settlements;
  EXPECT_EQ(settlements[1]["net"], -10000);
  EXPECT_TRUE(settlements[1]["payout_id"].is_null());

  const auto second = s.Buy("carry-2@example.com", 20000);
  s.Advance(1);  // the 8th: 20,000 captured less what is still owed back
  settlements = Settlements(s, s.mkey());
  ASSERT_EQ(settlements.size(), 3u) << settlements;
  const Json last = settlements[2];
  EXPECT_EQ(last["business_date"], "2026-01-08");
  EXPECT_EQ(last["carried_in"], -10000);
  EXPECT_EQ(last["net"], NetOf(20000) - 10000);
  const Json payouts = Payouts(s, s.mkey());
  ASSERT_EQ(payouts.size(), 2u) << payouts;
  EXPECT_EQ(payouts[1]["amount"], NetOf(20000) - 10000);
  EXPECT_EQ(payouts[1]["status"], "paid");
  // Paid out exactly what the merchant was owed over the three settlements.
  EXPECT_EQ(s.Balance("merchant_payable:USD:" + s.server().merchant_id), 0);
  EXPECT_EQ(s.Balance("settlement_cash:USD"), -(NetOf(10000) + NetOf(20000) - 10000));
  s.ExpectBooksAgree({first.plan_id, second.plan_id});
}

// A payout rail that cannot say what happened (an outage) until told to answer.
class UnsureRail final : public payments::PayoutRail {
 public:
  payments::ProcessorReply Pay(const payments::PayoutRequest& r) override { return Answer(r); }
  payments::ProcessorReply Resolve(const payments::PayoutRequest& r) override { return Answer(r); }
  bool answers = false;

 private:
  payments::ProcessorReply Answer(const payments::PayoutRequest& r) const {
    if (!answers) return {payments::Outcome::kUnknown, "", ""};
    return {payments::Outcome::kSucceeded, "", "rail-" + r.key};
  }
};

TEST(ServicingSettlementTest, APayoutWhoseOutcomeIsUnknownIsNotPaidAgain) {
  Scenario s;
  app::Platform& platform = s.server().platform();
  // The platform's own job closes yesterday on start (with its rail, which always
  // answers); wait for that, so that only the unsure rail is asked from here on.
  ASSERT_TRUE(platform.cob().CloseThrough(AddDays(s.today(), -1)).ok());
  UnsureRail rail;
  // The daily job with the unsure rail, on the platform's store, ids and clock; the
  // clock moves without the platform closing dates itself.
  ops::Cob cob(ops::OpsContext{platform.store(), platform.ids(), platform.clock(), *platform.services().processor,
                               rail});
  const auto close_next_date = [&] {
    s.clock().Advance(std::chrono::days(1));
    auto closed = cob.CloseThrough(AddDays(s.today(), -1));
    ASSERT_TRUE(closed.ok()) << closed.status().ToString();
  };
  const auto first = s.Buy("unsure-1@example.com", 10000);
  close_next_date();  // the 5th: a payout of 96.41, outcome unknown
  Json payouts = Payouts(s, s.mkey());
  ASSERT_EQ(payouts.size(), 1u) << payouts;
  EXPECT_EQ(payouts[0]["status"], "unknown");

  const auto second = s.Buy("unsure-2@example.com", 20000);
  close_next_date();  // the 6th: the rail still cannot say; the 96.41 is not settled again
  Json settlements = Settlements(s, s.mkey());
  ASSERT_EQ(settlements.size(), 2u) << settlements;
  EXPECT_EQ(settlements[1]["carried_in"], 0);
  EXPECT_EQ(settlements[1]["net"], NetOf(20000));
  payouts = Payouts(s, s.mkey());
  ASSERT_EQ(payouts.size(), 2u) << payouts;
  EXPECT_EQ(payouts[1]["amount"], NetOf(20000));

  rail.answers = true;
  close_next_date();  // the 7th: both resolve as paid, each once
  payouts = Payouts(s, s.mkey());
  ASSERT_EQ(payouts.size(), 2u) << payouts;
  for (const Json& p : payouts) EXPECT_EQ(p["status"], "paid") << p;
  EXPECT_EQ(s.Balance("merchant_payable:USD:" + s.server().merchant_id), 0);
  EXPECT_EQ(s.Balance("settlement_cash:USD"), -(NetOf(10000) + NetOf(20000)));
  s.ExpectBooksAgree({first.plan_id, second.plan_id});
}

TEST(ServicingSettlementTest, ADateClosedLateIsRecordedAsOfThatDate) {
  Scenario s;
  app::Platform& platform = s.server().platform();
  ASSERT_TRUE(platform.cob().CloseThrough(AddDays(s.today(), -1)).ok());
  s.Buy("late-1@example.com", 10000);
  // The clock moves three days without the job running; it then catches up on the 8th.
  s.clock().Advance(std::chrono::days(3));
  auto closed = platform.cob().CloseThrough(AddDays(s.today(), -1));
  ASSERT_TRUE(closed.ok()) << closed.status().ToString();
  const Json settlements = Settlements(s, s.mkey());
  ASSERT_EQ(settlements.size(), 1u) << settlements;
  EXPECT_EQ(settlements[0]["business_date"], "2026-01-05");
  EXPECT_EQ(settlements[0]["created_at"], "2026-01-06T00:00:00.000000Z");
  const Json payouts = Payouts(s, s.mkey());
  ASSERT_EQ(payouts.size(), 1u) << payouts;
  EXPECT_EQ(payouts[0]["created_at"], "2026-01-06T00:00:00.000000Z");
  EXPECT_EQ(payouts[0]["status"], "paid");
}

// A merchant sent back to review (here by a name put on the restricted list) is settled
// as before, but nothing is paid out: what it is owed waits, refunds come off it, and
// the first close after an operator approves it pays the rest.
TEST(ServicingSettlementTest, AMerchantUnderReviewIsPaidOnlyOnceApproved) {
  Scenario s;
  testing::HttpClient& c = s.client();
  const auto bought = s.Buy("held@example.com", 10000);
  const std::string name = c.Get("/v1/merchant", s.mkey()).json()["name"];
  testing::ClientRequest put;
  put.method = "PUT";
  put.target = "/v1/admin/fraud/lists/restricted_merchant_names";
  put.body = Json{{"entries", {name}}}.dump();
  put.bearer = s.okey();
  ASSERT_EQ(c.Send(put).status, 200);
  const std::string id = s.server().merchant_id;
  ASSERT_EQ(c.Get("/v1/admin/merchants/" + id, s.okey()).json()["onboarding"]["status"], "pending_review");

  s.Advance(1);
  Json settlements = Settlements(s, s.mkey());
  ASSERT_EQ(settlements.size(), 1u) << settlements;
  EXPECT_EQ(settlements[0]["net"], NetOf(10000));
  EXPECT_TRUE(settlements[0]["payout_id"].is_null());
  EXPECT_TRUE(settlements[0]["payout_held"]);
  auto refund = c.Post("/v1/orders/" + bought.order_id + "/refunds", {{"amount", 4000}}, s.mkey());
  ASSERT_EQ(refund.status, 201) << refund.body;
  s.Advance(2);  // the refund is settled against what is held; the next day adds nothing
  settlements = Settlements(s, s.mkey());
  ASSERT_EQ(settlements.size(), 2u) << settlements;
  EXPECT_EQ(settlements[1]["carried_in"], NetOf(10000));
  EXPECT_EQ(settlements[1]["net"], NetOf(10000) - 4000);
  EXPECT_TRUE(settlements[1]["payout_held"]);
  EXPECT_TRUE(Payouts(s, s.mkey()).empty());
  EXPECT_EQ(s.Balance("merchant_payable:USD:" + id), -(NetOf(10000) - 4000));

  auto approved = c.Post("/v1/admin/merchants/" + id + "/approve", {{"note", "a namesake"}}, s.okey());
  ASSERT_EQ(approved.status, 200) << approved.body;
  s.Advance(1);
  settlements = Settlements(s, s.mkey());
  ASSERT_EQ(settlements.size(), 3u) << settlements;
  EXPECT_EQ(settlements[2]["carried_in"], NetOf(10000) - 4000);
  EXPECT_FALSE(settlements[2]["payout_held"]);
  const Json payouts = Payouts(s, s.mkey());
  ASSERT_EQ(payouts.size(), 1u) << payouts;
  EXPECT_EQ(payouts[0]["amount"], NetOf(10000) - 4000);
  EXPECT_EQ(payouts[0]["status"], "paid");
  EXPECT_EQ(s.Balance("merchant_payable:USD:" + id), 0);
  s.ExpectBooksAgree({bought.plan_id});
}

TEST(ServicingSettlementTest, AMerchantSeesOnlyItsOwnSettlementsAndPayouts) {
  Scenario s;
  s.Buy("tenant@example.com", 10000);
  s.Advance(1);
  const Json mine = Settlements(s, s.mkey());
  ASSERT_EQ(mine.size(), 1u);
  const std::string id = mine[0]["id"];
  const std::string other = s.server().other_merchant_key;
  auto get = s.client().Get("/v1/settlements/" + id, other);
  EXPECT_EQ(get.status, 404);
  EXPECT_EQ(get.json()["error"]["code"], "settlement_not_found");
  auto csv = s.client().Get("/v1/settlements/" + id + "/export", other);
  EXPECT_EQ(csv.status, 404);
  EXPECT_EQ(csv.body.find(id), std::string::npos);
  EXPECT_TRUE(Settlements(s, other).empty());
  EXPECT_TRUE(Payouts(s, other).empty());
  // The owner still sees it all.
  EXPECT_EQ(s.client().Get("/v1/settlements/" + id, s.mkey()).status, 200);
  EXPECT_EQ(s.client().Get("/v1/settlements/" + id + "/export", s.mkey()).status, 200);
  EXPECT_EQ(Payouts(s, s.mkey()).size(), 1u);
}

}  // namespace
}  // namespace tranche
