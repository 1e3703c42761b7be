// GET /v1/admin/automation over HTTP on a real store: checkouts (credit decisions and
// fraud screenings), a fraud review, disputes accepted and contested, an unauthorized
// purchase reported after it was let through, and assistant conversations contained
// and handed off, the merchants an operator created and one sent back to review —
// counted per work type for the range asked. Bad ranges are 400 with the parameter
// named; only operators may read it.
#include "support/fake_understanding.h"
#include "support/scenario.h"

namespace tranche {
namespace {

using Json = nlohmann::json;
using testing::Scenario;

class AutomationApiTest : public ::testing::Test {
 protected:
  AutomationApiTest() : s_(testing::WithKeywordAssistant()) {}

  // The scorecard entry of `type` in a reply.
  static Json Type(const Json& scorecard, const std::string& type) {
    for (const Json& t : scorecard["types"]) {
      if (t["type"] == type) return t;
    }
    ADD_FAILURE() << "no " << type << " in " << scorecard.dump();
    return Json();
  }

  std::string Converse(const std::string& email, const std::string& text) {
    const std::string token = s_.Login(email);
    auto c = s_.client().Post("/v1/assistant/conversations", Json::object(), token);
    EXPECT_EQ(c.status, 201) << c.body;
    auto r = s_.client().Post("/v1/assistant/conversations/" + c.json().value("id", "") + "/messages",
                              {{"text", text}}, token);
    EXPECT_EQ(r.status, 200) << r.body;
    return r.body;
  }

  std::string Dispute(const Scenario::Purchase& p, const std::string& reason) {
    auto d = s_.client().Post("/v1/me/disputes", {{"order_id", p.order_id}, {"reason", reason}}, s_.Login(p.email));
    EXPECT_EQ(d.status, 201) << d.body;
    return d.json().value("id", "");
  }

