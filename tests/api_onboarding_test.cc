// Merchant onboarding over HTTP: the automated check's outcome, the operators' review
// queue, and checkout refused to a merchant that is not active.
#include <gtest/gtest.h>

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
