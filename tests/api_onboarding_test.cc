// Merchant onboarding over HTTP: the automated check's outcome, the operators' review
// queue, and checkout refused to a merchant that is not active.
#include <gtest/gtest.h>

#include "support/scenario.h"
#include "support/test_server.h"

namespace tranche {
namespace {

using testing::HttpClient;
using testing::TestServer;
using Json = nlohmann::json;

Json Session() {
  return {{"currency", "SEK"},
          {"amount", 120000},
          {"merchant_reference", "trip-7"},
          {"order_lines", {{{"name", "Flight"}, {"quantity", 1}, {"unit_price", 120000}, {"total_amount", 120000}}}},
          {"consumer", {{"email", "ava@example.com"}}}};
}

class ApiOnboardingTest : public ::testing::Test {
 protected:
  testing::ClientResponse Post(const std::string& target, const Json& body, const std::string& key = "") {
    return client_.Post(target, body, key.empty() ? server_.operator_key : key, "onboarding-" + std::to_string(++posts_));
  }
  Json CreateOk(const Json& body) {
    auto r = Post("/v1/admin/merchants", body);
    EXPECT_EQ(r.status, 201) << r.body;
    return r.json();
  }
  static Json Travel(std::string name = "Fjord Flights") {
    return {{"name", std::move(name)}, {"country", "SE"}, {"default_currency", "SEK"}, {"category", "travel"}};
  }
  std::vector<std::string> Listed(const std::string& query) {
    auto r = client_.Get("/v1/admin/merchants?limit=100" + query, server_.operator_key);
    EXPECT_EQ(r.status, 200) << r.body;
    std::vector<std::string> ids;
    const Json page = r.json();
    for (const Json& m : page["data"]) ids.push_back(m["id"]);
    return ids;
  }

