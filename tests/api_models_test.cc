// GET /v1/admin/models over real HTTP on a real database: a server running a credit
// champion with a shadow challenger and a fraud model reports each with the curves
// training recorded and how it does on the decisions it made (PSI by week, ROC on the
// labelled ones), champion and challenger side by side; bad windows are refused with a
// clear 400, and merchants and anonymous callers learn nothing. The demo's fraud model
// passes ordinary baskets and holds identities sharing a device abroad.
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <set>
#include <string>

#include "app/demo.h"
#include "credit/model.h"
#include "credit/simulated_data.h"
#include "support/small_fraud_model.h"
#include "support/test_server.h"

namespace tranche {
namespace {

using Json = nlohmann::json;

// A small credit model on the simulator's columns (what the server maps a bureau
// profile to), seeded: two seeds give two versions.
void SaveCreditModel(const std::string& dir, std::uint64_t seed, Date today) {
  credit::TrainOptions o;
  o.folds = 3;
  o.max_rounds = 60;
  o.patience = 10;
  o.seed = seed;
  auto trained = credit::Train(credit::SimulatedTrainingData(1500, seed, today), o);
  ASSERT_TRUE(trained.ok()) << trained.status().ToString();
  ASSERT_TRUE(credit::CreditModel(std::move(trained).value(), "simulated").Save(dir).ok());
}

// A small fraud model on a simulated card stream: enough for a model card with curves.
// The demo's own model (app::EnsureDemoFraudModel) takes about three minutes under the
// sanitizers, so only the test of how it scores trains it.
void SaveSmallFraudModel(const std::string& dir) {
  auto trained = testing::TrainSmallFraudModel(20261201, 60);
  ASSERT_TRUE(trained.ok()) << trained.status().ToString();
  ASSERT_TRUE(trained->model.Save(dir).ok());
}

// A person of their own: phone and street differ with the email, so that no two share
// an entity the fraud features count.
Json Person(const std::string& email) {
  const std::string n = std::to_string(std::hash<std::string>{}(email) % 9000 + 1000);
  return {{"email", email},
          {"phone", "+1 415 555 " + n},
          {"given_name", "Ava"},
          {"family_name", "Larsson"},
          {"date_of_birth", "1990-04-12"},
          {"address", {{"line1", n + " Main St"}, {"city", "Springfield"}, {"postal_code", "12345"}, {"country", "US"}}}};
}

class ApiModelsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dirs_ = new Dirs;
    const Date today = *ParseDate("2026-03-10");
    SaveCreditModel(dirs_->champion.path(), 1, today);
    SaveCreditModel(dirs_->challenger.path(), 2, today);
    SaveSmallFraudModel(dirs_->fraud.path());
  }
  static void TearDownTestSuite() { delete dirs_; }

  struct Dirs {
    testing::TempDir champion, challenger, fraud;
  };
  static Dirs* dirs_;

  // `fraud_model_dir`: the small card-stream model unless another is named.
  testing::TestServerOptions Options(const std::string& fraud_model_dir = "") {
    testing::TestServerOptions o;
    o.clock = &clock_;
    o.credit_model_dir = dirs_->champion.path();
    o.challenger_model_dir = dirs_->challenger.path();
    o.challenger_shadow = true;
    o.fraud_model_dir = fraud_model_dir.empty() ? dirs_->fraud.path() : fraud_model_dir;
    return o;
  }

  // A checkout authorized as `email`; returns the authorization reply.
  static Json Authorize(testing::TestServer& server, testing::HttpClient& c, std::int64_t amount,
                        const std::string& email, const Json& device = Json::object()) {
    const Json session = {{"currency", "USD"}, {"amount", amount}, {"merchant_reference", "ref-" + email},
                          {"order_lines", {{{"name", "Bike"}, {"quantity", 1}, {"unit_price", amount},
                                            {"total_amount", amount}}}}};
    auto s = c.Post("/v1/checkout/sessions", session, server.merchant_key);
    EXPECT_EQ(s.status, 201) << s.body;
    auto a = c.Post("/v1/checkout/sessions/" + s.json()["id"].get<std::string>() + "/authorize",
                    {{"product", "pay_in_4"}, {"consumer", Person(email)}, {"device", device}},
                    s.json()["client_token"].get<std::string>());
    EXPECT_EQ(a.status, 200) << a.body;
    return a.json();
  }

  // Rules under which every screened authorization is held for a fraud review.
  static void HoldEveryScreening(testing::HttpClient& c, const std::string& operator_key) {
    testing::ClientRequest rules;
    rules.method = "PUT";
    rules.target = "/v1/admin/fraud/rules";
    rules.body = Json{{"source", "review if fraud_score >= 0\n"}}.dump();
    rules.bearer = operator_key;
    ASSERT_EQ(c.Send(rules).status, 200);
  }

  SimulatedClock clock_{*ParseRfc3339("2026-03-10T09:00:00Z")};
};
ApiModelsTest::Dirs* ApiModelsTest::dirs_ = nullptr;

