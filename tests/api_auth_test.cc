// Authentication and authorization over real HTTP.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "support/test_server.h"

namespace tranche {
namespace {

using testing::HttpClient;
using testing::TestServer;

class ApiAuthTest : public ::testing::Test {
 protected:
  TestServer server_;
  HttpClient client_ = server_.Client();
};

void ExpectError(const testing::ClientResponse& r, int status, const std::string& code) {
  EXPECT_EQ(r.status, status) << r.body;
  const auto j = r.json();
  ASSERT_TRUE(j.contains("error")) << r.body;
  EXPECT_EQ(j["error"]["code"], code) << r.body;
  EXPECT_TRUE(j["error"]["message"].is_string());
  EXPECT_TRUE(j["error"]["type"].is_string());
}

TEST_F(ApiAuthTest, NoKeyIs401) {
  ExpectError(client_.Get("/v1/merchant"), 401, "unauthenticated");
  ExpectError(client_.Get("/v1/admin/merchants"), 401, "unauthenticated");
  ExpectError(client_.Post("/v1/admin/merchants", {{"name", "x"}}, ""), 401, "unauthenticated");
}

TEST_F(ApiAuthTest, WrongKeyIs401) {
  ExpectError(client_.Get("/v1/merchant", "sk_" + std::string(48, '0')), 401, "unauthenticated");
  ExpectError(client_.Get("/v1/merchant", "not-a-key"), 401, "unauthenticated");
  ExpectError(client_.Get("/v1/merchant", server_.merchant_key + "x"), 401, "unauthenticated");
  ExpectError(client_.Get("/v1/merchant", std::string(5000, 'k')), 401, "unauthenticated");
  testing::ClientRequest basic;
  basic.target = "/v1/merchant";
  basic.extra_headers = {{"Authorization", "Basic " + server_.merchant_key}};
  ExpectError(client_.Send(basic), 401, "unauthenticated");
}

TEST_F(ApiAuthTest, MerchantKeyOnOperatorRouteIs403) {
  ExpectError(client_.Get("/v1/admin/merchants", server_.merchant_key), 403, "forbidden");
  ExpectError(client_.Get("/v1/admin/ledger/trial-balance", server_.merchant_key), 403, "forbidden");
  const auto before = testing::CountRows(server_.platform().store());
  ExpectError(client_.Post("/v1/admin/merchants",
                           {{"name", "Sneaky"}, {"country", "US"}, {"default_currency", "USD"}},
                           server_.merchant_key),
              403, "forbidden");
  EXPECT_EQ(testing::CountRows(server_.platform().store()), before);
}

TEST_F(ApiAuthTest, OperatorKeyOnMerchantRouteIs403) {
  ExpectError(client_.Get("/v1/merchant", server_.operator_key), 403, "forbidden");
}

TEST_F(ApiAuthTest, EachMerchantSeesOnlyItself) {
  auto mine = client_.Get("/v1/merchant", server_.merchant_key);
  ASSERT_EQ(mine.status, 200);
  EXPECT_EQ(mine.json()["id"], server_.merchant_id);
  auto theirs = client_.Get("/v1/merchant", server_.other_merchant_key);
  ASSERT_EQ(theirs.status, 200);
  EXPECT_EQ(theirs.json()["id"], server_.other_merchant_id);
}

TEST_F(ApiAuthTest, RotationRevokesTheOldKeyAtOnce) {
  ASSERT_EQ(client_.Get("/v1/merchant", server_.merchant_key).status, 200);  // now cached
  auto rotated = client_.Post("/v1/admin/merchants/" + server_.merchant_id + "/keys",
                              nlohmann::json::object(), server_.operator_key);
  ASSERT_EQ(rotated.status, 201) << rotated.body;
  const std::string new_key = rotated.json()["secret"];
  EXPECT_NE(new_key, server_.merchant_key);
  ExpectError(client_.Get("/v1/merchant", server_.merchant_key), 401, "unauthenticated");
  EXPECT_EQ(client_.Get("/v1/merchant", new_key).status, 200);
  // The other merchant is untouched.
  EXPECT_EQ(client_.Get("/v1/merchant", server_.other_merchant_key).status, 200);
}

TEST_F(ApiAuthTest, PublicEndpointsNeedNoKey) {
  EXPECT_EQ(client_.Get("/healthz").status, 200);
  auto metrics = client_.Get("/metrics");
  EXPECT_EQ(metrics.status, 200);
  EXPECT_NE(metrics.header("Content-Type").find("text/plain"), std::string::npos);
  EXPECT_EQ(client_.Get("/v1/openapi.json").status, 200);
}

TEST_F(ApiAuthTest, SecretsAreStoredOnlyAsHashes) {
  // Look for any secret's bytes anywhere in the database files.
  std::string everything;
  for (const auto& f : std::filesystem::directory_iterator(server_.data_dir())) {
    std::ifstream in(f.path(), std::ios::binary);
    everything.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  ASSERT_FALSE(everything.empty());
  for (const auto& secret : {server_.merchant_key, server_.operator_key}) {
    EXPECT_EQ(everything.find(secret.substr(3)), std::string::npos);
  }
}

}  // namespace
}  // namespace tranche
