// Fraud screening over real HTTP on a real database: operators write rules and lists
// (versioned, checked, with line/column errors), authorizations are allowed, blocked or
// held for review, and the review queue accepts (capture allowed) or rejects (the
// authorization released, the merchant told by webhook). Bad input to every new
// endpoint gets a clear 4xx and changes nothing; merchants see none of it. Screening
// runs on the streaming feature engine (rebuilt from the store when the server
// restarts) and, when configured, a fraud model's score.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <filesystem>

#include "fraud/decision_repo.h"
#include "fraud/decision_training.h"
#include "fraud/engine_source.h"
#include "fraud/label_repo.h"
#include "fraud/model_scorer.h"
#include "ops/fraud_training.h"
#include "support/process.h"
#include "support/small_fraud_model.h"
#include "support/test_server.h"

namespace tranche {
namespace {

using Json = nlohmann::json;

testing::TestServerOptions ServerOptions(const Clock* clock, std::string fraud_model_dir) {
  testing::TestServerOptions o;
  o.clock = clock;
  o.fraud_model_dir = std::move(fraud_model_dir);
  return o;
}

class Fraud {
 public:
  explicit Fraud(std::string fraud_model_dir = "")
      : clock_(*ParseRfc3339("2026-03-10T09:00:00Z")),
        server_(ServerOptions(&clock_, std::move(fraud_model_dir))),
        client_(server_.Client()) {}

  void Restart() {
    server_.Restart();
    client_ = server_.Client();
  }

  testing::HttpClient& c() { return client_; }
  testing::TestServer& server() { return server_; }
  SimulatedClock& clock() { return clock_; }
  const std::string& op() const { return server_.operator_key; }
  const std::string& mkey() const { return server_.merchant_key; }

  testing::ClientResponse Send(const std::string& method, const std::string& target, const Json& body,
                               const std::string& key) {
    testing::ClientRequest r;
    r.method = method;
    r.target = target;
    r.body = body.dump();
    r.bearer = key;
    return client_.Send(r);
  }
  testing::ClientResponse PutRules(const Json& body) { return Send("PUT", "/v1/admin/fraud/rules", body, op()); }

  // Session and authorization with device signals; returns the authorization reply.
  // Rules read amounts in US cents at the reference rate: 600.00 SEK is `amount` 5714.
  testing::ClientResponse Authorize(std::int64_t amount, const std::string& email, const Json& device = nullptr,
                                    const std::string& currency = "SEK") {
    const Json session_body = {{"currency", currency}, {"amount", amount}, {"merchant_reference", "ref-" + std::to_string(++n_)},
                               {"order_lines", {{{"name", "Bike"}, {"quantity", 1}, {"unit_price", amount},
                                                 {"total_amount", amount}}}}};
    auto s = client_.Post("/v1/checkout/sessions", session_body, mkey());
    EXPECT_EQ(s.status, 201) << s.body;
    Json body = {{"product", "pay_in_4"}, {"consumer", testing::Applicant(email)}};
    if (!device.is_null()) body["device"] = device;
    return client_.Post("/v1/checkout/sessions/" + s.json()["id"].get<std::string>() + "/authorize", body,
                        s.json()["client_token"].get<std::string>());
  }

  Json Order(const std::string& authorization_id) {
    auto o = client_.Post("/v1/orders", {{"authorization_id", authorization_id},
                                         {"merchant_reference", "order-" + std::to_string(++n_)}}, mkey());
    EXPECT_EQ(o.status, 201) << o.body;
    return o.json();
  }

  // The only pending review (asserts there is exactly one).
  Json PendingReview() {
    auto r = client_.Get("/v1/admin/fraud/reviews?status=pending", op());
    EXPECT_EQ(r.status, 200) << r.body;
    const Json data = r.json()["data"];
    EXPECT_EQ(data.size(), 1u) << r.body;
    return data.empty() ? Json() : data[0];
  }

  // The fraud decision of an authorization held for review (rules that review every
  // authorization let the tests read each decision).
  Json ReviewedDecision(const testing::ClientResponse& authorized) {
    EXPECT_EQ(authorized.json()["fraud_status"], "pending") << authorized.body;
    const Json page = client_.Get("/v1/admin/fraud/reviews?limit=100", op()).json();
    for (const Json& r : page["data"]) {
      if (r["authorization_id"] == authorized.json()["authorization_id"]) {
        return client_.Get("/v1/admin/fraud/reviews/" + r["id"].get<std::string>(), op()).json()["decision"];
      }
    }
    ADD_FAILURE() << "no review for " << authorized.body;
    return Json();
  }

  std::vector<Json> Events(const std::string& type) {
    const Json page = client_.Get("/v1/events?limit=100", mkey()).json();
    std::vector<Json> out;
    for (const Json& e : page["data"]) {
      if (e["type"] == type) out.push_back(e);
    }
    return out;
  }

