// Operator flows end to end over HTTP: merchants, keys, ledger entries, reversals,
// trial balance and account history.
#include <gtest/gtest.h>

#include "support/test_server.h"

namespace tranche {
namespace {

using testing::HttpClient;
using testing::TestServer;
using Json = nlohmann::json;

class ApiAdminTest : public ::testing::Test {
 protected:
  // Every POST carries a fresh Idempotency-Key, as a careful client's would.
  Json PostOk(const std::string& target, const Json& body, int status = 201) {
    auto r = client_.Post(target, body, server_.operator_key, "admin-test-" + std::to_string(++posts_));
    EXPECT_EQ(r.status, status) << r.body;
    return r.json();
  }
  Json GetOk(const std::string& target) {
    auto r = client_.Get(target, server_.operator_key);
    EXPECT_EQ(r.status, 200) << r.body;
    return r.json();
  }
  static Json Move(const std::string& debit, const std::string& credit, std::int64_t amount) {
    return {{"memo", "test move"},
            {"lines", {{{"account", debit}, {"direction", "debit"}, {"amount", amount}},
                       {{"account", credit}, {"direction", "credit"}, {"amount", amount}}}}};
  }

  TestServer server_;
  HttpClient client_ = server_.Client();
  int posts_ = 0;
};

TEST_F(ApiAdminTest, CreatesMerchantWithDefaultsAndAWorkingKey) {
  Json m = PostOk("/v1/admin/merchants",
                  {{"name", "Camden Books"}, {"country", "GB"}, {"default_currency", "GBP"}});
  EXPECT_TRUE(m["id"].get<std::string>().starts_with("mer_"));
  EXPECT_EQ(m["pricing"]["mdr_bps"], 329);
  EXPECT_EQ(m["pricing"]["fixed_fee"], 30);
  const std::string key = m["secret_key"]["secret"];
  auto me = client_.Get("/v1/merchant", key);
  ASSERT_EQ(me.status, 200);
  EXPECT_EQ(me.json()["name"], "Camden Books");
  EXPECT_EQ(GetOk("/v1/admin/merchants/" + m["id"].get<std::string>())["default_currency"], "GBP");
}

TEST_F(ApiAdminTest, ListsMerchantsWithCursorPagination) {
  for (int i = 0; i < 3; ++i) {
    PostOk("/v1/admin/merchants", {{"name", "Shop " + std::to_string(i)}, {"country", "SE"},
                                   {"default_currency", "SEK"},
                                   {"pricing", {{"mdr_bps", 299}, {"fixed_fee", 0}}}});
  }
  std::vector<std::string> seen;
  std::string cursor;
  for (int page = 0; page < 10; ++page) {
    Json j = GetOk("/v1/admin/merchants?limit=2" + (cursor.empty() ? "" : "&starting_after=" + cursor));
    for (const auto& m : j["data"]) seen.push_back(m["id"]);
    if (!j["has_more"].get<bool>()) break;
    cursor = j["next_cursor"];
  }
  EXPECT_EQ(seen.size(), 5u);  // 2 from the fixture + 3
  EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end()));
}

TEST_F(ApiAdminTest, PostsReversesAndBalances) {
  const std::string payable = "merchant_payable:USD:" + server_.merchant_id;
  Json e1 = PostOk("/v1/admin/ledger/entries", Move("settlement_cash:USD", "suspense:USD", 10000));
  Json e2 = PostOk("/v1/admin/ledger/entries", Move("suspense:USD", payable, 2500));
  EXPECT_EQ(e1["reason"], "manual_adjustment");
  EXPECT_EQ(GetOk("/v1/admin/ledger/entries/" + e1["id"].get<std::string>())["lines"], e1["lines"]);

  Json rev = PostOk("/v1/admin/ledger/entries/" + e2["id"].get<std::string>() + "/reverse",
                    {{"memo", "posted to the wrong merchant"}});
  EXPECT_EQ(rev["reason"], "reversal");
  EXPECT_EQ(rev["reverses"], e2["id"]);
  auto twice = client_.Post("/v1/admin/ledger/entries/" + e2["id"].get<std::string>() + "/reverse",
                            {{"memo", "again"}}, server_.operator_key);
  EXPECT_EQ(twice.status, 422);
  EXPECT_EQ(twice.json()["error"]["code"], "entry_already_reversed");

  Json tb = GetOk("/v1/admin/ledger/trial-balance");
  EXPECT_TRUE(tb["balanced"].get<bool>());
  ASSERT_EQ(tb["currencies"].size(), 1u);
  EXPECT_EQ(tb["currencies"][0]["total"], 0);
  EXPECT_EQ(tb["currencies"][0]["debits"], 10000 + 2500 + 2500);

  Json acct = GetOk("/v1/admin/ledger/accounts/" + payable);
  EXPECT_EQ(acct["balance"], 0);
  EXPECT_EQ(acct["normal_balance"], "credit");
  EXPECT_EQ(acct["owner"], server_.merchant_id);
  ASSERT_EQ(acct["entries"]["data"].size(), 2u);
  Json cash = GetOk("/v1/admin/ledger/accounts/settlement_cash:USD");
  EXPECT_EQ(cash["balance"], 10000);
}

TEST_F(ApiAdminTest, AccountHistoryPages) {
  for (int i = 1; i <= 5; ++i) {
    PostOk("/v1/admin/ledger/entries", Move("settlement_cash:EUR", "suspense:EUR", i));
  }
  Json p1 = GetOk("/v1/admin/ledger/accounts/suspense:EUR?limit=3");
  ASSERT_EQ(p1["entries"]["data"].size(), 3u);
  EXPECT_TRUE(p1["entries"]["has_more"].get<bool>());
  Json p2 = GetOk("/v1/admin/ledger/accounts/suspense:EUR?limit=3&starting_after=" +
                  p1["entries"]["next_cursor"].get<std::string>());
  ASSERT_EQ(p2["entries"]["data"].size(), 2u);
  EXPECT_EQ(p2["entries"]["data"][1]["amount"], 5);
  EXPECT_EQ(p1["balance"], -15);
}

TEST_F(ApiAdminTest, MetricsCountRequestsAndLedgerEntries) {
  PostOk("/v1/admin/ledger/entries", Move("settlement_cash:USD", "suspense:USD", 1));
  client_.Get("/v1/merchant", server_.merchant_key);
  const std::string m = client_.Get("/metrics").body;
  EXPECT_NE(m.find("tranche_http_requests_total{route=\"GET /v1/merchant\",status=\"200\"} 1"),
            std::string::npos) << m;
  EXPECT_NE(m.find("tranche_ledger_entries 1"), std::string::npos);
  EXPECT_NE(m.find("tranche_store_commit_batch_size_bucket"), std::string::npos);
  EXPECT_NE(m.find("tranche_http_request_duration_seconds_bucket{route=\"POST /v1/admin/ledger/entries\",status=\"201\""),
            std::string::npos);
}

TEST_F(ApiAdminTest, ResponsesCarryARequestId) {
  auto r = client_.Get("/healthz");
  EXPECT_TRUE(r.header("Request-Id").starts_with("req_"));
  EXPECT_NE(r.header("Request-Id"), client_.Get("/healthz").header("Request-Id"));
}

}  // namespace
}  // namespace tranche
