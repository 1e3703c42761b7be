// Time-dependent behaviour on a simulated clock: idempotency records live 24 hours
// and are then purged; and what the access log may and may not contain.
#include <gtest/gtest.h>

#include "support/process.h"
#include "support/test_server.h"

namespace tranche {
namespace {

using Json = nlohmann::json;

Json Entry(std::int64_t amount) {
  return {{"memo", "expiry test"},
          {"lines", {{{"account", "settlement_cash:GBP"}, {"direction", "debit"}, {"amount", amount}},
                     {{"account", "suspense:GBP"}, {"direction", "credit"}, {"amount", amount}}}}};
}

TEST(IdempotencyExpiryTest, RecordsAreReplayedFor24HoursThenPurged) {
  SimulatedClock clock(*ParseRfc3339("2026-11-26T09:00:00Z"));
  testing::TestServer server({&clock, "off"});
  auto client = server.Client();
  const auto post = [&](std::int64_t amount, const std::string& key) {
    return client.Post("/v1/admin/ledger/entries", Entry(amount), server.operator_key, key);
  };
  ASSERT_EQ(post(100, "daily-1").status, 201);
  clock.Advance(std::chrono::hours(23));
  EXPECT_EQ(post(200, "daily-1").status, 400);  // still bound to the first request
  EXPECT_EQ(post(100, "daily-1").header("Idempotent-Replayed"), "true");
  EXPECT_EQ(server.platform().RunMaintenance()->purged_idempotency_records, 0);

  clock.Advance(std::chrono::hours(2));
  // Expired: the key is free again and the new request runs.
  auto fresh = post(200, "daily-1");
  EXPECT_EQ(fresh.status, 201) << fresh.body;
  EXPECT_EQ(fresh.header("Idempotent-Replayed"), "");
  ASSERT_EQ(post(5, "daily-2").status, 201);
  clock.Advance(std::chrono::hours(25));
  EXPECT_EQ(server.platform().RunMaintenance()->purged_idempotency_records, 2);
  EXPECT_EQ(testing::CountRows(server.platform().store()).entries, 3);
}

TEST(AccessLogTest, RecordsRequestsWithoutSecretsOrBodies) {
  testing::TempDir dir;
  const std::string log = dir.path() + "/access.log";
  {
    testing::TestServer server({nullptr, log});
    auto client = server.Client();
    ASSERT_EQ(client.Get("/v1/merchant", server.merchant_key).status, 200);
    auto created = client.Post("/v1/admin/merchants",
                               {{"name", "Personal Name Ltd"}, {"country", "GB"}, {"default_currency", "GBP"}},
                               server.operator_key, "log-test-key");
    ASSERT_EQ(created.status, 201);
    const std::string new_secret = created.json()["secret_key"]["secret"];
    client.Get("/v1/merchant?email=someone%40example.com", new_secret);
    const std::string text = testing::ReadFile(log);
    for (const std::string& secret : {server.merchant_key, server.operator_key, new_secret}) {
      EXPECT_EQ(text.find(secret), std::string::npos);
      EXPECT_EQ(text.find(secret.substr(3, 16)), std::string::npos);
    }
    EXPECT_EQ(text.find("Personal Name"), std::string::npos);
    EXPECT_EQ(text.find("example.com"), std::string::npos);
    EXPECT_EQ(text.find("127.0.0.1"), std::string::npos);
    EXPECT_NE(text.find("\"route\":\"/v1/merchant\""), std::string::npos) << text;
    EXPECT_NE(text.find("\"request_id\":\"req_"), std::string::npos);
    EXPECT_NE(text.find("\"principal\":\"" + server.merchant_id + "\""), std::string::npos);
  }
}

}  // namespace
}  // namespace tranche
