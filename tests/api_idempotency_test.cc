// Idempotency-Key semantics over real HTTP.
#include <gtest/gtest.h>

#include <thread>

#include "support/test_server.h"

namespace tranche {
namespace {

using testing::HttpClient;
using testing::TestServer;
using Json = nlohmann::json;

Json Entry(std::int64_t amount) {
  return {{"memo", "idempotency test"},
          {"lines", {{{"account", "settlement_cash:USD"}, {"direction", "debit"}, {"amount", amount}},
                     {{"account", "suspense:USD"}, {"direction", "credit"}, {"amount", amount}}}}};
}

class ApiIdempotencyTest : public ::testing::Test {
 protected:
  std::int64_t Entries() { return testing::CountRows(server_.platform().store()).entries; }
  TestServer server_;
  HttpClient client_ = server_.Client();
};

TEST_F(ApiIdempotencyTest, RetryReplaysTheFirstResult) {
  auto first = client_.Post("/v1/admin/ledger/entries", Entry(100), server_.operator_key, "k-1");
  ASSERT_EQ(first.status, 201) << first.body;
  EXPECT_EQ(first.header("Idempotent-Replayed"), "");
  // Same parameters, different formatting and key order: still the same request.
  testing::ClientRequest again;
  again.method = "POST";
  again.target = "/v1/admin/ledger/entries";
  again.bearer = server_.operator_key;
  again.idempotency_key = "k-1";
  again.body = "{ \"lines\": " + Entry(100)["lines"].dump() + ", \"memo\": \"idempotency test\" }";
  auto replay = client_.Send(again);
  EXPECT_EQ(replay.status, 201);
  EXPECT_EQ(replay.body, first.body);
  EXPECT_EQ(replay.header("Idempotent-Replayed"), "true");
  EXPECT_EQ(Entries(), 1);
}

TEST_F(ApiIdempotencyTest, SameKeyOtherParametersIs400) {
  ASSERT_EQ(client_.Post("/v1/admin/ledger/entries", Entry(100), server_.operator_key, "k-2").status, 201);
  auto other = client_.Post("/v1/admin/ledger/entries", Entry(101), server_.operator_key, "k-2");
  EXPECT_EQ(other.status, 400);
  EXPECT_EQ(other.json()["error"]["code"], "idempotency_error");
  EXPECT_EQ(Entries(), 1);
}

TEST_F(ApiIdempotencyTest, AKeyBelongsToOneRequestAcrossEndpoints) {
  auto op = client_.Post("/v1/admin/merchants/" + server_.merchant_id + "/keys", Json::object(),
                         server_.operator_key, "shared-key");
  ASSERT_EQ(op.status, 201);
  auto entry = client_.Post("/v1/admin/ledger/entries", Entry(5), server_.operator_key, "shared-key");
  EXPECT_EQ(entry.status, 400);  // same caller, other endpoint: another request
  EXPECT_EQ(entry.json()["error"]["code"], "idempotency_error");
}

TEST_F(ApiIdempotencyTest, BusinessRefusalIsReplayedToo) {
  auto bad = client_.Post("/v1/admin/ledger/entries/je_01JDQ3V6W4X8Y2Z0ABCDEFGHJK/reverse",
                          {{"memo", "x"}}, server_.operator_key, "k-rev");
  EXPECT_EQ(bad.status, 404);
  auto again = client_.Post("/v1/admin/ledger/entries/je_01JDQ3V6W4X8Y2Z0ABCDEFGHJK/reverse",
                            {{"memo", "x"}}, server_.operator_key, "k-rev");
  EXPECT_EQ(again.status, 404);
  EXPECT_EQ(again.header("Idempotent-Replayed"), "true");
}

TEST_F(ApiIdempotencyTest, ReplayOfAKeyCreationDoesNotRevealTheSecret) {
  auto first = client_.Post("/v1/admin/merchants",
                            {{"name", "Replay Shop"}, {"country", "SE"}, {"default_currency", "SEK"}},
                            server_.operator_key, "create-1");
  ASSERT_EQ(first.status, 201) << first.body;
  EXPECT_TRUE(first.json()["secret_key"]["secret"].is_string());
  auto replay = client_.Post("/v1/admin/merchants",
                             {{"name", "Replay Shop"}, {"country", "SE"}, {"default_currency", "SEK"}},
                             server_.operator_key, "create-1");
  ASSERT_EQ(replay.status, 201);
  EXPECT_EQ(replay.json()["id"], first.json()["id"]);
  EXPECT_TRUE(replay.json()["secret_key"]["secret"].is_null());
  EXPECT_EQ(testing::CountRows(server_.platform().store()).merchants, 3u);
}

TEST_F(ApiIdempotencyTest, ConcurrentDuplicatesPostOnceAndTheRestGet409OrReplay) {
  constexpr int kClients = 16;
  std::vector<int> statuses(kClients);
  std::vector<std::string> bodies(kClients);
  std::vector<std::thread> threads;
  for (int i = 0; i < kClients; ++i) {
    threads.emplace_back([&, i] {
      HttpClient c = server_.Client();
      auto r = c.Post("/v1/admin/ledger/entries", Entry(777), server_.operator_key, "race-1");
      statuses[i] = r.status;
      bodies[i] = r.body;
    });
  }
  for (auto& t : threads) t.join();
  int created = 0, conflicts = 0;
  std::string created_body;
  for (int i = 0; i < kClients; ++i) {
    if (statuses[i] == 201) {
      ++created;
      if (created_body.empty()) created_body = bodies[i];
      EXPECT_EQ(bodies[i], created_body);  // replays carry the same entry
    } else {
      EXPECT_EQ(statuses[i], 409) << bodies[i];
      EXPECT_EQ(Json::parse(bodies[i])["error"]["code"], "idempotency_key_in_use");
      ++conflicts;
    }
  }
  EXPECT_GE(created, 1);
  EXPECT_EQ(created + conflicts, kClients);
  EXPECT_EQ(Entries(), 1);
}

TEST_F(ApiIdempotencyTest, TwoMerchantsWithTheSameKeyEachGetTheirOwnResult) {
  const Json body = {{"currency", "USD"}, {"amount", 5000}, {"merchant_reference", "same-ref"},
                     {"order_lines", {{{"name", "Lamp"}, {"quantity", 1}, {"unit_price", 5000},
                                       {"total_amount", 5000}}}}};
  auto mine = client_.Post("/v1/checkout/sessions", body, server_.merchant_key, "same-key");
  auto theirs = client_.Post("/v1/checkout/sessions", body, server_.other_merchant_key, "same-key");
  ASSERT_EQ(mine.status, 201) << mine.body;
  ASSERT_EQ(theirs.status, 201) << theirs.body;
  EXPECT_EQ(theirs.header("Idempotent-Replayed"), "");
  EXPECT_NE(mine.json()["id"], theirs.json()["id"]);
  // Each session belongs to the merchant that created it, and only to that one.
  const std::string their_id = theirs.json()["id"];
  EXPECT_EQ(client_.Get("/v1/checkout/sessions/" + their_id, server_.other_merchant_key).status, 200);
  EXPECT_EQ(client_.Get("/v1/checkout/sessions/" + their_id, server_.merchant_key).status, 404);
  // And each merchant's retry replays its own result.
  auto mine_again = client_.Post("/v1/checkout/sessions", body, server_.merchant_key, "same-key");
  EXPECT_EQ(mine_again.header("Idempotent-Replayed"), "true");
  EXPECT_EQ(mine_again.json()["id"], mine.json()["id"]);
}

TEST_F(ApiIdempotencyTest, InvalidKeysAreRefused) {
  auto r = client_.Post("/v1/admin/ledger/entries", Entry(1), server_.operator_key, std::string(256, 'k'));
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.json()["error"]["code"], "idempotency_key_invalid");
  EXPECT_EQ(Entries(), 0);
}

}  // namespace
}  // namespace tranche
