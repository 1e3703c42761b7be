// Operators' look-ups for the console over real HTTP: a consumer by email and by id
// with plans and decisions, any merchant's order with its plans, the checkouts
// summary, and a merchant's webhook deliveries with replay; other callers are refused
// and bad input names its parameter.
#include <gtest/gtest.h>

#include "support/test_server.h"

namespace tranche {
namespace {

using Json = nlohmann::json;

Json Person(const std::string& email, const std::string& dob) {
  return {{"email", email}, {"phone", "+1 555 0100"}, {"given_name", "Lena"}, {"family_name", "Berg"},
          {"date_of_birth", dob},
          {"address", {{"line1", "1 Main St"}, {"city", "Brooklyn"}, {"postal_code", "11201"}, {"country", "US"}}}};
}

// A checkout of 120.00 on pay-in-4 for `email`; returns the authorization result.
Json Checkout(testing::TestServer& server, testing::HttpClient& c, const std::string& email, const std::string& dob) {
  auto s = c.Post("/v1/checkout/sessions",
                  {{"currency", "USD"}, {"amount", 12000}, {"merchant_reference", "r-" + email},
                   {"order_lines", {{{"name", "Lamp"}, {"quantity", 1}, {"unit_price", 12000}, {"total_amount", 12000}}}}},
                  server.merchant_key);
  EXPECT_EQ(s.status, 201) << s.body;
  auto r = c.Post("/v1/checkout/sessions/" + s.json()["id"].get<std::string>() + "/authorize",
                  {{"product", "pay_in_4"}, {"consumer", Person(email, dob)}}, s.json()["client_token"].get<std::string>());
  EXPECT_EQ(r.status, 200) << r.body;
  return r.json();
}

class LookupTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const Json approved = Checkout(server_, c_, "lena@example.com", "1988-02-03");
    ASSERT_EQ(approved["status"], "approved") << approved.dump();
    auto o = c_.Post("/v1/orders", {{"authorization_id", approved["authorization_id"]}, {"merchant_reference", "o1"}},
                     server_.merchant_key);
    ASSERT_EQ(o.status, 201) << o.body;
    order_id_ = o.json()["id"].get<std::string>();
    ASSERT_EQ(c_.Post("/v1/orders/" + order_id_ + "/captures", {{"amount", 12000}}, server_.merchant_key).status, 201);
    // Too young: declined, with a reason.
    declined_ = Checkout(server_, c_, "kid@example.com", "2015-06-01");
    ASSERT_EQ(declined_["status"], "declined") << declined_.dump();
  }

  testing::TestServer server_;
  testing::HttpClient c_ = server_.Client();
  std::string order_id_;
  Json declined_;
};

TEST_F(LookupTest, ConsumerByEmailThenByIdWithPlansAndDecisions) {
  auto found = c_.Get("/v1/admin/consumers?email=LENA%40example.com", server_.operator_key);
  ASSERT_EQ(found.status, 200) << found.body;
  const Json list = found.json();
  ASSERT_EQ(list["data"].size(), 1u);
  const std::string id = list["data"][0]["id"].get<std::string>();
  EXPECT_EQ(list["data"][0]["email"], "lena@example.com");

  auto detail = c_.Get("/v1/admin/consumers/" + id, server_.operator_key);
  ASSERT_EQ(detail.status, 200) << detail.body;
  const Json d = detail.json();
  ASSERT_EQ(d["plans"].size(), 1u);
  EXPECT_EQ(d["plans"][0]["order_id"], order_id_);
  EXPECT_EQ(d["plans"][0]["installments"].size(), 4u);
  ASSERT_EQ(d["decisions"].size(), 1u);
  EXPECT_EQ(d["decisions"][0]["outcome"], "approved");
  ASSERT_EQ(d["credit"].size(), 1u);
  EXPECT_EQ(d["credit"][0]["outstanding_balance"], 12000);

  auto none = c_.Get("/v1/admin/consumers?email=nobody%40example.com", server_.operator_key);
  ASSERT_EQ(none.status, 200);
  EXPECT_TRUE(none.json()["data"].empty());
}

TEST_F(LookupTest, AnyOrderWithItsMerchantAndPlans) {
  auto r = c_.Get("/v1/admin/orders/" + order_id_, server_.operator_key);
  ASSERT_EQ(r.status, 200) << r.body;
  const Json o = r.json();
  EXPECT_EQ(o["status"], "captured");
  EXPECT_EQ(o["merchant_id"], server_.merchant_id);
  ASSERT_EQ(o["captures"].size(), 1u);
  ASSERT_EQ(o["plans"].size(), 1u);
  EXPECT_EQ(o["plans"][0]["amount"], 12000);
  EXPECT_EQ(c_.Get("/v1/admin/orders/ord_missing", server_.operator_key).status, 404);
}