const Json* Card(const Json& models, const std::string& role) {
  for (const Json& m : models) {
    if (m["role"] == role) return &m;
  }
  return nullptr;
}

TEST_F(ApiModelsTest, ReportsEachServedModelWithItsCurvesAndLiveMonitoring) {
  testing::TestServer server(Options());
  auto c = server.Client();
  const std::string& op = server.operator_key;
  // Every authorization held for review, so each gets a label when an operator decides.
  HoldEveryScreening(c, op);
  const char* emails[] = {"a@example.com", "b@example.com", "c@example.com", "d@example.com"};
  const std::int64_t amounts[] = {5000, 60000, 7000, 65000};
  for (int i = 0; i < 4; ++i) Authorize(server, c, amounts[i], emails[i]);
  // Label two of those held (a credit decline is not screened): the largest amount a
  // fraud (rejected), the smallest legitimate (accepted).
  Json reviews = c.Get("/v1/admin/fraud/reviews?status=pending&limit=100", op).json()["data"];
  ASSERT_GE(reviews.size(), 2u) << reviews.dump();
  std::sort(reviews.begin(), reviews.end(),
            [](const Json& x, const Json& y) { return x["amount"].get<std::int64_t>() < y["amount"].get<std::int64_t>(); });
  for (const auto& [review, verdict] : {std::pair{reviews.front(), "accept"}, std::pair{reviews.back(), "reject"}}) {
    const std::string id = review["id"];
    ASSERT_EQ(c.Post("/v1/admin/fraud/reviews/" + id + "/claim", Json::object(), op).status, 200);
    ASSERT_EQ(c.Post("/v1/admin/fraud/reviews/" + id + "/" + verdict, Json::object(), op).status, 200);
  }

  auto r = c.Get("/v1/admin/models", op);
  ASSERT_EQ(r.status, 200) << r.body;
  const Json body = r.json();
  EXPECT_EQ(body["object"], "models");
  EXPECT_EQ(body["until"], "2026-03-10");
  EXPECT_EQ(body["since"], "2025-12-11");  // 90 days, both ends included
  EXPECT_EQ(body["matured_by"], "2026-01-09");
  EXPECT_EQ(body["decisions"]["credit"], 4);
  const int screened = body["decisions"]["fraud"];
  EXPECT_GE(screened, 2);
  EXPECT_EQ(body["decisions"]["credit_capped"], false);
  const Json models = body["models"];
  ASSERT_EQ(models.size(), 3u) << body.dump();

  for (const char* role : {"champion", "challenger"}) {
    const Json* m = Card(models, role);
    ASSERT_NE(m, nullptr) << role;
    EXPECT_EQ((*m)["kind"], "credit");
    EXPECT_EQ((*m)["training_rows"], 1500);
    EXPECT_GT((*m)["features"].get<int>(), 0);
    EXPECT_TRUE((*m)["written_at"].is_string());
    const Json held_out = (*m)["held_out"];
    EXPECT_EQ(held_out["method"], "cross_validated");
    EXPECT_EQ(held_out["rows"], 1500);
    EXPECT_GT(held_out["auc"].get<double>(), 0.6);
    EXPECT_GE(held_out["roc"].size(), 2u);
    EXPECT_LE(held_out["roc"].size(), 101u);
    EXPECT_EQ(held_out["calibration"].size(), 10u);
    const Json live = (*m)["live"];
    EXPECT_EQ(live["scored"], 4) << role;
    ASSERT_EQ(live["psi"].size(), 13u);  // 90 days in weeks from since
    EXPECT_EQ(live["psi"][0]["count"], 0);
    EXPECT_TRUE(live["psi"][0]["psi"].is_null());
    EXPECT_EQ(live["psi"][12]["count"], 4);
    EXPECT_TRUE(live["psi"][12]["psi"].is_number());
    EXPECT_EQ(live["outcomes"]["rows"], 0);  // nothing has matured yet
    EXPECT_TRUE(live["outcomes"]["auc"].is_null());
  }
  EXPECT_NE((*Card(models, "champion"))["version"], (*Card(models, "challenger"))["version"]);

  const Json* f = Card(models, "fraud");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ((*f)["kind"], "fraud");
  EXPECT_EQ((*f)["held_out"]["method"], "cross_validated");
  EXPECT_LE((*f)["held_out"]["roc"].size(), 101u);
  EXPECT_EQ((*f)["live"]["scored"], screened);
  const Json outcomes = (*f)["live"]["outcomes"];
  EXPECT_EQ(outcomes["rows"], 2);
  EXPECT_EQ(outcomes["positives"], 1);
  ASSERT_TRUE(outcomes["auc"].is_number()) << outcomes.dump();
  EXPECT_GE(outcomes["roc"].size(), 2u);

  const Json cc = body["champion_challenger"];
  EXPECT_EQ(cc["mode"], "shadow");
  ASSERT_EQ(cc["versions"].size(), 2u) << cc.dump();
  EXPECT_EQ(cc["versions"][0]["decisions"], 4);
  EXPECT_EQ(cc["versions"][1]["shadow"], true);
  EXPECT_TRUE(cc["versions"][1]["mean_pd"].is_number());
  EXPECT_EQ(cc["head_to_head"]["matured"], 0);

  // A window with nothing in it: empty series, not an error.
  auto empty = c.Get("/v1/admin/models?since=2025-01-01&until=2025-01-07", op);
  ASSERT_EQ(empty.status, 200) << empty.body;
  const Json e = empty.json();
  EXPECT_EQ(e["decisions"]["credit"], 0);
  EXPECT_EQ(e["models"][0]["live"]["scored"], 0);
  EXPECT_EQ(e["models"][0]["live"]["psi"].size(), 1u);
  EXPECT_TRUE(e["champion_challenger"]["versions"].empty());
}

