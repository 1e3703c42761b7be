// Checkout decisions by a credit model over real HTTP: the model decider declines a
// consumer whose bureau file shows recent delinquency, with that reason, approves a
// clean one, stores PD, profile and model version with each decision, and picks up a
// new model written to its directory without a restart.
#include <gtest/gtest.h>

#include <algorithm>
#include <thread>

#include "credit/model.h"
#include "credit/simulated_data.h"
#include "support/test_server.h"

namespace tranche {
namespace {

using Json = nlohmann::json;

const Date kDob = *ParseDate("1990-04-12");

Json Person(const std::string& email) {
  return {{"email", email}, {"phone", "+1 555 0100"}, {"given_name", "Ava"}, {"family_name", "Larsson"},
          {"date_of_birth", FormatDate(kDob)},
          {"address", {{"line1", "1 Main St"}, {"city", "Brooklyn"}, {"postal_code", "11201"}, {"country", "US"}}}};
}

// An address whose simulated bureau file matches `wanted`.
std::string FindEmail(const std::function<bool(const risk::CreditProfile&)>& wanted) {
  risk::SimulatedBureau bureau;
  for (int i = 0; i < 10'000; ++i) {
    const std::string email = "cand" + std::to_string(i) + "@example.com";
    if (wanted(bureau.Lookup({email, "Larsson", kDob}))) return email;
  }
  TRANCHE_ASSERT_MSG(false, "no candidate identity found");
  return "";
}

std::string TrainInto(const std::string& dir, std::uint64_t seed) {
  credit::TrainOptions o;
  o.folds = 3;
  o.max_rounds = 150;
  o.patience = 15;
  o.seed = seed;
  auto t = credit::Train(credit::SimulatedTrainingData(2000, seed, *ParseDate("2026-03-10")), o);
  TRANCHE_ASSERT(t.ok());
  const credit::CreditModel model(std::move(t).value(), "simulated");
  TRANCHE_ASSERT(model.Save(dir).ok());
  return model.version();
}

// Opens a session for 200.00 and authorizes it for `email` on pay-in-4.
Json Authorize(testing::TestServer& server, testing::HttpClient& c, const std::string& email) {
  auto s = c.Post("/v1/checkout/sessions",
                  {{"currency", "USD"}, {"amount", 20000}, {"merchant_reference", email},
                   {"order_lines", {{{"name", "Bike"}, {"quantity", 1}, {"unit_price", 20000}, {"total_amount", 20000}}}}},
                  server.merchant_key);
  EXPECT_EQ(s.status, 201) << s.body;
  auto r = c.Post("/v1/checkout/sessions/" + s.json()["id"].get<std::string>() + "/authorize",
                  {{"product", "pay_in_4"}, {"consumer", Person(email)}}, s.json()["client_token"].get<std::string>());
  EXPECT_EQ(r.status, 200) << r.body;
  return r.json();
}

TEST(CreditDecisionsTest, ModelDeclinesDelinquencyApprovesCleanAndReloads) {
  testing::TempDir models;
  const std::string dir = models.path() + "/credit";
  const std::string first_version = TrainInto(dir, 1);
  SimulatedClock clock(*ParseRfc3339("2026-03-10T09:00:00Z"));
  testing::TestServer server({&clock, "off", 10'000, dir});
  auto c = server.Client();
  const auto authorize = [&](const std::string& email) { return Authorize(server, c, email); };
  const std::string late = FindEmail([](const risk::CreditProfile& p) { return p.repayment_status[0] >= 3; });
  const std::string clean = FindEmail([](const risk::CreditProfile& p) {
    return p.repayment_status[0] == -1 && p.repayment_status[1] == -1 && p.credit_limit_usd >= 10'000;
  });

  const Json declined = authorize(late);
  EXPECT_EQ(declined["status"], "declined");
  // The shopper is told only that it was not approved; the model's reasons are the
  // consumer's, kept with the decision.
  ASSERT_EQ(declined["reasons"].size(), 1u);
  EXPECT_EQ(declined["reasons"][0]["code"], "not_approved");
  const Json approved = authorize(clean);
  EXPECT_EQ(approved["status"], "approved") << approved.dump();

  ASSERT_TRUE(server.platform().store().Read([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(auto d, tx.decisions().Find(declined["decision_id"].get<std::string>()));
    EXPECT_EQ(d->decision.decider_version, "model:" + first_version);
    EXPECT_TRUE(d->decision.pd.has_value());
    EXPECT_TRUE(d->request.profile.has_value());
    EXPECT_GE(d->request.profile->repayment_status[0], 3);
    if (d->decision.reasons.empty()) return Status::Internal("the model's decline keeps no reasons");
    EXPECT_EQ(d->decision.reasons[0].code, "recent_late_payments");
    return Status::Ok();
  }).ok());

  // A new model written to the directory is used from the next decision on.
  EXPECT_FALSE(server.platform().ReloadModelIfChanged());
  const std::string second_version = TrainInto(dir, 2);
  ASSERT_NE(second_version, first_version);
  EXPECT_TRUE(server.platform().ReloadModelIfChanged());
  const Json after = authorize(FindEmail([](const risk::CreditProfile& p) { return p.repayment_status[0] == -1; }));
  ASSERT_TRUE(server.platform().store().Read([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(auto d, tx.decisions().Find(after["decision_id"].get<std::string>()));
    EXPECT_EQ(d->decision.decider_version, "model:" + second_version);
    return Status::Ok();
  }).ok());
}

// A fleet on PostgreSQL: a second node on the same database and model directory, which
// would look at its models only hourly, serves the model another node reloaded within
// moments, because that node told the fleet (LISTEN/NOTIFY). On SQLite there is no fleet.
TEST(CreditDecisionsTest, AnotherNodeServesAReloadedModelAtOnce) {
  testing::TempDir models;
  const std::string dir = models.path() + "/credit";
  const std::string first_version = TrainInto(dir, 1);
  testing::TestServer server({nullptr, "off", 10'000, dir});
  const std::vector<std::string> args = server.DatabaseArgs();
  const auto database = std::find(args.begin(), args.end(), "--database");
  if (database == args.end()) GTEST_SKIP() << "a fleet runs on PostgreSQL";
  testing::TempDir other_files;
  app::PlatformOptions options;
  options.data_dir = other_files.path();
  options.database = *(database + 1);
  options.credit_model_dir = dir;
  options.model_watch_interval = std::chrono::hours(1);
  options.access_log = "off";
  options.close_business_dates = false;
  options.server.port = 0;
  auto node = app::Platform::Open(options);
  ASSERT_TRUE(node.ok()) << node.status().ToString();
  ASSERT_TRUE((*node)->Start().ok());
  testing::HttpClient other("127.0.0.1", (*node)->port());
  const auto served = [&] {
    auto r = other.Get("/v1/admin/models", server.operator_key);
    EXPECT_EQ(r.status, 200) << r.body;
    const Json body = r.json();
    for (const Json& m : body["models"]) {
      if (m["role"] == "champion") return m["version"].get<std::string>();
    }
    return std::string();
  };
  EXPECT_EQ(served(), first_version);

  const std::string second_version = TrainInto(dir, 2);
  ASSERT_NE(second_version, first_version);
  ASSERT_TRUE(server.platform().ReloadModelIfChanged());
  std::string version = served();
  for (int i = 0; i < 50 && version != second_version; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    version = served();
  }
  EXPECT_EQ(version, second_version) << "the other node did not reload within 5 s";
  (*node)->Stop();
}

TEST(CreditDecisionsTest, AShadowChallengerIsRecordedBesideTheChampion) {
  testing::TempDir models;
  const std::string champion = TrainInto(models.path() + "/champion", 1);
  const std::string challenger = TrainInto(models.path() + "/challenger", 2);
  SimulatedClock clock(*ParseRfc3339("2026-03-10T09:00:00Z"));
  testing::TestServer server({&clock, "off", 10'000, models.path() + "/champion", models.path() + "/challenger", true});
  auto c = server.Client();
  const Json r = Authorize(server, c, "shadowed@example.com");
  ASSERT_TRUE(server.platform().store().Read([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(auto d, tx.decisions().Find(r["decision_id"].get<std::string>()));
    EXPECT_EQ(d->decision.decider_version, "model:" + champion);
    EXPECT_TRUE(d->decision.shadow.has_value());
    EXPECT_EQ(d->decision.shadow->decider_version, "model:" + challenger);
    EXPECT_TRUE(d->decision.shadow->pd.has_value());
    return Status::Ok();
  }).ok());
}

}  // namespace
}  // namespace tranche