TEST_F(LookupTest, CheckoutsSummaryCountsTodaysDecisionsAndReasons) {
  auto r = c_.Get("/v1/admin/decisions/summary?days=7", server_.operator_key);
  ASSERT_EQ(r.status, 200) << r.body;
  const Json s = r.json();
  EXPECT_EQ(s["approved"], 1);
  EXPECT_EQ(s["declined"], 1);
  EXPECT_EQ(s["decisions"], 2);
  const Json days = s["days"];
  ASSERT_EQ(days.size(), 7u);
  EXPECT_EQ(days[6]["approved"], 1);
  EXPECT_EQ(days[6]["declined"], 1);
  const Json reasons = s["decline_reasons"];
  ASSERT_EQ(reasons.size(), 1u);
  EXPECT_EQ(reasons[0]["count"], 1);
  EXPECT_FALSE(reasons[0]["code"].get<std::string>().empty());
  EXPECT_EQ(c_.Get("/v1/admin/decisions/summary", server_.operator_key).json()["days"].size(), 30u);
}

TEST_F(LookupTest, BadInputNamesItsParameter) {
  for (const char* q : {"days=0", "days=367", "days=abc", "days=", "days=7x", "days=-1", "days=99999"}) {
    auto r = c_.Get(std::string("/v1/admin/decisions/summary?") + q, server_.operator_key);
    EXPECT_EQ(r.status, 400) << q;
    EXPECT_EQ(r.json()["error"]["param"], "days") << q;
  }
  for (const char* q : {"", "?email=", "?email=not-an-address"}) {
    auto r = c_.Get(std::string("/v1/admin/consumers") + q, server_.operator_key);
    EXPECT_EQ(r.status, 400) << q;
    EXPECT_EQ(r.json()["error"]["param"], "email") << q;
  }
  EXPECT_EQ(c_.Get("/v1/admin/consumers/con_missing", server_.operator_key).status, 404);
}

TEST_F(LookupTest, OnlyOperatorsMayLookUp) {
  const std::string consumer_path =
      "/v1/admin/consumers/" +
      c_.Get("/v1/admin/consumers?email=lena%40example.com", server_.operator_key).json()["data"][0]["id"].get<std::string>();
  for (const std::string& path : {consumer_path, std::string("/v1/admin/orders/") + order_id_,
                                  std::string("/v1/admin/decisions/summary"),
                                  std::string("/v1/admin/consumers?email=lena%40example.com")}) {
    EXPECT_EQ(c_.Get(path).status, 401) << path;
    auto merchant = c_.Get(path, server_.merchant_key);
    EXPECT_EQ(merchant.status, 403) << path;
    EXPECT_EQ(merchant.body.find("lena"), std::string::npos) << path;
  }
}

TEST_F(LookupTest, OperatorsSeeAndReplayAMerchantsWebhookDeliveries) {
  auto e = c_.Post("/v1/webhook_endpoints", {{"url", "http://127.0.0.1:9/hooks"}, {"events", {"order.authorized"}}},
                   server_.merchant_key);
  ASSERT_EQ(e.status, 201) << e.body;
  const std::string endpoint = e.json()["id"].get<std::string>();
  // The order's creation publishes order.authorized.
  const Json approved = Checkout(server_, c_, "lena@example.com", "1988-02-03");
  ASSERT_EQ(approved["status"], "approved");
  ASSERT_EQ(c_.Post("/v1/orders", {{"authorization_id", approved["authorization_id"]}, {"merchant_reference", "o2"}},
                    server_.merchant_key).status,
            201);

  const std::string base = "/v1/admin/merchants/" + server_.merchant_id + "/webhook_endpoints";
  auto endpoints = c_.Get(base, server_.operator_key);
  ASSERT_EQ(endpoints.status, 200) << endpoints.body;
  ASSERT_EQ(endpoints.json()["data"].size(), 1u);
  EXPECT_EQ(endpoints.json()["data"][0]["id"], endpoint);
  auto deliveries = c_.Get(base + "/" + endpoint + "/deliveries", server_.operator_key);
  ASSERT_EQ(deliveries.status, 200) << deliveries.body;
  const Json list = deliveries.json();
  ASSERT_EQ(list["data"].size(), 1u);
  const std::string delivery = list["data"][0]["id"].get<std::string>();
  auto replay = c_.Post(base + "/" + endpoint + "/deliveries/" + delivery + "/replay", Json::object(), server_.operator_key);
  ASSERT_EQ(replay.status, 201) << replay.body;
  EXPECT_EQ(replay.json()["event_id"], list["data"][0]["event_id"]);

  // Under another merchant's id the endpoint is unknown; merchants cannot use these routes.
  const std::string other = "/v1/admin/merchants/" + server_.other_merchant_id + "/webhook_endpoints";
  EXPECT_TRUE(c_.Get(other, server_.operator_key).json()["data"].empty());
  EXPECT_EQ(c_.Get(other + "/" + endpoint + "/deliveries", server_.operator_key).status, 404);
  EXPECT_EQ(c_.Get(base, server_.merchant_key).status, 403);
  EXPECT_EQ(c_.Post(base + "/" + endpoint + "/deliveries/" + delivery + "/replay", Json::object(), server_.merchant_key).status,
            403);
}

}  // namespace
}  // namespace tranche