  Scenario s_;
};

TEST_F(AutomationApiTest, CountsTheStoredWorkPerType) {
  const Scenario::Purchase a = s_.Buy("ann@example.com", 8000);
  const Scenario::Purchase b = s_.Buy("bob@example.com", 8000);
  const Scenario::Purchase c = s_.Buy("cat@example.com", 8000);

  // A large basket is held for a person.
  s_.SaveFraudRules("review if amount >= 50000\n");
  const Json session_body = {{"currency", "USD"}, {"amount", 60000}, {"merchant_reference", "big"},
                             {"order_lines", {{{"name", "Bike"}, {"quantity", 1}, {"unit_price", 60000},
                                               {"total_amount", 60000}}}}};
  auto session = s_.client().Post("/v1/checkout/sessions", session_body, s_.mkey());
  ASSERT_EQ(session.status, 201) << session.body;
  const Json person = {{"email", "dan@example.com"}, {"given_name", "Dan"}, {"family_name", "Berg"},
                       {"date_of_birth", "1985-02-03"}, {"phone", "+46 70 765 43 21"},
                       {"address", {{"line1", "Storgatan 2"}, {"city", "Stockholm"}, {"postal_code", "111 22"},
                                    {"country", "SE"}}}};
  auto held = s_.client().Post("/v1/checkout/sessions/" + session.json()["id"].get<std::string>() + "/authorize",
                               {{"product", "pay_in_4"}, {"consumer", person}},
                               session.json()["client_token"].get<std::string>());
  ASSERT_EQ(held.status, 200) << held.body;
  ASSERT_EQ(held.json()["fraud_status"], "pending") << held.body;

  // Cat did not make her purchase (a fraud the screening let through); the merchant
  // accepts. Bob's complaint is contested: an operator's to decide.
  const std::string unauthorized = Dispute(c, "unauthorized");
  ASSERT_EQ(s_.client().Post("/v1/disputes/" + unauthorized + "/respond", {{"accept", true}}, s_.mkey()).status, 200);
  const std::string contested = Dispute(b, "not_received");
  ASSERT_EQ(s_.client().Post("/v1/disputes/" + contested + "/respond", {{"accept", false}, {"note", "delivered"}},
                             s_.mkey()).status,
            200);

  // Ann's question is answered; Bob's complaint goes to a person.
  Converse(a.email, "when is my next payment?");
  EXPECT_NE(Converse(b.email, "I want to complain").find("complaint"), std::string::npos);

  // A travel agency: the onboarding check sends it to a person.
  auto travel = s_.client().Post("/v1/admin/merchants", {{"name", "Fjord Flights"}, {"country", "SE"},
                                                         {"default_currency", "SEK"}, {"category", "travel"}},
                                 s_.okey(), "onboard-travel");
  ASSERT_EQ(travel.status, 201) << travel.body;
  ASSERT_EQ(travel.json()["onboarding"]["status"], "pending_review");

  auto r = s_.client().Get("/v1/admin/automation", s_.okey());
  ASSERT_EQ(r.status, 200) << r.body;
  const Json card = r.json();
  EXPECT_EQ(card["object"], "automation_scorecard");
  EXPECT_EQ(card["until"], "2026-01-05");
  EXPECT_EQ(card["since"], "2025-12-07");
  EXPECT_EQ(card["days"], 30);
  EXPECT_EQ(card["limited"], Json::array());
  EXPECT_EQ(card["types"].size(), 8u);

  const Json credit = Type(card, "credit_decision");
  EXPECT_EQ(credit["items"], 4);
  EXPECT_EQ(credit["automated"], 4);
  EXPECT_EQ(credit["wrong_outcomes"], 0);
  EXPECT_EQ(credit["items_by_day"].back(), 4);
  const Json fraud = Type(card, "fraud_review");
  EXPECT_EQ(fraud["items"], 4);
  EXPECT_EQ(fraud["automated"], 3);
  EXPECT_EQ(fraud["wrong_outcomes"], 1);
  EXPECT_EQ(fraud["team"], "fraud operations");
  EXPECT_LT(fraud["fte_with_tranche"].get<double>(), fraud["fte_without_automation"].get<double>());
  const Json disputes = Type(card, "dispute");
  EXPECT_EQ(disputes["items"], 2);
  EXPECT_EQ(disputes["automated"], 1);
  const Json contacts = Type(card, "assistant_contact");
  EXPECT_EQ(contacts["items"], 2);
  EXPECT_EQ(contacts["automated"], 1);
  EXPECT_EQ(contacts["automated_by_day"].back(), 1);
  // The test server's two shops passed the check; the travel agency waits for a person.
  const Json onboarding = Type(card, "merchant_onboarding");
  EXPECT_EQ(onboarding["items"], 3);
  EXPECT_EQ(onboarding["automated"], 2);
  EXPECT_EQ(onboarding["team"], "merchant operations");
  for (const char* none : {"customer_contact", "collections_contact", "reconciliation"}) {
    EXPECT_EQ(Type(card, none)["items"], 0) << none;
  }
  EXPECT_GT(card["fte_without_automation"].get<double>(), card["fte_with_tranche"].get<double>());
  // Each queue holds one item nobody has decided yet, waiting since it was queued.
  const auto queue = [](const Json& scorecard, const std::string& type) {
    for (const Json& q : scorecard["queue_ages"]) {
      if (q["type"] == type) return q;
    }
    ADD_FAILURE() << "no queue age of " << type << " in " << scorecard["queue_ages"].dump();
    return Json();
  };
  ASSERT_EQ(card["queue_ages"].size(), 4u) << card["queue_ages"].dump();
  for (const char* type : {"dispute", "merchant_onboarding", "fraud_review", "assistant_contact"}) {
    EXPECT_EQ(queue(card, type)["waiting"], 1) << type;
    EXPECT_EQ(queue(card, type)["decided"], 0) << type;
  }
  // Two hours later a reviewer accepts the held checkout: decided after two hours;
  // the contested dispute has waited two hours more.
  const std::int64_t dispute_waited = queue(card, "dispute")["oldest_waiting_seconds"];
  s_.clock().Advance(std::chrono::hours(2));
  auto reviews = s_.client().Get("/v1/admin/fraud/reviews?status=pending", s_.okey());
  ASSERT_EQ(reviews.status, 200) << reviews.body;
  ASSERT_EQ(reviews.json()["data"].size(), 1u) << reviews.body;
  auto accepted = s_.client().Post("/v1/admin/fraud/reviews/" + reviews.json()["data"][0]["id"].get<std::string>() +
                                       "/accept",
                                   {{"note", "called the customer"}}, s_.okey());
  ASSERT_EQ(accepted.status, 200) << accepted.body;
  const Json later = s_.client().Get("/v1/admin/automation", s_.okey()).json();
  const Json review_queue = queue(later, "fraud_review");
  EXPECT_EQ(review_queue["decided"], 1);
  EXPECT_EQ(review_queue["waiting"], 0);
  EXPECT_GE(review_queue["median_wait_seconds"].get<std::int64_t>(), 7200);
  EXPECT_LT(review_queue["median_wait_seconds"].get<std::int64_t>(), 7200 + 60);
  EXPECT_EQ(queue(later, "dispute")["oldest_waiting_seconds"].get<std::int64_t>(), dispute_waited + 7200);
  // The travel agency waited from its check to the operator's approval.
  auto approved = s_.client().Post("/v1/admin/merchants/" + travel.json()["id"].get<std::string>() + "/approve",
                                   {{"note", "licensed, bonded"}}, s_.okey());
  ASSERT_EQ(approved.status, 200) << approved.body;
  const Json onboarded = queue(s_.client().Get("/v1/admin/automation", s_.okey()).json(), "merchant_onboarding");
  EXPECT_EQ(onboarded["decided"], 1);
  EXPECT_EQ(onboarded["waiting"], 0);
  EXPECT_GE(onboarded["median_wait_seconds"].get<std::int64_t>(), 7200);
  // The test shop's name goes on the restricted list: a second review of it, a person's
  // work again, waiting from the moment it was sent back, not from the shop's creation.
  testing::ClientRequest put;
  put.method = "PUT";
  put.target = "/v1/admin/fraud/lists/restricted_merchant_names";
  put.body = Json{{"entries", {s_.client().Get("/v1/merchant", s_.mkey()).json()["name"]}}}.dump();
  put.bearer = s_.okey();
  ASSERT_EQ(s_.client().Send(put).status, 200);
  s_.clock().Advance(std::chrono::minutes(30));
  const Json rescreened = s_.client().Get("/v1/admin/automation", s_.okey()).json();
  EXPECT_EQ(Type(rescreened, "merchant_onboarding")["items"], 4);
  EXPECT_EQ(Type(rescreened, "merchant_onboarding")["automated"], 2);
  const Json requeued = queue(rescreened, "merchant_onboarding");
  EXPECT_EQ(requeued["decided"], 1);
  EXPECT_EQ(requeued["waiting"], 1);
  EXPECT_EQ(requeued["oldest_waiting_seconds"], 1800);

  // An explicit range: today alone, then a day before anything happened.
  const Json today = s_.client().Get("/v1/admin/automation?since=2026-01-05&until=2026-01-05", s_.okey()).json();
  EXPECT_EQ(today["days"], 1);
  EXPECT_EQ(Type(today, "credit_decision")["items_by_day"], Json::array({4}));
  const Json before = s_.client().Get("/v1/admin/automation?since=2026-01-04&until=2026-01-04", s_.okey()).json();
  EXPECT_EQ(Type(before, "fraud_review")["items"], 0);
  EXPECT_EQ(before["fte_with_tranche"], 0.0);
}

TEST_F(AutomationApiTest, RefusesBadRangesAndCallersOtherThanOperators) {
  const auto refused = [&](const std::string& query, const std::string& param) {
    auto r = s_.client().Get("/v1/admin/automation?" + query, s_.okey());
    EXPECT_EQ(r.status, 400) << query << ": " << r.body;
    EXPECT_EQ(r.json()["error"]["code"], "invalid_date") << query;
    EXPECT_EQ(r.json()["error"]["param"], param) << query;
    EXPECT_FALSE(r.json()["error"]["message"].get<std::string>().empty());
  };
  refused("since=2026-13-01", "since");
  refused("since=yesterday", "since");
  refused("until=2026-01-06", "until");                    // after today
  refused("since=2026-01-05&until=2026-01-04", "since");   // backwards
  refused("since=2025-01-03&until=2026-01-04", "since");   // 367 days
  refused("since=" + std::string(200, '9'), "since");
  EXPECT_EQ(s_.client().Get("/v1/admin/automation?since=2025-01-04&until=2026-01-04", s_.okey()).status, 200);

  s_.Buy("eve@example.com", 8000);
  EXPECT_EQ(s_.client().Get("/v1/admin/automation", s_.Login("eve@example.com")).status, 403);
  EXPECT_EQ(s_.client().Get("/v1/admin/automation", s_.mkey()).status, 403);
  const auto anonymous = s_.client().Get("/v1/admin/automation", "");
  EXPECT_EQ(anonymous.status, 401);
  EXPECT_EQ(anonymous.body.find("credit_decision"), std::string::npos);
}

}  // namespace
}  // namespace tranche
