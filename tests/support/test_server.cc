#include "support/test_server.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <cstdio>
#include <filesystem>

#include "core/random.h"
#include "onboarding/onboarding.h"
#include "store/postgres/pg_connection.h"

namespace tranche::testing {

TempDir::TempDir() {
  std::string tmpl = (std::filesystem::temp_directory_path() / "tranche-test-XXXXXX").string();
  TRANCHE_ASSERT(mkdtemp(tmpl.data()) != nullptr);
  path_ = tmpl;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

namespace {
// `url` with its database replaced by `name`.
std::string WithDatabase(const std::string& url, const std::string& name) {
  const std::size_t host = url.find("://");
  TRANCHE_ASSERT(host != std::string::npos);
  const std::size_t slash = url.find('/', host + 3);
  const std::size_t query = url.find('?', host + 3);
  std::string out = url.substr(0, slash == std::string::npos ? query : slash) + "/" + name;
  if (query != std::string::npos) out += url.substr(query);
  return out;
}

Status AdminExec(const std::string& admin_url, const std::string& sql) {
  auto conn = store::postgres::PgConnection::Open(admin_url);
  if (!conn.ok()) return conn.status();
  return (*conn)->Exec(sql.c_str());
}
}  // namespace

TestDatabase::TestDatabase() {
  const char* admin = std::getenv("TRANCHE_TEST_POSTGRES");
  if (admin == nullptr || admin[0] == '\0') return;
  admin_url_ = admin;
  SecureRandom random;
  name_ = "tranche_test_" + std::to_string(random.NextU64());
  const Status created =
      AdminExec(admin_url_, "CREATE DATABASE " + name_ + " LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0");
  TRANCHE_ASSERT_MSG(created.ok(), created.ToString().c_str());
  url_ = WithDatabase(admin_url_, name_);
}

TestDatabase::~TestDatabase() {
  if (name_.empty()) return;
  // A database left behind costs the throwaway cluster some disk, not the test its
  // result: say so and go on.
  const Status dropped = AdminExec(admin_url_, "DROP DATABASE " + name_ + " WITH (FORCE)");
  if (!dropped.ok()) std::fprintf(stderr, "test database %s not dropped: %s\n", name_.c_str(), dropped.ToString().c_str());
}

TestServer::TestServer(TestServerOptions options) {
  app::PlatformOptions o;
  o.data_dir = dir_.path();
  o.database = db_.url();
  o.server.port = 0;
  o.server.worker_threads = 16;
  o.access_log = options.access_log;
  o.clock = options.clock;
  o.adjustable_clock = options.adjustable_clock;
  // Collections succeed unless a test picks a failing payment-method profile.
  o.processor_rates = {20261126, 0, 0, 0, 0};
  o.server.max_connections = options.max_connections;
  o.credit_model_dir = options.credit_model_dir;
  o.challenger_model_dir = options.challenger_model_dir;
  o.challenger_shadow = options.challenger_shadow;
  o.fraud_model_dir = options.fraud_model_dir;
  o.close_business_dates = options.close_business_dates;
  o.model_watch_interval = std::chrono::hours(1);  // tests reload explicitly
  o.allow_private_webhook_targets = true;          // receivers listen on loopback
  o.webhook_ca_file = options.webhook_ca_file;
  o.webhook_timeouts = options.webhook_timeouts;
  o.intent_classifier = options.intent_classifier;
  o.language_detector = options.language_detector;
  o.assistant_llm = options.assistant_llm;
  o.webhook_interval = std::chrono::milliseconds(20);
  o.migrate = true;
  options_ = o;
  auto p = app::Platform::Open(o);
  TRANCHE_ASSERT_MSG(p.ok(), p.status().ToString().c_str());
  platform_ = std::move(p).value();
  auto& pl = *platform_;
  const Status st = pl.store().Write([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(auto op, onboarding::CreateOperator(tx, "test-operator", pl.ids(),
                                                                 pl.random(), pl.clock().Now()));
    operator_key = op.secret;
    merchants::MerchantDraft d{"Test Shop", "US", Currency::kUSD, {}, {}};
    TRANCHE_ASSIGN_OR_RETURN(auto m, onboarding::CreateMerchant(tx, d, pl.ids(), pl.random(),
                                                                pl.clock().Now()));
    merchant_id = m.merchant.id;
    merchant_key = m.key->secret;
    d.name = "Other Shop";
    TRANCHE_ASSIGN_OR_RETURN(auto other, onboarding::CreateMerchant(tx, d, pl.ids(), pl.random(),
                                                                    pl.clock().Now()));
    other_merchant_id = other.merchant.id;
    other_merchant_key = other.key->secret;
    return Status::Ok();
  });
  TRANCHE_ASSERT_MSG(st.ok(), st.ToString().c_str());
  const Status started = pl.Start();
  TRANCHE_ASSERT_MSG(started.ok(), started.ToString().c_str());
}

TestServer::~TestServer() { platform_->Stop(); }

void TestServer::Restart() {
  platform_->Stop();
  platform_.reset();
  auto p = app::Platform::Open(options_);
  TRANCHE_ASSERT_MSG(p.ok(), p.status().ToString().c_str());
  platform_ = std::move(p).value();
  const Status started = platform_->Start();
  TRANCHE_ASSERT_MSG(started.ok(), started.ToString().c_str());
}

std::vector<std::string> TestServer::DatabaseArgs() const {
  std::vector<std::string> args = {"--data-dir", dir_.path()};
  if (!db_.url().empty()) args.insert(args.end(), {"--database", db_.url()});
  return args;
}

StoreCounts CountRows(store::Store& store) {
  StoreCounts c;
  const Status st = store.Read([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(c.entries, tx.ledger().CountEntries());
    TRANCHE_ASSIGN_OR_RETURN(auto merchants, tx.merchants().List("", std::nullopt, 1000));
    c.merchants = merchants.size();
    TRANCHE_ASSIGN_OR_RETURN(auto accounts, tx.ledger().ListAccounts());
    c.accounts = accounts.size();
    return Status::Ok();
  });
  TRANCHE_ASSERT(st.ok());
  return c;
}

nlohmann::json Applicant(const std::string& email) {
  return {{"email", email},
          {"given_name", "Ava"},
          {"family_name", "Larsson"},
          {"date_of_birth", "1990-04-12"},
          {"phone", "+46 70 123 45 67"},
          {"address", {{"line1", "Storgatan 1"}, {"city", "Stockholm"}, {"postal_code", "111 22"}, {"country", "SE"}}}};
}

std::string LoginConsumer(HttpClient& client, const std::string& operator_key, const std::string& email) {
  EXPECT_EQ(client.Post("/v1/consumer/login", {{"email", email}}, "").status, 202);
  const nlohmann::json page = client.Get("/v1/admin/notifications?limit=100", operator_key).json();
  if (page["data"].empty()) {
    ADD_FAILURE() << "no login code for " << email;
    return "";
  }
  const std::string text = page["data"].back()["body"];
  const std::string code = text.substr(text.find("is ") + 3, 6);
  auto v = client.Post("/v1/consumer/login/verify", {{"email", email}, {"code", code}}, "");
  EXPECT_EQ(v.status, 200) << v.body;
  return v.json().value("token", "");
}

}  // namespace tranche::testing
