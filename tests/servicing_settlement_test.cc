// Merchant settlement across closes: a negative net is carried into the next
// settlement, a payout whose outcome is unknown is not paid again, a merchant under
// review is not paid until it is approved, a rejected merchant's debt is written off
// by an operator, and a merchant sees only its own settlements and payouts.
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

// As an operator sees them, for a merchant with no key to look with.
Json MerchantSettlements(Scenario& s, const std::string& merchant_id) {
  auto r = s.client().Get("/v1/admin/merchants/" + merchant_id + "/settlements", s.okey());
  EXPECT_EQ(r.status, 200) << r.body;
  return r.json()["data"];
}

Json MerchantPayouts(Scenario& s, const std::string& merchant_id) {
  auto r = s.client().Get("/v1/admin/merchants/" + merchant_id + "/payouts", s.okey());
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
  s.RestrictMerchantName();
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

// A rejected merchant is settled but never paid until an operator releases its payouts;
// the release is refused while it is active, under review, or released already.
TEST(ServicingSettlementTest, ARejectedMerchantIsPaidOnlyOnceItsPayoutsAreReleased) {
  Scenario s;
  testing::HttpClient& c = s.client();
  const auto bought = s.Buy("rejected@example.com", 10000);
  const std::string id = s.server().merchant_id;
  const std::string release = "/v1/admin/merchants/" + id + "/payouts/release";
  const Json reason = {{"reason", "no refund or dispute open; the finding was a namesake"}};
  auto early = c.Post(release, reason, s.okey());
  EXPECT_EQ(early.status, 409);
  EXPECT_EQ(early.json()["error"]["code"], "merchant_not_rejected");
  s.RestrictMerchantName();
  EXPECT_EQ(c.Post(release, reason, s.okey()).json()["error"]["code"], "merchant_not_rejected");
  auto rejected = c.Post("/v1/admin/merchants/" + id + "/reject", {{"note", "on the sanctions list"}}, s.okey());
  ASSERT_EQ(rejected.status, 200) << rejected.body;
  EXPECT_TRUE(rejected.json()["payouts_held"]);
  EXPECT_TRUE(rejected.json()["onboarding"]["payout_release"].is_null());

  s.Advance(3);  // settled once; the empty days after add no settlement
  Json settlements = MerchantSettlements(s, id);
  ASSERT_EQ(settlements.size(), 1u) << settlements;
  EXPECT_TRUE(settlements[0]["payout_held"]);
  EXPECT_TRUE(MerchantPayouts(s, id).empty());
  EXPECT_EQ(s.Balance("merchant_payable:USD:" + id), -NetOf(10000));

  // Bad requests change nothing; only operators may release, or list another's.
  const auto refused = [](const testing::ClientResponse& r, int status, const std::string& code) {
    EXPECT_EQ(r.status, status) << r.body;
    EXPECT_EQ(r.json()["error"]["code"], code) << r.body;
  };
  refused(c.Post(release, Json::object(), s.okey()), 400, "parameter_missing");
  refused(c.Post(release, {{"reason", ""}}, s.okey()), 400, "parameter_missing");
  refused(c.Post(release, {{"reason", 7}}, s.okey()), 400, "parameter_invalid_type");
  refused(c.Post(release, {{"reason", std::string(1001, 'x')}}, s.okey()), 400, "string_too_long");
  refused(c.Post(release, {{"reason", "x"}, {"amount", 1}}, s.okey()), 400, "parameter_unknown");
  refused(c.Post("/v1/admin/merchants/mer_01JDQ3V6W4X8Y2Z0ABCDEFGHJK/payouts/release", reason, s.okey()), 404,
          "merchant_not_found");
  refused(c.Get("/v1/admin/merchants/mer_01JDQ3V6W4X8Y2Z0ABCDEFGHJK/settlements", s.okey()), 404,
          "merchant_not_found");
  refused(c.Get("/v1/admin/merchants/mer_01JDQ3V6W4X8Y2Z0ABCDEFGHJK/payouts", s.okey()), 404, "merchant_not_found");
  for (const std::string& key : {s.server().other_merchant_key, s.Login("rejected@example.com")}) {
    EXPECT_EQ(c.Post(release, reason, key).status, 403);
    EXPECT_EQ(c.Get("/v1/admin/merchants/" + id + "/settlements", key).status, 403);
    EXPECT_EQ(c.Get("/v1/admin/merchants/" + id + "/payouts", key).status, 403);
  }
  for (const std::string& target : {"/v1/admin/merchants/" + id + "/settlements", "/v1/admin/merchants/" + id + "/payouts"}) {
    const testing::ClientResponse anonymous = c.Get(target, "");
    EXPECT_EQ(anonymous.status, 401);
    EXPECT_EQ(anonymous.body.find("stl_"), std::string::npos);
  }
  EXPECT_EQ(c.Post(release, reason, "").status, 401);
  EXPECT_TRUE(c.Get("/v1/admin/merchants/" + id, s.okey()).json()["onboarding"]["payout_release"].is_null());
  EXPECT_TRUE(c.Get("/v1/admin/merchants/" + id, s.okey()).json()["payouts_held"]);

  auto released = c.Post(release, reason, s.okey());
  ASSERT_EQ(released.status, 200) << released.body;
  EXPECT_FALSE(released.json()["payouts_held"]);
  EXPECT_EQ(released.json()["onboarding"]["status"], "rejected");
  const Json r = released.json()["onboarding"]["payout_release"];
  EXPECT_EQ(r["reason"], reason["reason"]);
  EXPECT_EQ(r["released_by"], rejected.json()["onboarding"]["reviewed_by"]);
  auto again = c.Post(release, reason, s.okey());
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(again.json()["error"]["code"], "payouts_already_released");
  s.Advance(1);
  settlements = MerchantSettlements(s, id);
  ASSERT_EQ(settlements.size(), 2u) << settlements;
  EXPECT_EQ(settlements[1]["carried_in"], NetOf(10000));
  EXPECT_FALSE(settlements[1]["payout_held"]);
  const Json payouts = MerchantPayouts(s, id);
  ASSERT_EQ(payouts.size(), 1u) << payouts;
  EXPECT_EQ(payouts[0]["amount"], NetOf(10000));
  EXPECT_EQ(payouts[0]["status"], "paid");
  EXPECT_EQ(s.Balance("merchant_payable:USD:" + id), 0);
  s.ExpectBooksAgree({bought.plan_id});
}

// A rejected merchant paid out before a return owes the refund: an operator writes the
// debt off, in part and then the rest, and the next settlement nets it away. Bad
// requests, the wrong callers and a merchant that trades change nothing.
TEST(ServicingSettlementTest, ARejectedMerchantsDebtIsWrittenOffByAnOperator) {
  Scenario s;
  testing::HttpClient& c = s.client();
  const auto bought = s.Buy("owes@example.com", 10000);
  const std::string id = s.server().merchant_id;
  const std::string payable = "merchant_payable:USD:" + id;
  const std::string write_offs = "/v1/admin/merchants/" + id + "/write-offs";
  const Json body = {{"amount", 4000}, {"currency", "USD"}, {"reason", "the merchant is insolvent"}};
  const auto refused = [&](const testing::ClientResponse& r, int status, const std::string& code) {
    EXPECT_EQ(r.status, status) << r.body;
    EXPECT_EQ(r.json()["error"]["code"], code) << r.body;
  };
  s.Advance(1);  // paid out what it was owed
  refused(c.Post(write_offs, body, s.okey(), "wo-active"), 409, "merchant_not_rejected");
  s.RestrictMerchantName();
  refused(c.Post(write_offs, body, s.okey(), "wo-review"), 409, "merchant_not_rejected");
  ASSERT_EQ(c.Post("/v1/admin/merchants/" + id + "/reject", {{"note", "listed"}}, s.okey()).status, 200);
  refused(c.Post(write_offs, body, s.okey(), "wo-nothing"), 422, "no_debt");
  auto refund = c.Post("/v1/admin/orders/" + bought.order_id + "/refunds",
                       {{"amount", 10000}, {"reason", "returned to a shop that closed"}}, s.okey());
  ASSERT_EQ(refund.status, 201) << refund.body;
  s.Advance(1);
  Json settlements = MerchantSettlements(s, id);
  ASSERT_EQ(settlements.size(), 2u) << settlements;
  EXPECT_EQ(settlements[1]["net"], -10000);
  ASSERT_EQ(s.Balance(payable), 10000);  // a debit: the merchant owes the refund

  // Bad requests and the wrong callers change nothing.
  refused(c.Post(write_offs, body, s.okey()), 400, "idempotency_key_required");
  refused(c.Post(write_offs, Json::object(), s.okey(), "wo-bad-1"), 400, "parameter_missing");
  refused(c.Post(write_offs, {{"amount", "4000"}, {"currency", "USD"}, {"reason", "x"}}, s.okey(), "wo-bad-2"), 400,
          "parameter_invalid_type");
  refused(c.Post(write_offs, {{"amount", 0}, {"currency", "USD"}, {"reason", "x"}}, s.okey(), "wo-bad-3"), 400,
          "parameter_out_of_range");
  refused(c.Post(write_offs, {{"amount", 1e30}, {"currency", "USD"}, {"reason", "x"}}, s.okey(), "wo-bad-4"), 400,
          "parameter_invalid_type");
  refused(c.Post(write_offs, {{"amount", 1}, {"currency", "XXX"}, {"reason", "x"}}, s.okey(), "wo-bad-5"), 400,
          "unsupported_currency");
  refused(c.Post(write_offs, {{"amount", 1}, {"currency", "USD"}, {"reason", std::string(501, 'x')}}, s.okey(),
                 "wo-bad-6"),
          400, "string_too_long");
  refused(c.Post(write_offs, {{"amount", 1}, {"currency", "USD"}, {"reason", "x"}, {"note", "y"}}, s.okey(),
                 "wo-bad-7"),
          400, "parameter_unknown");
  refused(c.Post(write_offs, {{"amount", 10001}, {"currency", "USD"}, {"reason", "x"}}, s.okey(), "wo-bad-8"), 422,
          "write_off_exceeds_debt");
  refused(c.Post(write_offs, {{"amount", 1}, {"currency", "EUR"}, {"reason", "x"}}, s.okey(), "wo-bad-9"), 422,
          "no_debt");
  refused(c.Post("/v1/admin/merchants/mer_01JDQ3V6W4X8Y2Z0ABCDEFGHJK/write-offs", body, s.okey(), "wo-bad-10"), 404,
          "merchant_not_found");
  refused(c.Get("/v1/admin/merchants/mer_01JDQ3V6W4X8Y2Z0ABCDEFGHJK/write-offs", s.okey()), 404,
          "merchant_not_found");
  for (const std::string& key : {s.server().other_merchant_key, s.Login("owes@example.com")}) {
    EXPECT_EQ(c.Post(write_offs, body, key, "wo-other").status, 403);
    EXPECT_EQ(c.Get(write_offs, key).status, 403);
  }
  const testing::ClientResponse anonymous = c.Get(write_offs, "");
  EXPECT_EQ(anonymous.status, 401);
  EXPECT_EQ(anonymous.body.find("mwo_"), std::string::npos);
  EXPECT_EQ(c.Post(write_offs, body, "", "wo-anonymous").status, 401);
  EXPECT_EQ(s.Balance(payable), 10000);
  EXPECT_EQ(s.Balance("merchant_loss_expense:USD"), 0);
  EXPECT_TRUE(c.Get(write_offs, s.okey()).json()["data"].empty());

  // Part of the debt, then the rest; a retry returns the first reply and posts nothing.
  auto part = c.Post(write_offs, body, s.okey(), "wo-part");
  ASSERT_EQ(part.status, 201) << part.body;
  const Json w = part.json();
  EXPECT_EQ(w["object"], "merchant_write_off");
  EXPECT_EQ(w["merchant_id"], id);
  EXPECT_EQ(w["amount"], 4000);
  EXPECT_EQ(w["currency"], "USD");
  EXPECT_EQ(w["reason"], "the merchant is insolvent");
  EXPECT_EQ(w["written_off_by"].get<std::string>().substr(0, 4), "opr_");
  auto retried = c.Post(write_offs, body, s.okey(), "wo-part");
  EXPECT_EQ(retried.status, 201);
  EXPECT_EQ(retried.json(), w);
  EXPECT_EQ(s.Balance(payable), 6000);
  EXPECT_EQ(s.Balance("merchant_loss_expense:USD"), 4000);
  auto entry = c.Get("/v1/admin/ledger/entries/" + w["journal_entry_id"].get<std::string>(), s.okey());
  ASSERT_EQ(entry.status, 200) << entry.body;
  EXPECT_EQ(entry.json()["reason"], "merchant_write_off");
  EXPECT_EQ(entry.json()["object_id"], w["id"]);
  EXPECT_EQ(entry.json()["memo"], "the merchant is insolvent");
  refused(c.Post(write_offs, {{"amount", 6001}, {"currency", "USD"}, {"reason", "the rest"}}, s.okey(), "wo-more"),
          422, "write_off_exceeds_debt");
  auto rest = c.Post(write_offs, {{"amount", 6000}, {"currency", "USD"}, {"reason", "the rest"}}, s.okey(), "wo-rest");
  ASSERT_EQ(rest.status, 201) << rest.body;
  EXPECT_EQ(s.Balance(payable), 0);
  EXPECT_EQ(s.Balance("merchant_loss_expense:USD"), 10000);
  const Json listed = c.Get(write_offs, s.okey()).json();
  ASSERT_EQ(listed["data"].size(), 2u) << listed;
  EXPECT_EQ(listed["data"][0], w);
  EXPECT_EQ(listed["data"][1]["id"], rest.json()["id"]);
  EXPECT_FALSE(listed["has_more"]);
  refused(c.Post(write_offs, {{"amount", 1}, {"currency", "USD"}, {"reason", "again"}}, s.okey(), "wo-again"), 422,
          "no_debt");

  s.Advance(1);  // the debt carried in, the write-offs out: nothing owed either way
  settlements = MerchantSettlements(s, id);
  ASSERT_EQ(settlements.size(), 3u) << settlements;
  EXPECT_EQ(settlements[2]["carried_in"], -10000);
  EXPECT_EQ(settlements[2]["adjustments"], 10000);
  EXPECT_EQ(settlements[2]["net"], 0);
  EXPECT_TRUE(MerchantPayouts(s, id).size() == 1u);  // the first day's only
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
