// A real tranche platform for integration tests: fresh database in a temporary
// directory, HTTP on a free loopback port, an operator and a merchant with keys.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "app/platform.h"
#include "support/http_client.h"

namespace tranche::testing {

// A fresh, empty directory under the system temp dir; removed by the destructor.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// The database a test server runs on. By default the SQLite file in its directory; when
// the environment names a PostgreSQL server (TRANCHE_TEST_POSTGRES, an administrator's
// URL such as postgres://postgres@127.0.0.1:5433/postgres), a fresh database created on
// it for this test and dropped afterwards. ctest runs the integration suite both ways.
class TestDatabase {
 public:
  TestDatabase();
  ~TestDatabase();
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;
  // Empty for SQLite; else the postgres:// URL of this test's database.
  const std::string& url() const { return url_; }

 private:
  std::string admin_url_;
  std::string name_;
  std::string url_;
};

struct TestServerOptions {
  const Clock* clock = nullptr;  // default: the system clock
  std::string access_log = "off";
  int max_connections = 10'000;
  std::string credit_model_dir = {};  // empty: the policy decider
  std::string challenger_model_dir = {};
  bool challenger_shadow = false;
  AdjustableClock* adjustable_clock = nullptr;  // set: the clock, and /v1/admin/clock/advance exists
  std::string webhook_ca_file = {};              // trusted for https:// webhook receivers
  app::DeliveryTimeouts webhook_timeouts = {};
  // The assistant's understanding (tests pass scripted fakes).
  const assist::IntentClassifier* intent_classifier = nullptr;
  const assist::LanguageDetector* language_detector = nullptr;
  assist::LlmOptions assistant_llm = {};  // the assistant's language model; empty URL: none
  std::string fraud_model_dir = {};  // empty: screening without a score
  // false: the housekeeping never closes business dates, for tests that move the clock
  // by days and check the books without a close (which would add fees and settlements
  // whenever the background thread happened to run).
  bool close_business_dates = true;
};

class TestServer {
 public:
  explicit TestServer(TestServerOptions options = {});
  ~TestServer();

  // Stops the platform and opens a new one over the same data directory (a restart:
  // the keys stay valid; the port changes, so take a new Client()).
  void Restart();

  std::uint16_t port() const { return platform_->port(); }
  app::Platform& platform() { return *platform_; }
  HttpClient Client() const { return HttpClient("127.0.0.1", port()); }
  const std::string& data_dir() const { return dir_.path(); }
  // The command-line options that name this server's database: --data-dir, and
  // --database when it runs on PostgreSQL.
  std::vector<std::string> DatabaseArgs() const;

  std::string operator_key;
  std::string merchant_id;
  std::string merchant_key;
  std::string other_merchant_id;
  std::string other_merchant_key;

 private:
  TempDir dir_;
  TestDatabase db_;
  app::PlatformOptions options_;
  std::unique_ptr<app::Platform> platform_;
};

// Number of rows in the ledger, merchants and keys: "nothing changed" checks.
struct StoreCounts {
  std::int64_t entries = 0;
  std::size_t merchants = 0;
  std::size_t accounts = 0;
  friend bool operator==(const StoreCounts&, const StoreCounts&) = default;
};
StoreCounts CountRows(store::Store& store);

// A consumer applying at checkout (the authorize body's `consumer`): a Swedish adult
// with a complete address, identified by `email`.
nlohmann::json Applicant(const std::string& email);

// A consumer token for `email`: asks for a login code, reads it from the notification
// outbox (the newest one, through the operator's key) and verifies it. Empty (with a
// test failure) when any step fails.
std::string LoginConsumer(HttpClient& client, const std::string& operator_key, const std::string& email);

}  // namespace tranche::testing
