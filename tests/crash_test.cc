// Crash test: drive writes at the real server process, SIGKILL it mid-load, restart it,
// and check that every acknowledged write is present exactly once and that
// `tranche ledger verify` passes.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>

#include <atomic>
#include <mutex>
#include <thread>

#include "support/process.h"
#include "support/test_server.h"

namespace tranche {
namespace {

using Json = nlohmann::json;
using testing::FreePort;
using testing::HttpClient;
using testing::ReadFile;
using testing::RunToExit;
using testing::Spawn;
using testing::WaitHealthy;

Json Entry(std::int64_t amount) {
  return {{"memo", "crash test"},
          {"lines", {{{"account", "settlement_cash:USD"}, {"direction", "debit"}, {"amount", amount}},
                     {{"account", "suspense:USD"}, {"direction", "credit"}, {"amount", amount}}}}};
}

struct Attempt {
  std::string key;
  std::int64_t amount;
  std::string entry_id;  // set when acknowledged
};

TEST(CrashTest, AcknowledgedWritesSurviveSigkill) {
  testing::TempDir dir;
  const std::string log = dir.path() + "/server.log";
  const std::string data = dir.path() + "/data";
  ASSERT_EQ(RunToExit({"migrate", "--data-dir", data}, log), 0) << ReadFile(log);
  const std::string op_log = dir.path() + "/operator.txt";
  ASSERT_EQ(RunToExit({"operator", "create", "--name", "crash", "--data-dir", data}, op_log), 0);
  const std::string out = ReadFile(op_log);
  const std::size_t k = out.find("key ok_");
  ASSERT_NE(k, std::string::npos) << out;
  const std::string key = out.substr(k + 4, 3 + 48);

  const std::uint16_t port = FreePort();
  const std::vector<std::string> serve = {"serve", "--data-dir", data, "--port", std::to_string(port),
                                          "--access-log", "off", "--workers", "32"};
  pid_t server = Spawn(serve, log);
  ASSERT_TRUE(WaitHealthy(port)) << ReadFile(log);

  constexpr int kClients = 8;
  std::mutex mu;
  std::vector<Attempt> attempts;  // every request sent, acknowledged or not
  std::atomic<int> acked{0};
  std::atomic<bool> stop{false};
  std::vector<std::thread> clients;
  for (int t = 0; t < kClients; ++t) {
    clients.emplace_back([&, t] {
      HttpClient c("127.0.0.1", port);
      for (int n = 0; !stop && n < 100000; ++n) {
        Attempt a{"crash-" + std::to_string(t) + "-" + std::to_string(n), 1 + (n % 97) * 100 + t, ""};
        auto r = c.Post("/v1/admin/ledger/entries", Entry(a.amount), key, a.key);
        if (r.status == 201) a.entry_id = r.json()["id"];
        {
          std::lock_guard lock(mu);
          attempts.push_back(a);
        }
        if (r.status == 201) {
          ++acked;
        } else {
          return;  // the server is gone
        }
      }
    });
  }
  while (acked < 400) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  ASSERT_EQ(kill(server, SIGKILL), 0);
  stop = true;
  for (auto& c : clients) c.join();
  waitpid(server, nullptr, 0);

  server = Spawn(serve, log);
  ASSERT_TRUE(WaitHealthy(port)) << ReadFile(log);
  HttpClient c("127.0.0.1", port);
  std::int64_t expected_cash = 0;
  std::size_t distinct = 0;
  for (auto& a : attempts) {
    // Retrying with the same key must return the acknowledged entry, never a second one.
    auto r = c.Post("/v1/admin/ledger/entries", Entry(a.amount), key, a.key);
    ASSERT_EQ(r.status, 201) << r.body;
    const std::string id = r.json()["id"];
    if (!a.entry_id.empty()) {
      EXPECT_EQ(id, a.entry_id) << a.key;
      EXPECT_EQ(r.header("Idempotent-Replayed"), "true") << a.key;
    }
    expected_cash += a.amount;
    ++distinct;
  }
  auto tb = c.Get("/v1/admin/ledger/accounts/settlement_cash:USD", key).json();
  EXPECT_EQ(tb["balance"], expected_cash);
  EXPECT_EQ(tb["debits"], expected_cash);
  kill(server, SIGTERM);
  waitpid(server, nullptr, 0);

  const std::string verify_log = dir.path() + "/verify.txt";
  EXPECT_EQ(RunToExit({"ledger", "verify", "--data-dir", data}, verify_log), 0) << ReadFile(verify_log);
  const std::string verified = ReadFile(verify_log);
  EXPECT_NE(verified.find("entries: " + std::to_string(distinct) + " "), std::string::npos) << verified;
  EXPECT_NE(verified.find("ledger OK"), std::string::npos);
  EXPECT_GE(acked.load(), 400);
}

}  // namespace
}  // namespace tranche