  TestServer server_;
  HttpClient client_ = server_.Client();
  int posts_ = 0;
};

TEST_F(ApiOnboardingTest, AHighRiskMerchantWaitsForAReviewerBeforeItsFirstCheckout) {
  const Json m = CreateOk(Travel());
  const std::string id = m["id"];
  EXPECT_EQ(m["category"], "travel");
  EXPECT_EQ(m["onboarding"]["status"], "pending_review");
  EXPECT_EQ(m["onboarding"]["findings"], Json::array({"high_risk_category"}));
  EXPECT_TRUE(m["onboarding"]["reviewed_by"].is_null());
  const std::string key = m["secret_key"]["secret"];

  auto refused = Post("/v1/checkout/sessions", Session(), key);
  EXPECT_EQ(refused.status, 422) << refused.body;
  EXPECT_EQ(refused.json()["error"]["code"], "merchant_not_active");
  EXPECT_EQ(Listed("&status=pending_review"), std::vector<std::string>{id});
  EXPECT_EQ(Listed("&status=active").size(), 2u);  // the test server's shops

  auto hook = Post("/v1/webhook_endpoints",
                   {{"url", "https://hooks.fjord.example/tranche"}, {"events", {"merchant.onboarding_decided"}}}, key);
  ASSERT_EQ(hook.status, 201) << hook.body;
  auto approved = Post("/v1/admin/merchants/" + id + "/approve", {{"note", "licensed travel agency, bonded"}});
  ASSERT_EQ(approved.status, 200) << approved.body;
  EXPECT_EQ(approved.json()["onboarding"]["status"], "active");
  EXPECT_TRUE(approved.json()["onboarding"]["reviewed_by"].get<std::string>().starts_with("opr_"));
  EXPECT_EQ(approved.json()["onboarding"]["note"], "licensed travel agency, bonded");
  EXPECT_EQ(approved.json()["onboarding"]["findings"], Json::array({"high_risk_category"}));
  EXPECT_EQ(client_.Get("/v1/merchant", key).json()["onboarding"], (Json{{"status", "active"}}));
  // The merchant hears of the decision, in its own view: no findings, no note.
  const Json events = client_.Get("/v1/events?limit=10", key).json();
  ASSERT_EQ(events["data"].size(), 1u) << events.dump();
  EXPECT_EQ(events["data"][0]["type"], "merchant.onboarding_decided");
  EXPECT_EQ(events["data"][0]["data"]["object"]["onboarding"], (Json{{"status", "active"}}));
  EXPECT_TRUE(Listed("&status=pending_review").empty());

  auto opened = Post("/v1/checkout/sessions", Session(), key);
  EXPECT_EQ(opened.status, 201) << opened.body;
  auto again = Post("/v1/admin/merchants/" + id + "/reject", Json::object());
  EXPECT_EQ(again.status, 409) << again.body;
  EXPECT_EQ(again.json()["error"]["code"], "merchant_not_pending_review");
}

TEST_F(ApiOnboardingTest, ARejectedMerchantLosesItsKeysAndGetsNoNewOnes) {
  const Json m = CreateOk(Travel());
  const std::string id = m["id"];
  const std::string key = m["secret_key"]["secret"];
  ASSERT_EQ(client_.Get("/v1/merchant", key).status, 200);

  auto rejected = Post("/v1/admin/merchants/" + id + "/reject", {{"note", "no bonding for package tours"}});
  ASSERT_EQ(rejected.status, 200) << rejected.body;
  EXPECT_EQ(rejected.json()["onboarding"]["status"], "rejected");
  EXPECT_EQ(client_.Get("/v1/merchant", key).status, 401);
  auto rotate = Post("/v1/admin/merchants/" + id + "/keys", Json::object());
  EXPECT_EQ(rotate.status, 409) << rotate.body;
  EXPECT_EQ(rotate.json()["error"]["code"], "merchant_rejected");
  EXPECT_EQ(Listed("&status=rejected"), std::vector<std::string>{id});
}

TEST_F(ApiOnboardingTest, AProhibitedCategoryIsRejectedAtOnceWithNoKey) {
  const Json m = CreateOk({{"name", "Lucky Spins"}, {"country", "GB"}, {"default_currency", "GBP"}, {"category", "gambling"}});
  EXPECT_EQ(m["onboarding"]["status"], "rejected");
  EXPECT_EQ(m["onboarding"]["findings"], Json::array({"prohibited_category"}));
  EXPECT_FALSE(m.contains("secret_key"));
  auto approve = Post("/v1/admin/merchants/" + m["id"].get<std::string>() + "/approve", Json::object());
  EXPECT_EQ(approve.status, 409) << approve.body;
}

TEST_F(ApiOnboardingTest, ANameOnTheRestrictedListGoesToAPersonAndLowPricingToo) {
  testing::ClientRequest put;
  put.method = "PUT";
  put.target = "/v1/admin/fraud/lists/restricted_merchant_names";
  put.body = Json{{"entries", {"Acme Trading Ltd", "Müller Versand GmbH"}}}.dump();
  put.bearer = server_.operator_key;
  auto list = client_.Send(put);
  ASSERT_EQ(list.status, 200) << list.body;
  // Entries as an operator typed them meet names spelt otherwise.
  const Json listed = CreateOk({{"name", "ACME trading"}, {"country", "GB"}, {"default_currency", "GBP"}});
  EXPECT_EQ(listed["onboarding"]["status"], "pending_review");
  EXPECT_EQ(listed["onboarding"]["findings"], Json::array({"restricted_name_match"}));
  const Json umlaut = CreateOk({{"name", "MUELLER Versand"}, {"country", "DE"}, {"default_currency", "EUR"}});
  EXPECT_EQ(umlaut["onboarding"]["status"], "active");  // folding is no transliteration guess
  const Json folded = CreateOk({{"name", "Muller Versand AG"}, {"country", "DE"}, {"default_currency", "EUR"}});
  EXPECT_EQ(folded["onboarding"]["findings"], Json::array({"restricted_name_match"}));
  // The merchant sees its status, never what the check found.
  auto own = client_.Get("/v1/merchant", listed["secret_key"]["secret"].get<std::string>());
  ASSERT_EQ(own.status, 200) << own.body;
  EXPECT_EQ(own.json()["onboarding"], (Json{{"status", "pending_review"}}));
  const Json cheap = CreateOk({{"name", "Bulk Books"}, {"country", "GB"}, {"default_currency", "GBP"},
                               {"pricing", {{"mdr_bps", 150}}}});
  EXPECT_EQ(cheap["onboarding"]["findings"], Json::array({"pricing_below_floor"}));
  const Json fine = CreateOk({{"name", "ACME Tools"}, {"country", "GB"}, {"default_currency", "GBP"}});
  EXPECT_EQ(fine["onboarding"]["status"], "active");
  EXPECT_EQ(fine["category"], "general_retail");
}

// Re-screening: a name put on the restricted list after the merchant was onboarded sends
// it back to review at once. Until an operator approves it again it opens no checkout
// and authorizes and captures nothing, while its customers' refunds go on.
TEST(ApiRescreeningTest, ANameAddedToTheRestrictedListSendsATradingMerchantBackToReview) {
  testing::Scenario s;
  HttpClient& c = s.client();
  const testing::Scenario::Purchase bought = s.Buy("ava@example.com", 40000);
  const Json held = s.Authorize("bo@example.com", 20000);
  ASSERT_EQ(held["status"], "approved") << held;
  auto order = c.Post("/v1/orders", {{"authorization_id", held["authorization_id"]}, {"merchant_reference", "o-2"}},
                      s.mkey());
  ASSERT_EQ(order.status, 201) << order.body;
  const Json body = {{"currency", "USD"}, {"amount", 5000}, {"merchant_reference", "r-3"},
                     {"order_lines", {{{"name", "Bell"}, {"quantity", 1}, {"unit_price", 5000}, {"total_amount", 5000}}}}};
  auto open = c.Post("/v1/checkout/sessions", body, s.mkey());
  ASSERT_EQ(open.status, 201) << open.body;
  const Json me = c.Get("/v1/merchant", s.mkey()).json();
  const std::string id = me["id"];
  const auto onboarding = [&] { return c.Get("/v1/admin/merchants/" + id, s.okey()).json()["onboarding"]; };
  const auto put_list = [&](const Json& entries) {
    testing::ClientRequest put;
    put.method = "PUT";
    put.target = "/v1/admin/fraud/lists/restricted_merchant_names";
    put.body = Json{{"entries", entries}}.dump();
    put.bearer = s.okey();
    return c.Send(put);
  };
  ASSERT_EQ(put_list({"Someone Else Ltd"}).status, 200);
  EXPECT_EQ(onboarding()["status"], "active");

  // The name as an operator types it, with a legal form and another case.
  testing::ClientRequest patch;
  patch.method = "PATCH";
  patch.target = "/v1/admin/fraud/lists/restricted_merchant_names";
  patch.body = Json{{"add", {me["name"].get<std::string>() + " Ltd"}}}.dump();
  patch.bearer = s.okey();
  auto patched = c.Send(patch);
  ASSERT_EQ(patched.status, 200) << patched.body;
  const Json review = onboarding();
  EXPECT_EQ(review["status"], "pending_review") << review;
  EXPECT_EQ(review["findings"].back(), "restricted_name_match") << review;
  EXPECT_TRUE(review["reviewed_by"].is_null()) << review;
  auto queue = c.Get("/v1/admin/merchants?status=pending_review", s.okey()).json();
  ASSERT_EQ(queue["data"].size(), 1u) << queue;
  EXPECT_EQ(queue["data"][0]["id"], id);
  // The test server's other shop, whose name is not on the list, trades on.
  const Json active = c.Get("/v1/admin/merchants?status=active", s.okey()).json();
  ASSERT_EQ(active["data"].size(), 1u) << active;
  EXPECT_NE(active["data"][0]["id"], id);
  // The merchant is told, in its own view.
  const Json events = c.Get("/v1/events?limit=20", s.mkey()).json();
  bool told = false;
  for (const Json& e : events["data"]) {
    told = told || (e["type"] == "merchant.onboarding_decided" &&
                    e["data"]["object"]["onboarding"] == Json{{"status", "pending_review"}});
  }
  EXPECT_TRUE(told) << events.dump();

  const auto refused = [](const testing::ClientResponse& r) {
    EXPECT_EQ(r.status, 422) << r.body;
    EXPECT_EQ(r.json()["error"]["code"], "merchant_not_active") << r.body;
  };
  refused(c.Post("/v1/checkout/sessions", body, s.mkey()));
  refused(c.Post("/v1/checkout/sessions/" + open.json()["id"].get<std::string>() + "/authorize",
                 {{"product", "pay_in_4"}, {"consumer", testing::Applicant("cy@example.com")}},
                 open.json()["client_token"].get<std::string>()));
  const std::string held_order = order.json()["id"];
  refused(c.Post("/v1/orders/" + held_order + "/captures", {{"amount", 20000}}, s.mkey()));
  auto refund = c.Post("/v1/orders/" + bought.order_id + "/refunds", {{"amount", 10000}, {"reason", "returned"}},
                       s.mkey());
  EXPECT_EQ(refund.status, 201) << refund.body;

  // Approved again, it trades again: the held order is captured.
  auto approved = c.Post("/v1/admin/merchants/" + id + "/approve", {{"note", "a namesake, not the listed party"}},
                         s.okey());
  ASSERT_EQ(approved.status, 200) << approved.body;
  auto captured = c.Post("/v1/orders/" + held_order + "/captures", {{"amount", 20000}}, s.mkey());
  ASSERT_EQ(captured.status, 201) << captured.body;
  EXPECT_EQ(c.Post("/v1/checkout/sessions", body, s.mkey()).status, 201);
  // Saving the list again with the name still on it sends nobody back.
  ASSERT_EQ(put_list({me["name"].get<std::string>() + " Ltd", "Someone Else Ltd", "Another One"}).status, 200);
  EXPECT_EQ(onboarding()["status"], "active");
  s.ExpectBooksAgree({bought.plan_id, captured.json()["plan"]["id"].get<std::string>()});
}

// A rejected merchant holds no key, so it cannot refund what its customers send back:
// an operator refunds for it, with a reason, off what the merchant is owed. An active
// merchant refunds its own orders.
TEST(ApiRescreeningTest, AnOperatorRefundsTheCustomersOfARejectedMerchant) {
  testing::Scenario s;
  HttpClient& c = s.client();
  const testing::Scenario::Purchase bought = s.Buy("ava@example.com", 40000);
  const std::string refunds = "/v1/admin/orders/" + bought.order_id + "/refunds";
  const Json body = {{"amount", 40000}, {"reason", "returned to a shop that closed"}};
  const auto refused = [](const testing::ClientResponse& r, int status, const std::string& code) {
    EXPECT_EQ(r.status, status) << r.body;
    EXPECT_EQ(r.json()["error"]["code"], code) << r.body;
  };
  refused(c.Post(refunds, body, s.okey()), 409, "merchant_trading");

  const std::string id = s.server().merchant_id;
  s.RestrictMerchantName();
  auto rejected = c.Post("/v1/admin/merchants/" + id + "/reject", {{"note", "the listed party"}}, s.okey());
  ASSERT_EQ(rejected.status, 200) << rejected.body;
  EXPECT_EQ(c.Post("/v1/orders/" + bought.order_id + "/refunds", body, s.mkey()).status, 401);

  // Bad requests change nothing; only operators may.
  refused(c.Post(refunds, {{"amount", 40000}}, s.okey()), 400, "parameter_missing");
  refused(c.Post(refunds, {{"amount", 40001}, {"reason", "too much"}}, s.okey()), 422, "refund_exceeds_captured");
  refused(c.Post(refunds, {{"amount", "40000"}, {"reason", "a string"}}, s.okey()), 400, "parameter_invalid_type");
  refused(c.Post("/v1/admin/orders/ord_01JDQ3V6W4X8Y2Z0ABCDEFGHJK/refunds", body, s.okey()), 404, "order_not_found");
  EXPECT_EQ(c.Post(refunds, body, s.server().other_merchant_key).status, 403);
  EXPECT_EQ(c.Post(refunds, body, s.Login("ava@example.com")).status, 403);
  const testing::ClientResponse anonymous = c.Post(refunds, body, "");
  EXPECT_EQ(anonymous.status, 401);
  EXPECT_EQ(anonymous.body.find(bought.order_id), std::string::npos);
  EXPECT_EQ(anonymous.body.find("40000"), std::string::npos);
  auto order = c.Get("/v1/admin/orders/" + bought.order_id, s.okey()).json();
  EXPECT_TRUE(order["refunds"].empty()) << order;

  auto refund = c.Post(refunds, body, s.okey());
  ASSERT_EQ(refund.status, 201) << refund.body;
  EXPECT_EQ(refund.json()["issued_by"], "operator");
  EXPECT_EQ(refund.json()["reason"], "returned to a shop that closed");
  order = c.Get("/v1/admin/orders/" + bought.order_id, s.okey()).json();
  ASSERT_EQ(order["refunds"].size(), 1u) << order;
  EXPECT_EQ(order["refunds"][0]["issued_by"], "operator");
  EXPECT_EQ(order["plans"][0]["status"], "closed") << order;
  // Once refunded in full there is nothing left to refund.
  refused(c.Post(refunds, {{"amount", 1}, {"reason", "again"}}, s.okey()), 422, "refund_exceeds_captured");
  s.Advance(1);
  s.ExpectBooksAgree({bought.plan_id});
}

// Merchant monitoring: a shop whose customers' plans all go unpaid from the first
// instalment is sent back to review by the first Monday close that sees plans 14 days
// old, and trades again once an operator approves it.
TEST(ApiMerchantMonitoringTest, AShopWhosePlansGoUnpaidAtOnceGoesBackToReviewOnAMonday) {
  testing::Scenario s;  // Monday 2026-01-05
  std::vector<std::string> plans;
  for (int i = 0; i < 5; ++i) {
    const auto p = s.Buy("unpaid" + std::to_string(i) + "@example.com", 8000);
    s.SetProfile(p.email, "insufficient_funds");
    plans.push_back(p.plan_id);
  }
  const std::string id = s.client().Get("/v1/merchant", s.mkey()).json()["id"];
  const auto status = [&] {
    return s.client().Get("/v1/admin/merchants/" + id, s.okey()).json()["onboarding"]["status"].get<std::string>();
  };
  // The Mondays of the 12th and 19th see no plan 14 days old yet.
  Json clock = s.Advance(21);
  for (const Json& r : clock["closed"]) EXPECT_EQ(r["merchants_to_review"], 0) << r["business_date"];
  EXPECT_EQ(status(), "active");
  clock = s.Advance(1);  // closes Monday the 26th
  ASSERT_EQ(clock["closed"].size(), 1u);
  EXPECT_EQ(clock["closed"][0]["business_date"], "2026-01-26");
  EXPECT_EQ(clock["closed"][0]["merchants_to_review"], 1);
  EXPECT_EQ(status(), "pending_review");
  const Json onboarding = s.client().Get("/v1/admin/merchants/" + id, s.okey()).json()["onboarding"];
  EXPECT_EQ(onboarding["findings"].back(), "early_delinquency") << onboarding;
  const Json body = {{"currency", "USD"}, {"amount", 5000}, {"merchant_reference", "r-9"},
                     {"order_lines", {{{"name", "Bell"}, {"quantity", 1}, {"unit_price", 5000}, {"total_amount", 5000}}}}};
  auto refused = s.client().Post("/v1/checkout/sessions", body, s.mkey());
  EXPECT_EQ(refused.status, 422) << refused.body;
  EXPECT_EQ(refused.json()["error"]["code"], "merchant_not_active");

  auto approved = s.client().Post("/v1/admin/merchants/" + id + "/approve", {{"note", "a payroll strike in town"}},
                                  s.okey());
  ASSERT_EQ(approved.status, 200) << approved.body;
  EXPECT_EQ(s.client().Post("/v1/checkout/sessions", body, s.mkey()).status, 201);
  // The person judged those plans: the next Monday does not send it back for them.
  clock = s.Advance(7);
  EXPECT_EQ(clock["closed"].back()["business_date"], "2026-02-02");
  EXPECT_EQ(clock["closed"].back()["merchants_to_review"], 0);
  EXPECT_EQ(status(), "active");
  s.ExpectBooksAgree(plans);
}

TEST_F(ApiOnboardingTest, BadInputIsRefusedClearlyAndChangesNothing) {
  const std::string id = CreateOk(Travel())["id"];
  const auto expect_error = [](const testing::ClientResponse& r, int status, const std::string& code) {
    EXPECT_EQ(r.status, status) << r.body;
    EXPECT_EQ(r.json()["error"]["code"], code) << r.body;
  };
  expect_error(Post("/v1/admin/merchants", {{"name", "X"}, {"country", "SE"}, {"default_currency", "SEK"},
                                            {"category", "casino"}}),
               400, "invalid_category");
  expect_error(Post("/v1/admin/merchants", {{"name", "X"}, {"country", "SE"}, {"default_currency", "SEK"},
                                            {"category", 7}}),
               400, "parameter_invalid_type");
  expect_error(client_.Get("/v1/admin/merchants?status=open", server_.operator_key), 400, "invalid_status");
  expect_error(Post("/v1/admin/merchants/" + id + "/approve", {{"note", std::string(1001, 'n')}}), 400,
               "string_too_long");
  expect_error(Post("/v1/admin/merchants/" + id + "/approve", {{"decision", "yes"}}), 400, "parameter_unknown");
  expect_error(Post("/v1/admin/merchants/mer_unknown/approve", Json::object()), 404, "merchant_not_found");
  // Only operators decide or see the queue: not a merchant, not an anonymous caller.
  expect_error(Post("/v1/admin/merchants/" + id + "/approve", Json::object(), server_.merchant_key), 403, "forbidden");
  expect_error(client_.Get("/v1/admin/merchants?status=pending_review", server_.merchant_key), 403, "forbidden");
  expect_error(client_.Post("/v1/admin/merchants/" + id + "/reject", Json::object(), ""), 401, "unauthenticated");
  expect_error(client_.Get("/v1/admin/merchants?status=pending_review"), 401, "unauthenticated");
  EXPECT_EQ(Listed("&status=pending_review"), std::vector<std::string>{id});
  EXPECT_EQ(Listed("").size(), 3u);
  auto silent = Post("/v1/admin/merchants/" + id + "/approve", Json::object());
  ASSERT_EQ(silent.status, 200) << silent.body;
  EXPECT_TRUE(silent.json()["onboarding"]["note"].is_null());
}

}  // namespace
}  // namespace tranche