// The demo's fraud model learnt from a simulated BNPL business: ordinary baskets pass
// it, and identities taking turns on one device from abroad (the simulator's thieves
// and rings) reach the review threshold (70 by default) once the device and IP have a
// history: the first of them cannot be told from a traveller.
TEST_F(ApiModelsTest, TheDemoFraudModelPassesOrdinaryBasketsAndHoldsIdentitiesSharingADeviceAbroad) {
  testing::TempDir demo_model;
  ASSERT_TRUE(app::EnsureDemoFraudModel(demo_model.path()).ok());
  testing::TestServer server(Options(demo_model.path()));
  auto c = server.Client();
  const std::string& op = server.operator_key;
  // Every screened authorization held, so that each score can be read from its review.
  HoldEveryScreening(c, op);
  for (const std::int64_t amount : {9000, 25000, 60000, 120000}) {
    Authorize(server, c, amount, "shopper" + std::to_string(amount) + "@example.com");
  }
  const Json abroad = {{"fingerprint", "fp-shared"}, {"ip", "203.0.113.9"}, {"ip_country", "RO"}};
  std::set<std::string> shared_device_authorizations;
  for (int i = 0; i < 4; ++i) {
    const Json a = Authorize(server, c, 80000, "taken" + std::to_string(i) + "@example.com", abroad);
    if (a.contains("authorization_id")) shared_device_authorizations.insert(a["authorization_id"].get<std::string>());
  }

  const Json reviews = c.Get("/v1/admin/fraud/reviews?status=pending&limit=100", op).json()["data"];
  int ordinary = 0, shared = 0, shared_held_by_score = 0;
  for (const Json& review : reviews) {
    const std::string id = review["fraud_decision_id"];
    auto d = c.Get("/v1/admin/fraud/decisions/" + id, op);
    ASSERT_EQ(d.status, 200) << d.body;
    const int score = d.json()["score"]["score"];
    if (shared_device_authorizations.contains(review["authorization_id"].get<std::string>())) {
      ++shared;
      shared_held_by_score += score >= 70 ? 1 : 0;
    } else {
      ++ordinary;
      EXPECT_LT(score, 70) << review.dump();
    }
  }
  EXPECT_GE(ordinary, 2) << reviews.dump();  // credit declines are not screened
  ASSERT_GE(shared, 2) << reviews.dump();
  EXPECT_GE(shared_held_by_score, 2) << reviews.dump();
}

TEST_F(ApiModelsTest, RefusesBadWindowsAndCallersOtherThanOperators) {
  testing::TestServer server(Options());
  auto c = server.Client();
  for (const char* q : {"since=yesterday", "until=2026-13-01", "since=2026-03-11", "until=2026-03-11",
                        "since=2026-03-05&until=2026-03-01", "since=2024-01-01&until=2026-03-10",
                        "since=2026-03-01T00:00:00Z"}) {
    auto r = c.Get(std::string("/v1/admin/models?") + q, server.operator_key);
    EXPECT_EQ(r.status, 400) << q << " " << r.body;
    EXPECT_EQ(r.json()["error"]["code"], "invalid_date") << q << " " << r.body;
  }
  EXPECT_EQ(c.Get("/v1/admin/models", server.merchant_key).status, 403);
  EXPECT_EQ(c.Get("/v1/admin/models", server.other_merchant_key).status, 403);
  auto anonymous = c.Get("/v1/admin/models");
  EXPECT_EQ(anonymous.status, 401);
  EXPECT_EQ(anonymous.body.find("model"), std::string::npos) << anonymous.body;
}

TEST(ApiModelsWithoutModelsTest, AServerWithoutModelsReportsNone) {
  testing::TestServer server;
  auto r = server.Client().Get("/v1/admin/models", server.operator_key);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_TRUE(r.json()["models"].empty());
  EXPECT_TRUE(r.json()["champion_challenger"]["mode"].is_null());
}

}  // namespace
}  // namespace tranche