 private:
  SimulatedClock clock_;
  testing::TestServer server_;
  testing::HttpClient client_;
  int n_ = 0;
};

TEST(ApiFraudTest, RulesAreCheckedWithPositionsVersionedAndAudited) {
  Fraud f;
  auto current = f.c().Get("/v1/admin/fraud/rules", f.op());
  ASSERT_EQ(current.status, 200) << current.body;
  EXPECT_EQ(current.json()["version"], 0);
  EXPECT_FALSE(current.json()["features"].empty());

  // An unknown list and an unknown feature: 400 with both positions, nothing saved.
  auto bad = f.PutRules({{"source", "block if email_domain in @disposable_domains\nreview if amonut > 5\n"}});
  ASSERT_EQ(bad.status, 400) << bad.body;
  const Json err = bad.json()["error"];
  EXPECT_EQ(err["code"], "invalid_rules");
  ASSERT_EQ(err["errors"].size(), 2u);
  EXPECT_EQ(err["errors"][0], Json({{"line", 1}, {"column", 26}, {"message", "unknown list @disposable_domains"}}));
  EXPECT_EQ(err["errors"][1], Json({{"line", 2}, {"column", 11}, {"message", "unknown feature 'amonut'"}}));
  EXPECT_EQ(f.c().Get("/v1/admin/fraud/rules", f.op()).json()["version"], 0);

  // Create the list, then the same rules check.
  auto list = f.Send("PUT", "/v1/admin/fraud/lists/disposable_domains", {{"entries", {"mailinator.com", "x.io"}}}, f.op());
  ASSERT_EQ(list.status, 200) << list.body;
  auto saved = f.PutRules({{"source", "block if email_domain in @disposable_domains\nreview if amount > 5\n"},
                           {"review_threshold", 60}});
  ASSERT_EQ(saved.status, 200) << saved.body;
  EXPECT_EQ(saved.json()["version"], 1);
  EXPECT_EQ(saved.json()["rule_count"], 2);
  EXPECT_EQ(saved.json()["review_threshold"], 60);
  ASSERT_EQ(f.PutRules({{"source", ""}}).status, 200);  // no rules: version 2

  auto versions = f.c().Get("/v1/admin/fraud/rules/versions?limit=1", f.op());
  ASSERT_EQ(versions.status, 200) << versions.body;
  const Json page = versions.json();
  ASSERT_EQ(page["data"].size(), 1u);
  EXPECT_EQ(page["data"][0]["version"], 2);
  EXPECT_TRUE(page["data"][0]["created_by"].get<std::string>().starts_with("op"));
  EXPECT_TRUE(page["has_more"].get<bool>());
  auto older = f.c().Get("/v1/admin/fraud/rules/versions?starting_after=2", f.op());
  EXPECT_EQ(older.json()["data"][0]["source"], "block if email_domain in @disposable_domains\nreview if amount > 5\n");

  // Lists: patch, audit trail of what changed.
  auto patched = f.Send("PATCH", "/v1/admin/fraud/lists/disposable_domains", {{"add", {"tempmail.net"}}, {"remove", {"x.io"}}},
                        f.op());
  ASSERT_EQ(patched.status, 200) << patched.body;
  EXPECT_EQ(patched.json()["version"], 2);
  auto got = f.c().Get("/v1/admin/fraud/lists/disposable_domains", f.op());
  EXPECT_EQ(got.json()["entries"], Json({"mailinator.com", "tempmail.net"}));
  auto trail = f.c().Get("/v1/admin/fraud/lists/disposable_domains/versions", f.op()).json()["data"];
  ASSERT_EQ(trail.size(), 2u);
  EXPECT_EQ(trail[0]["added"], Json({"tempmail.net"}));
  EXPECT_EQ(trail[0]["removed"], Json({"x.io"}));
  EXPECT_EQ(trail[1]["added"], Json({"mailinator.com", "x.io"}));
}

TEST(ApiFraudTest, BlockDeclinesGenericallyAndKeepsTheReasonForOperators) {
  Fraud f;
  ASSERT_EQ(f.Send("PUT", "/v1/admin/fraud/lists/disposable_domains", {{"entries", {"mailinator.com"}}}, f.op()).status,
            200);
  ASSERT_EQ(f.PutRules({{"source", "block if email_domain in @disposable_domains\n"
                                   "block if ip_country != billing_country and amount > 3000\n"}}).status,
            200);
  auto blocked = f.Authorize(40000, "eve@mailinator.com");
  ASSERT_EQ(blocked.status, 200) << blocked.body;
  EXPECT_EQ(blocked.json()["status"], "declined");
  ASSERT_EQ(blocked.json()["reasons"].size(), 1u);
  EXPECT_EQ(blocked.json()["reasons"][0]["code"], "not_approved");
  EXPECT_EQ(blocked.body.find("disposable"), std::string::npos);

  auto abroad = f.Authorize(40000, "eve@example.com", {{"ip", "203.0.113.9"}, {"ip_country", "US"}});
  EXPECT_EQ(abroad.json()["status"], "declined") << abroad.body;
  auto home = f.Authorize(40000, "ann@example.com", {{"ip", "203.0.113.9"}, {"ip_country", "SE"}});
  EXPECT_EQ(home.json()["status"], "approved") << home.body;
  // Without device signals ip_country is missing: the rule cannot fire.
  auto unknown = f.Authorize(40000, "bo@example.com");
  EXPECT_EQ(unknown.json()["status"], "approved") << unknown.body;

  // The consumer's own decisions say declined too, generically: credit approved eve,
  // fraud screening blocked her, and she is not told why.
  auto eves = f.c().Get("/v1/me/decisions", testing::LoginConsumer(f.c(), f.op(), "eve@mailinator.com"));
  ASSERT_EQ(eves.status, 200) << eves.body;
  const Json eve_decisions = eves.json()["data"];
  ASSERT_EQ(eve_decisions.size(), 1u) << eves.body;
  EXPECT_EQ(eve_decisions[0]["outcome"], "declined");
  EXPECT_EQ(eve_decisions[0]["reasons"], Json::array({{{"code", "not_approved"}, {"message", blocked.json()["reasons"][0]["message"]}}}));
  EXPECT_EQ(eves.body.find("disposable"), std::string::npos);
  auto anns = f.c().Get("/v1/me/decisions", testing::LoginConsumer(f.c(), f.op(), "ann@example.com"));
  EXPECT_EQ(anns.json()["data"][0]["outcome"], "approved") << anns.body;

  const std::string metrics = f.c().Get("/metrics").body;
  EXPECT_NE(metrics.find("tranche_fraud_decisions_total{action=\"block\"} 2"), std::string::npos) << metrics;
  EXPECT_NE(metrics.find("tranche_fraud_decisions_total{action=\"allow\"} 2"), std::string::npos);
  EXPECT_NE(metrics.find("tranche_fraud_automation_rate 1.0"), std::string::npos);
}

TEST(ApiFraudTest, ReviewHoldsCaptureAcceptAllowsRejectReleasesAndPublishes) {
  Fraud f;
  ASSERT_EQ(f.PutRules({{"source", "review if amount >= 5000  # $50: large baskets\n"}}).status, 200);
  auto a = f.Authorize(60000, "rita@example.com");
  ASSERT_EQ(a.status, 200) << a.body;
  EXPECT_EQ(a.json()["status"], "approved");
  EXPECT_EQ(a.json()["fraud_status"], "pending");
  const Json order = f.Order(a.json()["authorization_id"]);
  const std::string capture = "/v1/orders/" + order["id"].get<std::string>() + "/captures";

  // Pending blocks capture.
  auto held = f.c().Post(capture, {{"amount", 60000}}, f.mkey());
  EXPECT_EQ(held.status, 422) << held.body;
  EXPECT_EQ(held.json()["error"]["code"], "fraud_review_pending");

  Json review = f.PendingReview();
  const std::string path = "/v1/admin/fraud/reviews/" + review["id"].get<std::string>();
  EXPECT_EQ(review["amount"], 60000);
  f.clock().Advance(std::chrono::minutes(10));
  auto detail = f.c().Get(path, f.op()).json();
  EXPECT_EQ(detail["age_seconds"], 600);
  EXPECT_EQ(detail["decision"]["rule"]["rule"], "review if amount >= 5000");
  EXPECT_EQ(detail["decision"]["features"]["amount"], 5714.0);
  auto claimed = f.c().Post(path + "/claim", Json::object(), f.op());
  ASSERT_EQ(claimed.status, 200) << claimed.body;

  // Accept allows it.
  auto accepted = f.c().Post(path + "/accept", {{"note", "called the customer\nall fine"}}, f.op());
  ASSERT_EQ(accepted.status, 200) << accepted.body;
  EXPECT_EQ(accepted.json()["status"], "accepted");
  EXPECT_EQ(f.c().Post(path + "/reject", Json::object(), f.op()).json()["error"]["code"], "review_decided");
  auto captured = f.c().Post(capture, {{"amount", 60000}}, f.mkey());
  EXPECT_EQ(captured.status, 201) << captured.body;

  // Reject releases the authorization and tells the merchant.
  auto b = f.Authorize(55000, "sam@example.com");
  const Json other = f.Order(b.json()["authorization_id"]);
  review = f.PendingReview();
  auto rejected = f.c().Post("/v1/admin/fraud/reviews/" + review["id"].get<std::string>() + "/reject",
                             {{"note", "stolen identity"}}, f.op());
  ASSERT_EQ(rejected.status, 200) << rejected.body;
  auto released = f.c().Get("/v1/orders/" + other["id"].get<std::string>(), f.mkey()).json();
  EXPECT_EQ(released["released_amount"], 55000);
  EXPECT_EQ(released["remaining_authorized_amount"], 0);
  const auto events = f.Events("order.fraud_status_changed");
  ASSERT_EQ(events.size(), 2u);
  std::set<std::string> statuses;
  for (const Json& e : events) statuses.insert(e["data"]["object"]["fraud_status"].get<std::string>());
  EXPECT_EQ(statuses, (std::set<std::string>{"accepted", "rejected"}));
  for (const Json& e : events) EXPECT_EQ(e.dump().find("stolen identity"), std::string::npos);

  const std::string metrics = f.c().Get("/metrics").body;
  EXPECT_NE(metrics.find("tranche_fraud_reviews_pending 0"), std::string::npos) << metrics;
  EXPECT_NE(metrics.find("tranche_fraud_reviews_decided_total{outcome=\"rejected\"} 1"), std::string::npos);
  EXPECT_NE(metrics.find("tranche_fraud_review_decision_seconds_count 2"), std::string::npos);
}

TEST(ApiFraudTest, BadInputGetsAClear4xxAndChangesNothing) {
  Fraud f;
  ASSERT_EQ(f.Send("PUT", "/v1/admin/fraud/lists/trusted", {{"entries", {"a@b.se"}}}, f.op()).status, 200);
  struct Case {
    std::string method, target;
    Json body;
    int status;
    std::string code;
  } cases[] = {
      {"PUT", "/v1/admin/fraud/rules", Json::object(), 400, "parameter_missing"},
      {"PUT", "/v1/admin/fraud/rules", {{"source", 7}}, 400, "parameter_missing"},
      {"PUT", "/v1/admin/fraud/rules", {{"source", "allow if x"}, {"extra", 1}}, 400, "parameter_unknown"},
      {"PUT", "/v1/admin/fraud/rules", {{"source", "allow if amount > 1"}, {"review_threshold", 0}}, 400,
       "parameter_out_of_range"},
      {"PUT", "/v1/admin/fraud/rules", {{"source", "allow if amount > 1"}, {"review_threshold", 95}, {"block_threshold", 90}},
       400, "invalid_thresholds"},
      {"PUT", "/v1/admin/fraud/rules", {{"source", "allow if amount > 1\u0007"}}, 400, "parameter_invalid_characters"},
      {"PUT", "/v1/admin/fraud/rules", {{"source", std::string(70000, 'a')}}, 400, "string_too_long"},
      {"PUT", "/v1/admin/fraud/lists/Bad-Name", {{"entries", Json::array()}}, 400, "invalid_list_name"},
      {"PUT", "/v1/admin/fraud/lists/trusted", {{"entries", {"ok", 3}}}, 400, "parameter_invalid_type"},
      {"PUT", "/v1/admin/fraud/lists/trusted", {{"entries", {""}}}, 400, "invalid_entry"},
      {"PUT", "/v1/admin/fraud/lists/trusted", {{"entries", {"a\nb"}}}, 400, "invalid_entry"},
      {"PUT", "/v1/admin/fraud/lists/trusted", Json::object(), 400, "parameter_missing"},
      {"PATCH", "/v1/admin/fraud/lists/trusted", Json::object(), 400, "parameter_missing"},
      {"PATCH", "/v1/admin/fraud/lists/trusted", {{"add", {"x"}}, {"remove", {"x"}}}, 400, "entry_added_and_removed"},
      {"PATCH", "/v1/admin/fraud/lists/nope", {{"add", {"x"}}}, 404, "list_not_found"},
      {"PATCH", "/v1/admin/fraud/lists/trusted", {{"add", "x"}}, 400, "parameter_invalid_type"},
      {"GET", "/v1/admin/fraud/lists/nope", nullptr, 404, "list_not_found"},
      {"GET", "/v1/admin/fraud/lists/nope/versions", nullptr, 404, "list_not_found"},
      {"GET", "/v1/admin/fraud/rules/versions?starting_after=abc", nullptr, 400, "invalid_cursor"},
      {"GET", "/v1/admin/fraud/rules/versions?limit=1000", nullptr, 400, "parameter_out_of_range"},
      {"GET", "/v1/admin/fraud/reviews?status=claimed", nullptr, 400, "invalid_status"},
      {"GET", "/v1/admin/fraud/reviews?merchant_id=x", nullptr, 400, "invalid_id"},
      {"GET", "/v1/admin/fraud/reviews/frv_nope", nullptr, 404, "review_not_found"},
      {"GET", "/v1/admin/fraud/decisions/frd_nope", nullptr, 404, "decision_not_found"},
      {"POST", "/v1/admin/fraud/reviews/frv_nope/claim", Json::object(), 404, "review_not_found"},
      {"POST", "/v1/admin/fraud/reviews/frv_nope/claim", {{"x", 1}}, 400, "parameter_unknown"},
      {"POST", "/v1/admin/fraud/reviews/frv_nope/accept", {{"note", 5}}, 400, "parameter_invalid_type"},
      {"POST", "/v1/admin/fraud/reviews/frv_nope/reject", {{"note", std::string(1001, 'n')}}, 400, "string_too_long"},
      {"POST", "/v1/admin/fraud/reviews/frv_nope/reject", Json::object(), 404, "review_not_found"},
  };
  for (const Case& c : cases) {
    const auto r = c.body.is_null() ? f.c().Get(c.target, f.op()) : f.Send(c.method, c.target, c.body, f.op());
    EXPECT_EQ(r.status, c.status) << c.method << " " << c.target << " " << r.body;
    EXPECT_EQ(r.json()["error"]["code"], c.code) << c.method << " " << c.target << " " << r.body;
  }
  // Nothing changed.
  EXPECT_EQ(f.c().Get("/v1/admin/fraud/rules", f.op()).json()["version"], 0);
  auto trusted = f.c().Get("/v1/admin/fraud/lists/trusted", f.op()).json();
  EXPECT_EQ(trusted["version"], 1);
  EXPECT_EQ(trusted["entries"], Json({"a@b.se"}));
  EXPECT_EQ(f.c().Get("/v1/admin/fraud/lists/nope", f.op()).status, 404);
  // Bad device signals at authorization.
  auto bad_device = f.Authorize(10000, "x@example.com", {{"ip_country", "se"}});
  EXPECT_EQ(bad_device.status, 400);
  EXPECT_EQ(bad_device.json()["error"]["code"], "invalid_country");
}

// A backtest replays candidate rules on the stored decisions with their labels (a
// rejected review is fraud, an accepted one legitimate) and the lists as they are now.
TEST(ApiFraudTest, ABacktestShowsWhatCandidateRulesWouldHaveDoneWithLabels) {
  Fraud f;
  ASSERT_EQ(f.PutRules({{"source", "review if amount >= 5000\n"}}).status, 200);
  ASSERT_EQ(f.Authorize(60000, "rita@example.com").json()["fraud_status"], "pending");
  const std::string rita = f.PendingReview()["id"];
  ASSERT_EQ(f.c().Post("/v1/admin/fraud/reviews/" + rita + "/reject", Json::object(), f.op()).status, 200);
  ASSERT_EQ(f.Authorize(55000, "sam@example.com").json()["fraud_status"], "pending");
  const std::string sam = f.PendingReview()["id"];
  ASSERT_EQ(f.c().Post("/v1/admin/fraud/reviews/" + sam + "/accept", Json::object(), f.op()).status, 200);
  ASSERT_EQ(f.Authorize(40000, "eve@mailinator.com").json()["status"], "approved");
  ASSERT_EQ(f.Authorize(45000, "bo@example.com").json()["status"], "approved");
  // The list exists only after the decisions: the backtest reads it as it is now.
  ASSERT_EQ(f.Send("PUT", "/v1/admin/fraud/lists/disposable_domains", {{"entries", {"mailinator.com"}}}, f.op()).status,
            200);

  const Json candidate = {{"rules", "block if email_domain in @disposable_domains\nreview if amount >= 5500\n"},
                          {"since", "2026-03-10"}};
  auto r = f.c().Post("/v1/admin/fraud/backtest", candidate, f.op());
  ASSERT_EQ(r.status, 200) << r.body;
  const Json b = r.json();
  EXPECT_EQ(b["object"], "fraud_backtest");
  EXPECT_EQ(b["since"], "2026-03-10");
  EXPECT_EQ(b["until"], "2026-03-10");
  EXPECT_EQ(b["replayed"], 4);
  EXPECT_EQ(b["limit_reached"], false);
  EXPECT_EQ(b["max_decisions"], 10000);
  EXPECT_EQ(b["lists"], Json({"disposable_domains"}));
  EXPECT_EQ(b["lists_as_of"], "now");
  EXPECT_EQ(b["would_block"]["count"], 1);
  EXPECT_EQ(b["would_block"]["amounts"], Json::parse(R"([{"currency":"SEK","amount":40000}])"));
  EXPECT_EQ(b["would_block"]["unlabelled"], 1);
  EXPECT_EQ(b["would_review"]["count"], 1);
  EXPECT_EQ(b["would_review"]["labelled_fraud"], 1);
  EXPECT_EQ(b["would_allow"]["count"], 2);
  EXPECT_EQ(b["would_allow"]["amounts"], Json::parse(R"([{"currency":"SEK","amount":100000}])"));
  EXPECT_EQ(b["would_allow"]["labelled_legitimate"], 1);
  EXPECT_EQ(b["would_allow"]["unlabelled"], 1);
  EXPECT_EQ(b["newly_blocked"]["count"], 1);
  EXPECT_EQ(b["newly_reviewed"]["count"], 0);
  EXPECT_EQ(b["newly_allowed"]["count"], 1);
  EXPECT_EQ(b["newly_allowed"]["labelled_legitimate"], 1);
  EXPECT_EQ(b["unchanged"], 2);
  EXPECT_EQ(b["labelled_fraud"], 1);
  EXPECT_EQ(b["labelled_legitimate"], 1);
  EXPECT_EQ(b["fraud_caught"], 1);
  EXPECT_EQ(b["fraud_caught_before"], 1);
  EXPECT_EQ(b["recall"], 1.0);
  EXPECT_EQ(b["precision"], 1.0);
  ASSERT_EQ(b["rules"].size(), 2u);
  EXPECT_EQ(b["rules"][0]["fired"], 1);
  EXPECT_EQ(b["rules"][1]["text"], "review if amount >= 5500");
  EXPECT_EQ(b["rules"][1]["decided"], 1);
  // The example ids are the decisions operators can open.
  const Json examples = b["newly_blocked"]["example_decision_ids"];
  ASSERT_EQ(examples.size(), 1u);
  auto blocked = f.c().Get("/v1/admin/fraud/decisions/" + examples[0].get<std::string>(), f.op());
  ASSERT_EQ(blocked.status, 200) << blocked.body;
  EXPECT_EQ(blocked.json()["amount"], 40000);
  EXPECT_EQ(blocked.json()["action"], "allow");

  // An earlier window holds nothing; nothing was saved by backtesting.
  auto earlier = f.c().Post("/v1/admin/fraud/backtest", {{"rules", "block if amount > 1"}, {"since", "2026-03-01"},
                                                          {"until", "2026-03-09"}}, f.op());
  ASSERT_EQ(earlier.status, 200) << earlier.body;
  EXPECT_EQ(earlier.json()["replayed"], 0);
  EXPECT_EQ(earlier.json()["recall"], nullptr);
  EXPECT_EQ(f.c().Get("/v1/admin/fraud/rules", f.op()).json()["version"], 1);

  // The command line reads the same database and renders the same summary.
  const std::string dir = f.server().data_dir();
  std::vector<std::string> command = {"fraud", "backtest", "--rule", candidate["rules"].get<std::string>(),
                                      "--since", "2026-03-10", "--until", "2026-03-10"};
  for (const std::string& arg : f.server().DatabaseArgs()) command.push_back(arg);
  std::vector<std::string> json_command = command;
  json_command.push_back("--json");
  ASSERT_EQ(testing::RunToExit(json_command, dir + "/backtest.json"), 0) << testing::ReadFile(dir + "/backtest.json");
  EXPECT_EQ(Json::parse(testing::ReadFile(dir + "/backtest.json")), b);
  ASSERT_EQ(testing::RunToExit(command, dir + "/backtest.txt"), 0) << testing::ReadFile(dir + "/backtest.txt");
  const std::string text = testing::ReadFile(dir + "/backtest.txt");
  EXPECT_NE(text.find("4 decisions replayed from 2026-03-10 to 2026-03-10"), std::string::npos) << text;
  EXPECT_NE(text.find("lists as they are now: @disposable_domains"), std::string::npos) << text;
  EXPECT_NE(text.find("recall 100.0%"), std::string::npos) << text;
  std::vector<std::string> misspelt = {"fraud", "backtest", "--rule", "review if amonut > 5", "--since", "2026-03-10",
                                       "--until", "2026-03-10"};
  for (const std::string& arg : f.server().DatabaseArgs()) misspelt.push_back(arg);
  EXPECT_EQ(testing::RunToExit(misspelt, dir + "/invalid.txt"), 2);
  const std::string invalid = testing::ReadFile(dir + "/invalid.txt");
  EXPECT_NE(invalid.find("line 1, column 11: unknown feature 'amonut'"), std::string::npos) << invalid;
}

TEST(ApiFraudTest, ABacktestRefusesBadInputAndOtherCallersAndChangesNothing) {
  Fraud f;
  ASSERT_EQ(f.PutRules({{"source", "review if amount >= 5000\n"}}).status, 200);
  ASSERT_EQ(f.Authorize(60000, "rita@example.com").status, 200);
  const std::string route = "/v1/admin/fraud/backtest";

  auto bad = f.c().Post(route, {{"rules", "block if amount > 1\nreview if amonut > 5\n"}, {"since", "2026-03-01"}},
                        f.op());
  ASSERT_EQ(bad.status, 400) << bad.body;
  const Json err = bad.json()["error"];
  EXPECT_EQ(err["code"], "invalid_rules");
  EXPECT_EQ(err["param"], "rules");
  ASSERT_EQ(err["errors"].size(), 1u);
  EXPECT_EQ(err["errors"][0], Json({{"line", 2}, {"column", 11}, {"message", "unknown feature 'amonut'"}}));

  struct Case {
    Json body;
    std::string code, param;
  } cases[] = {
      {Json::object(), "parameter_missing", "rules"},
      {{{"since", "2026-03-01"}}, "parameter_missing", "rules"},
      {{{"rules", ""}, {"since", "2026-03-01"}}, "parameter_missing", "rules"},
      {{{"rules", 7}, {"since", "2026-03-01"}}, "parameter_invalid_type", "rules"},
      {{{"rules", std::string(70000, 'a')}, {"since", "2026-03-01"}}, "string_too_long", "rules"},
      {{{"rules", "block if amount > 1\u0007"}, {"since", "2026-03-01"}}, "parameter_invalid_characters", "rules"},
      {{{"rules", "block if amount > 1"}}, "parameter_missing", "since"},
      {{{"rules", "block if amount > 1"}, {"since", "2026-3-1"}}, "invalid_date", "since"},
      {{{"rules", "block if amount > 1"}, {"since", "last month"}}, "invalid_date", "since"},
      {{{"rules", "block if amount > 1"}, {"since", "2026-03-01T00:00:00Z"}}, "string_too_long", "since"},
      {{{"rules", "block if amount > 1"}, {"since", "2026-03-01"}, {"until", "2026-02-30"}}, "invalid_date", "until"},
      {{{"rules", "block if amount > 1"}, {"since", "2026-03-01"}, {"until", "2026-03-11"}}, "invalid_date", "until"},
      {{{"rules", "block if amount > 1"}, {"since", "2026-03-05"}, {"until", "2026-03-04"}}, "invalid_date", "since"},
      {{{"rules", "block if amount > 1"}, {"since", "2024-01-01"}}, "invalid_date", "since"},
      {{{"rules", "block if amount > 1"}, {"since", "2026-03-01"}, {"limit", 5}}, "parameter_unknown", "limit"},
  };
  for (const Case& c : cases) {
    const auto r = f.c().Post(route, c.body, f.op());
    EXPECT_EQ(r.status, 400) << c.body.dump().substr(0, 200) << " " << r.body.substr(0, 300);
    EXPECT_EQ(r.json()["error"]["code"], c.code) << c.body.dump().substr(0, 200);
    EXPECT_EQ(r.json()["error"]["param"], c.param) << c.body.dump().substr(0, 200);
  }
  const Json good = {{"rules", "block if amount > 1"}, {"since", "2026-03-01"}};
  EXPECT_EQ(f.c().Post(route, good, f.mkey()).status, 403);
  EXPECT_EQ(f.c().Post(route, good, f.server().other_merchant_key).status, 403);
  EXPECT_EQ(f.c().Post(route, good, "").status, 401);
  // Nothing changed: the rules, the lists and the pending review are as they were.
  EXPECT_EQ(f.c().Get("/v1/admin/fraud/rules", f.op()).json()["version"], 1);
  EXPECT_EQ(f.c().Get("/v1/admin/fraud/lists/disposable_domains", f.op()).status, 404);
  EXPECT_EQ(f.PendingReview()["status"], "pending");
}

TEST(ApiFraudTest, MerchantsAndAnonymousCallersSeeNoneOfIt) {
  Fraud f;
  ASSERT_EQ(f.PutRules({{"source", "review if amount >= 5000\n"}}).status, 200);
  ASSERT_EQ(f.Authorize(60000, "rita@example.com").status, 200);
  const std::string id = f.PendingReview()["id"];
  const std::string routes[] = {"/v1/admin/fraud/rules", "/v1/admin/fraud/rules/versions",
                                "/v1/admin/fraud/reviews", "/v1/admin/fraud/reviews/" + id};
  for (const std::string& r : routes) {
    EXPECT_EQ(f.c().Get(r, f.mkey()).status, 403) << r;
    EXPECT_EQ(f.c().Get(r, f.server().other_merchant_key).status, 403) << r;
    EXPECT_EQ(f.c().Get(r).status, 401) << r;
  }
  EXPECT_EQ(f.c().Post("/v1/admin/fraud/reviews/" + id + "/accept", Json::object(), f.mkey()).status, 403);
  EXPECT_EQ(f.Send("PUT", "/v1/admin/fraud/rules", {{"source", ""}}, f.mkey()).status, 403);
  EXPECT_EQ(f.PendingReview()["status"], "pending");
}

// The dashboard's fraud decisions per day: each screening counted on its UTC date by
// action, the held ones by where their review stands now; operators only; a bad `days`
// is refused with its range and changes nothing.
TEST(ApiFraudTest, TheDecisionSummaryCountsEachDayByActionAndReview) {
  Fraud f;  // 2026-03-10T09:00:00Z
  ASSERT_EQ(f.PutRules({{"source", "block if amount > 8000\nreview if amount > 5800\n"}}).status, 200);
  // Decides the review of the authorization `held`; its answer's status.
  const auto decide = [&](const testing::ClientResponse& held, const char* verb) {
    EXPECT_EQ(held.json()["fraud_status"], "pending") << held.body;
    const Json page = f.c().Get("/v1/admin/fraud/reviews?status=pending&limit=100", f.op()).json();
    for (const Json& r : page["data"]) {
      if (r["authorization_id"] != held.json()["authorization_id"]) continue;
      const std::string path = "/v1/admin/fraud/reviews/" + r["id"].get<std::string>() + "/" + verb;
      return f.c().Post(path, Json::object(), f.op()).status;
    }
    ADD_FAILURE() << "no pending review for " << held.body;
    return 0;
  };
  // 2026-03-10: two allowed, one held and accepted.
  EXPECT_EQ(f.Authorize(40000, "al@example.com").json()["status"], "approved");
  EXPECT_EQ(f.Authorize(45000, "bea@example.com").json()["status"], "approved");
  EXPECT_EQ(decide(f.Authorize(65000, "cy@example.com"), "accept"), 200);
  // 2026-03-11: one blocked, one held and rejected, one held and pending.
  f.clock().Advance(std::chrono::hours(24));
  EXPECT_EQ(f.Authorize(90000, "dee@example.com").json()["status"], "declined");
  EXPECT_EQ(decide(f.Authorize(70000, "eli@example.com"), "reject"), 200);
  EXPECT_EQ(f.Authorize(62000, "fay@example.com").json()["fraud_status"], "pending");

  const std::string route = "/v1/admin/fraud/decisions/summary";
  auto r = f.c().Get(route + "?days=3", f.op());
  ASSERT_EQ(r.status, 200) << r.body;
  const Json s = r.json();
  Json totals = s;
  totals.erase("days");
  EXPECT_EQ(totals, Json::parse(R"({"object":"fraud_decision_summary","from":"2026-03-09","to":"2026-03-11",)"
                                R"("decisions":6,"allow":2,"review":3,"block":1,)"
                                R"("review_pending":1,"review_accepted":1,"review_rejected":1})"));
  const Json days = s["days"];
  ASSERT_EQ(days.size(), 3u);
  EXPECT_EQ(days[0], Json::parse(R"({"date":"2026-03-09","allow":0,"review":0,"block":0,)"
                                 R"("review_pending":0,"review_accepted":0,"review_rejected":0})"));
  EXPECT_EQ(days[1], Json::parse(R"({"date":"2026-03-10","allow":2,"review":1,"block":0,)"
                                 R"("review_pending":0,"review_accepted":1,"review_rejected":0})"));
  EXPECT_EQ(days[2], Json::parse(R"({"date":"2026-03-11","allow":0,"review":2,"block":1,)"
                                 R"("review_pending":1,"review_accepted":0,"review_rejected":1})"));
  // Today only, and the default of 30 dates.
  EXPECT_EQ(f.c().Get(route + "?days=1", f.op()).json()["decisions"], 3);
  const Json month = f.c().Get(route, f.op()).json();
  EXPECT_EQ(month["days"].size(), 30u);
  EXPECT_EQ(month["from"], "2026-02-10");
  EXPECT_EQ(month["decisions"], 6);

  // Operators only: merchants are refused without a figure, anonymous callers learn nothing.
  for (const std::string& key : {f.mkey(), f.server().other_merchant_key}) {
    auto refused = f.c().Get(route, key);
    EXPECT_EQ(refused.status, 403) << refused.body;
    EXPECT_EQ(refused.body.find("review_pending"), std::string::npos);
  }
  EXPECT_EQ(f.c().Get(route).status, 401);
  // A bad `days` names the parameter and its range; the decisions are as they were.
  for (const char* q : {"days=0", "days=91", "days=366", "days=abc", "days=", "days=7x", "days=-1", "days=+5",
                        "days=99999999999999999999"}) {
    auto bad = f.c().Get(route + "?" + q, f.op());
    EXPECT_EQ(bad.status, 400) << q << " " << bad.body;
    const Json err = bad.json()["error"];
    EXPECT_EQ(err["code"], "parameter_out_of_range") << q;
    EXPECT_EQ(err["param"], "days") << q;
    EXPECT_EQ(err["message"], "days must be a whole number from 1 to 90") << q;
  }
  EXPECT_EQ(f.c().Get(route + "?days=3", f.op()).json(), s);
  EXPECT_EQ(f.PendingReview()["status"], "pending");
}

// The streaming feature engine at authorization: a device shared by a third consumer
// trips the rule operators wrote against it.
TEST(ApiFraudTest, ADeviceUsedByAThirdConsumerTripsTheDeviceRule) {
  Fraud f;
  ASSERT_EQ(f.PutRules({{"source", "review if distinct_consumers_per_device_24h >= 3\n"}}).status, 200);
  const Json device = {{"ip", "198.51.100.7"}, {"ip_country", "SE"}, {"fingerprint", "fp-shared"}};
  const char* emails[] = {"one@example.com", "two@example.com", "three@example.com"};
  for (int i = 0; i < 3; ++i) {
    f.clock().Advance(std::chrono::minutes(5));
    auto a = f.Authorize(40000, emails[i], device);
    ASSERT_EQ(a.status, 200) << a.body;
    EXPECT_EQ(a.json()["status"], "approved") << a.body;
    EXPECT_EQ(a.json().contains("fraud_status"), i == 2) << i << " " << a.body;
  }
  const Json held = f.ReviewedDecision(f.Authorize(40000, "four@example.com", device));
  EXPECT_EQ(held["rule"]["rule"], "review if distinct_consumers_per_device_24h >= 3");
  EXPECT_EQ(held["features"]["distinct_consumers_per_device_24h"], 4.0);
  EXPECT_EQ(held["features"]["device_count_24h"], 3.0);  // before this one
  EXPECT_EQ(held["features"]["device_fingerprint"], "fp-shared");  // the stored source's, still there
  // Another device: its own history.
  auto other = f.Authorize(40000, "five@example.com", {{"fingerprint", "fp-other"}});
  EXPECT_FALSE(other.json().contains("fraud_status")) << other.body;
}

// The engine is rebuilt from the store at start: after a restart the next authorization
// gets the features it would have got from a server that never stopped — fraud labels
// included.
TEST(ApiFraudTest, ARestartedServerComputesWhatOneThatNeverStoppedWould) {
  Fraud restarted, steady;
  std::vector<Json> last;
  for (Fraud* f : {&restarted, &steady}) {
    ASSERT_EQ(f->PutRules({{"source", "review if amount >= 0\n"}}).status, 200);
    for (int i = 0; i < 6; ++i) {
      f->clock().Advance(std::chrono::minutes(7));
      const Json device = {{"ip", "203.0.113." + std::to_string(i % 2)}, {"fingerprint", "fp-" + std::to_string(i % 3)}};
      auto a = f->Authorize(40000 + 1000 * i, "p" + std::to_string(i % 4) + "@example.com", device);
      ASSERT_EQ(a.json()["fraud_status"], "pending") << a.body;
    }
    // One of them was fraud: the merchant's fraud history.
    const Json review = f->c().Get("/v1/admin/fraud/reviews?limit=1", f->op()).json()["data"][0];
    ASSERT_EQ(f->c().Post("/v1/admin/fraud/reviews/" + review["id"].get<std::string>() + "/reject", Json::object(),
                          f->op()).status, 200);
    if (f == &restarted) f->Restart();
    f->clock().Advance(std::chrono::minutes(3));
    last.push_back(f->ReviewedDecision(f->Authorize(45000, "p1@example.com", {{"ip", "203.0.113.1"},
                                                                              {"fingerprint", "fp-1"}}))["features"]);
  }
  ASSERT_EQ(last.size(), 2u);
  Json after_restart = last[0], never_stopped = last[1];
  // The servers' merchants have different ids; everything else is the same.
  after_restart.erase("merchant_id");
  never_stopped.erase("merchant_id");
  EXPECT_EQ(after_restart, never_stopped);
  // ...and it is history, not a blank engine.
  EXPECT_EQ(after_restart["consumer_count_24h"], 2.0);  // p1 came twice before
  EXPECT_EQ(after_restart["merchant_count_1h"], 6.0);
  EXPECT_EQ(after_restart["distinct_consumers_per_device_24h"], 2.0);
  EXPECT_FALSE(after_restart["merchant_seconds_since_known_fraud"].is_null());
}

// A fraud model scores every screened authorization; its reasons come with the scores
// that reach the review threshold; the version's thresholds then decide.
TEST(ApiFraudTest, AFraudModelScoresAndItsThresholdsDecide) {
  testing::TempDir model_dir;
  auto trained = testing::TrainSmallFraudModel(7, 60);
  ASSERT_TRUE(trained.ok()) << trained.status().ToString();
  ASSERT_TRUE(trained->model.Save(model_dir.path()).ok());

  // USD: the simulator's amounts are cents.
  Fraud f(model_dir.path());
  const auto authorize = [&f](std::int64_t amount, const std::string& email) {
    return f.Authorize(amount, email, nullptr, "USD");
  };
  ASSERT_EQ(f.PutRules({{"source", "review if fraud_score >= 0\n"}}).status, 200);
  const Json small = f.ReviewedDecision(authorize(5000, "small@example.com"));
  ASSERT_TRUE(small["score"].is_object()) << small.dump();
  EXPECT_EQ(small["score"]["model_version"], trained->model.version());
  const int small_score = small["score"]["score"];
  EXPECT_LT(small_score, 70);
  EXPECT_TRUE(small["score"]["reasons"].empty());  // below the review threshold: none computed

  // The simulator's first scenario: any amount over 220.00 is fraud.
  const Json large = f.ReviewedDecision(authorize(60000, "large@example.com"));
  const int large_score = large["score"]["score"];
  EXPECT_GT(large_score, small_score) << large.dump();

  // With the thresholds between the two scores (the merchant's growing history moves
  // the next ones a little), the reasons come with the large one.
  const int between = (small_score + large_score + 1) / 2;
  Json rules = {{"review_threshold", between}, {"block_threshold", between}};
  rules["source"] = "review if fraud_score >= 0\n";
  ASSERT_EQ(f.PutRules(rules).status, 200);
  const Json explained = f.ReviewedDecision(authorize(60000, "explained@example.com"));
  EXPECT_GE(explained["score"]["score"].get<int>(), between) << small_score << " " << explained.dump();
  const Json reasons = explained["score"]["reasons"];
  EXPECT_NE(std::find(reasons.begin(), reasons.end(), Json("amount")), reasons.end()) << reasons.dump();

  // Without rules the version's thresholds decide: blocked at that score, the small one passes.
  rules["source"] = "";
  ASSERT_EQ(f.PutRules(rules).status, 200);
  EXPECT_EQ(authorize(60000, "again@example.com").json()["status"], "declined") << small_score << " " << large_score;
  auto fine = authorize(5000, "fine@example.com");
  EXPECT_EQ(fine.json()["status"], "approved") << fine.body;
  EXPECT_FALSE(fine.json().contains("fraud_status"));

  // A model written over the directory is used from the next screening on (the watcher
  // thread looks every model_watch_interval; the test asks at once).
  EXPECT_FALSE(f.server().platform().ReloadModelIfChanged());
  auto retrained = testing::TrainSmallFraudModel(7, 30);
  ASSERT_TRUE(retrained.ok()) << retrained.status().ToString();
  ASSERT_NE(retrained->model.version(), trained->model.version());
  ASSERT_TRUE(retrained->model.Save(model_dir.path()).ok());
  EXPECT_TRUE(f.server().platform().ReloadModelIfChanged());
  ASSERT_EQ(f.PutRules({{"source", "review if fraud_score >= 0\n"}}).status, 200);
  const Json reloaded = f.ReviewedDecision(authorize(5000, "reloaded@example.com"));
  EXPECT_EQ(reloaded["score"]["model_version"], retrained->model.version());
}

// `tranche train fraud --from-decisions` learns from the platform's own screenings:
// their stored features, labelled by rejected and accepted reviews and an unauthorized
// dispute (the latest label wins), unlabelled ones legitimate once older than the label
// delay. The platform loads the model it writes; windows it cannot train on are refused
// with the reason and write nothing.
TEST(ApiFraudTest, TrainingFromTheDecisionLogLearnsFromReviewsAndDisputesAndRefusesClearly) {
  Fraud f;
  ASSERT_EQ(f.PutRules({{"source", "review if amount >= 4500\n"}}).status, 200);
  // 2026-03-10: small baskets nobody labels (older than 30 days by now: legitimate).
  for (int i = 0; i < 20; ++i) {
    auto a = f.Authorize(40000 + 200 * i, "small" + std::to_string(i) + "@example.com");
    ASSERT_EQ(a.json()["status"], "approved") << a.body;
  }
  // 2026-03-11: large baskets held for review; reviewers reject most (fraud) and accept
  // three, one of which the consumer later disputes as unauthorized (fraud after all).
  f.clock().Advance(std::chrono::hours(24));
  for (int i = 0; i < 15; ++i) {
    const bool accept = i % 5 == 0;
    auto a = f.Authorize(accept ? 50000 + 1000 * i : 60000 + 500 * i, "large" + std::to_string(i) + "@example.com");
    ASSERT_EQ(a.json()["fraud_status"], "pending") << a.body;
    const std::string review = f.PendingReview()["id"];
    ASSERT_EQ(f.c().Post("/v1/admin/fraud/reviews/" + review + (accept ? "/accept" : "/reject"), Json::object(), f.op())
                  .status,
              200);
    if (i != 5) continue;
    const Json order = f.Order(a.json()["authorization_id"]);
    ASSERT_EQ(f.c().Post("/v1/orders/" + order["id"].get<std::string>() + "/captures", {{"amount", 55000}}, f.mkey())
                  .status,
              201);
    f.clock().Advance(std::chrono::hours(1));
    auto dispute = f.c().Post("/v1/me/disputes", {{"order_id", order["id"]}, {"reason", "unauthorized"}},
                              testing::LoginConsumer(f.c(), f.op(), "large5@example.com"));
    ASSERT_EQ(dispute.status, 201) << dispute.body;
  }

  testing::TempDir dir;
  const std::string model = dir.path() + "/model";
  int runs = 0;
  const auto train = [&](std::vector<std::string> args, int* code) {
    args.insert(args.begin(), {"train", "fraud", "--from-decisions", "--out", model, "--seed", "3"});
    for (const std::string& arg : f.server().DatabaseArgs()) args.push_back(arg);
    const std::string out = dir.path() + "/out-" + std::to_string(++runs) + ".txt";
    *code = testing::RunToExit(args, out);
    return testing::ReadFile(out);
  };
  const auto refused = [&](const std::vector<std::string>& args, const std::string& message) {
    int code = -1;
    const std::string out = train(args, &code);
    EXPECT_NE(code, 0) << out;
    EXPECT_NE(out.find(message), std::string::npos) << out;
    EXPECT_FALSE(std::filesystem::exists(model)) << out;
  };
  refused({"--since", "2026-03-10", "--until", "2026-03-10"},
          "too_few_rows: the window has 0 fraud and 20 legitimate rows; training needs at least 10 of each");
  refused({"--since", "2026-03-01", "--until", "2026-03-09"}, "the window has 0 fraud and 0 legitimate rows");
  refused({"--since", "2026-02-30", "--until", "2026-03-11"}, "invalid_date: since must be a date as YYYY-MM-DD");
  refused({"--since", "2026-03-11", "--until", "2026-03-10"}, "invalid_date: since must not be after until");
  refused({"--until", "2026-03-11"}, "--from-decisions needs --since YYYY-MM-DD");

  int code = -1;
  const std::string out = train({"--since", "2026-03-10", "--until", "2026-03-11"}, &code);
  ASSERT_EQ(code, 0) << out;
  EXPECT_NE(out.find("35 decisions screened from 2026-03-10 to 2026-03-11: 35 rows, 13 fraud, 22 legitimate (2 by a "
                     "label, 20 unlabelled and older than the 30-day label delay); left out: 0 unlabelled"),
            std::string::npos)
      << out;
  EXPECT_NE(out.find("1 of them had disagreeing labels: the latest label decided"), std::string::npos) << out;
  EXPECT_NE(out.find("cross-validated AUC"), std::string::npos) << out;

  // The model reads the screening catalogue, so the platform's loader takes it; on the
  // decisions it learnt from, fraud scores higher than legitimate.
  const fraud::Catalogue& catalogue = fraud::EngineFeatureSource::ScreeningCatalogue();
  auto scorer = fraud::ModelScorer::Load(model, catalogue);
  ASSERT_TRUE(scorer.ok()) << scorer.status().ToString();
  EXPECT_NE(out.find("fraud model " + scorer->model().version() + " written to " + model), std::string::npos) << out;
  EXPECT_EQ(scorer->model().label_delay_s(), 7 * 86'400);  // the engine's delay (--delay-days)
  EXPECT_EQ(scorer->model().training_rows(), 35u);
  double fraud_sum = 0, legit_sum = 0;
  int frauds = 0, legits = 0;
  ASSERT_TRUE(f.server().platform().store().Read([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(auto decisions, tx.fraud_decisions().ListSince(*ParseRfc3339("2026-03-10T00:00:00Z"), 100));
    for (const fraud::FraudDecision& d : decisions) {
      TRANCHE_ASSIGN_OR_RETURN(auto labels, tx.fraud_labels().ListOfDecision(d.id));
      const int score = scorer->model().Score(fraud::StoredValues(d, catalogue), false).score;
      const bool is_fraud = fraud::TrainingLabelOf(d.created_at, labels, d.created_at + std::chrono::days(1)) ==
                            fraud::TrainingLabel::kFraud;
      (is_fraud ? fraud_sum : legit_sum) += score;
      ++(is_fraud ? frauds : legits);
    }
    return Status::Ok();
  }).ok());
  ASSERT_EQ(frauds, 13);
  ASSERT_EQ(legits, 22);
  // The batched read (training, backtests, the models report) finds what one read per
  // decision finds.
  ASSERT_TRUE(f.server().platform().store().Read([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(auto decisions, tx.fraud_decisions().ListSince(*ParseRfc3339("2026-03-01T00:00:00Z"), 100));
    TRANCHE_ASSIGN_OR_RETURN(auto batched, fraud::LabelsOf(tx.fraud_labels(), decisions));
    std::size_t labelled = 0;
    for (std::size_t i = 0; i < decisions.size(); ++i) {
      TRANCHE_ASSIGN_OR_RETURN(auto single, tx.fraud_labels().ListOfDecision(decisions[i].id));
      EXPECT_EQ(batched[i].size(), single.size()) << i;
      for (std::size_t k = 0; k < std::min(single.size(), batched[i].size()); ++k) {
        EXPECT_EQ(batched[i][k].id, single[k].id);
        EXPECT_EQ(batched[i][k].fraud, single[k].fraud);
      }
      labelled += single.empty() ? 0 : 1;
    }
    EXPECT_GT(labelled, 10u);
    return Status::Ok();
  }).ok());
  EXPECT_GT(fraud_sum / frauds, legit_sum / legits + 20) << fraud_sum / frauds << " " << legit_sum / legits;

  // Paging does not change what is read: decisions made at the same instant (the clock
  // stood still) are told apart by id across page boundaries.
  const DateRange window{*ParseDate("2026-03-10"), *ParseDate("2026-03-11")};
  const Instant later = *ParseRfc3339("2026-06-01T00:00:00Z");
  auto whole = ops::ReadTrainingDecisions(f.server().platform().store(), catalogue, window, later, std::chrono::days(30));
  ASSERT_TRUE(whole.ok()) << whole.status().ToString();
  EXPECT_EQ(whole->counts().rows(), 35u);
  for (std::size_t page : {1, 2, 7}) {
    auto paged = ops::ReadTrainingDecisions(f.server().platform().store(), catalogue, window, later,
                                            std::chrono::days(30), page);
    ASSERT_TRUE(paged.ok()) << paged.status().ToString();
    EXPECT_EQ(paged->counts().decisions, 35u) << page;
    EXPECT_EQ(paged->counts().frauds, 13u) << page;
    EXPECT_EQ(paged->rows().labels, whole->rows().labels) << page;
    ASSERT_EQ(paged->rows().values.size(), whole->rows().values.size());
    EXPECT_EQ(std::memcmp(paged->rows().values.data(), whole->rows().values.data(),
                          whole->rows().values.size() * sizeof(float)),
              0)
        << page;
  }

  // The platform serves it: a screening's score comes from this model.
  Fraud served(model);
  ASSERT_EQ(served.PutRules({{"source", "review if fraud_score >= 0\n"}}).status, 200);
  const Json decision = served.ReviewedDecision(served.Authorize(62000, "served@example.com"));
  EXPECT_EQ(decision["score"]["model_version"], scorer->model().version()) << decision.dump();
}

TEST(ApiFraudTest, AnInvalidFraudModelDirectoryFailsStartUp) {
  testing::TempDir data, empty;
  app::PlatformOptions o;
  o.data_dir = data.path();
  o.migrate = true;
  o.fraud_model_dir = empty.path();
  auto p = app::Platform::Open(o);
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.status().code(), "fraud_model_invalid");
  EXPECT_NE(p.status().message().find(empty.path()), std::string::npos) << p.status().ToString();
}

}  // namespace
}  // namespace tranche
