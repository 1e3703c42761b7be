// Checkout sessions over real HTTP: creation with offers, validation, isolation
// between merchants, expiry.
#include <gtest/gtest.h>

#include "support/test_server.h"

namespace tranche {
namespace {

using Json = nlohmann::json;

Json Session(std::int64_t amount = 25998) {
  return {{"currency", "USD"},
          {"amount", amount},
          {"merchant_reference", "order-1042"},
          {"order_lines", {{{"name", "Trail shoes"}, {"quantity", 2}, {"unit_price", 9999},
                            {"total_amount", 19998}},
                           {{"name", "Socks"}, {"quantity", 3}, {"unit_price", (amount - 19998) / 3},
                            {"total_amount", amount - 19998}}}},
          {"consumer", {{"email", " Ava.Larsson@Example.com "}}}};
}

TEST(ApiCheckoutTest, CreatesASessionWithOffersAndReadsItBack) {
  SimulatedClock clock(*ParseRfc3339("2026-11-26T10:00:00Z"));
  testing::TestServer server({&clock, "off"});
  auto client = server.Client();
  auto created = client.Post("/v1/checkout/sessions", Session(), server.merchant_key, "cs-1");
  ASSERT_EQ(created.status, 201) << created.body;
  const Json s = created.json();
  EXPECT_TRUE(s["id"].get<std::string>().starts_with("cs_"));
  EXPECT_TRUE(s["client_token"].get<std::string>().starts_with("ct_"));
  EXPECT_EQ(s["status"], "open");
  EXPECT_EQ(s["expires_at"], "2026-11-28T10:00:00.000000Z");
  EXPECT_EQ(s["consumer"]["email"], "ava.larsson@example.com");
  ASSERT_EQ(s["offers"].size(), 5u);
  const Json& p4 = s["offers"][0];
  EXPECT_EQ(p4["product"], "pay_in_4");
  ASSERT_EQ(p4["installments"].size(), 4u);
  EXPECT_EQ(p4["installments"][0]["amount"], 6501);  // 259.98 / 4: both leftover cents go to the first
  EXPECT_EQ(p4["installments"][1]["amount"], 6499);
  EXPECT_EQ(p4["installments"][0]["due_date"], "2026-11-26");
  EXPECT_EQ(p4["installments"][1]["due_date"], "2026-12-10");
  const Json& f12 = s["offers"][3];
  EXPECT_EQ(f12["product"], "financing_12");
  // Financing states the merchant's APR range and previews its top.
  EXPECT_EQ(f12["min_apr_bps"], 0);
  EXPECT_EQ(f12["max_apr_bps"], 3599);
  EXPECT_EQ(f12["apr_bps"], 3599);
  EXPECT_EQ(f12["total_of_payments"].get<std::int64_t>(),
            f12["amount_financed"].get<std::int64_t>() + f12["finance_charge"].get<std::int64_t>());

  // A replay gives the same session and the same client token, derived again: the
  // store keeps only its hash, not even in the stored reply.
  auto replay = client.Post("/v1/checkout/sessions", Session(), server.merchant_key, "cs-1");
  EXPECT_EQ(replay.header("Idempotent-Replayed"), "true");
  EXPECT_EQ(replay.json()["id"], s["id"]);
  EXPECT_EQ(replay.json()["client_token"], s["client_token"]);
  ASSERT_TRUE(server.platform().store().Read([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(auto stored, tx.idempotency().Find(server.merchant_id, "cs-1", clock.Now() - std::chrono::hours(1)));
    if (!stored) return Status::Internal("the creation's reply is not stored");
    EXPECT_EQ(stored->response_body.find(s["client_token"].get<std::string>()), std::string::npos);
    return Status::Ok();
  }).ok());

  auto read = client.Get("/v1/checkout/sessions/" + s["id"].get<std::string>(), server.merchant_key);
  ASSERT_EQ(read.status, 200);
  EXPECT_EQ(read.json()["offers"], s["offers"]);
  EXPECT_FALSE(read.json().contains("client_token"));

  clock.Advance(std::chrono::hours(48));
  auto expired = client.Get("/v1/checkout/sessions/" + s["id"].get<std::string>(), server.merchant_key);
  EXPECT_EQ(expired.json()["status"], "expired");
  EXPECT_TRUE(expired.json()["offers"].empty());
}

TEST(ApiCheckoutTest, OtherMerchantsAndOperatorsCannotSeeIt) {
  testing::TestServer server;
  auto client = server.Client();
  auto created = client.Post("/v1/checkout/sessions", Session(), server.merchant_key, "cs-2");
  ASSERT_EQ(created.status, 201);
  const std::string path = "/v1/checkout/sessions/" + created.json()["id"].get<std::string>();
  auto other = client.Get(path, server.other_merchant_key);
  EXPECT_EQ(other.status, 404);
  EXPECT_EQ(other.json()["error"]["code"], "session_not_found");
  EXPECT_EQ(client.Get(path, server.operator_key).status, 403);
  EXPECT_EQ(client.Get(path).status, 401);
}

TEST(ApiCheckoutTest, RefusesLinesThatDoNotAddUpAndOtherBadInput) {
  testing::TestServer server;
  auto client = server.Client();
  const auto expect = [&](const Json& body, const std::string& code, const std::string& param) {
    auto r = client.Post("/v1/checkout/sessions", body, server.merchant_key);
    EXPECT_EQ(r.status, 400) << r.body;
    EXPECT_EQ(r.json()["error"]["code"], code) << r.body;
    EXPECT_EQ(r.json()["error"]["param"], param) << r.body;
  };
  Json b = Session();
  b["amount"] = 25999;
  expect(b, "lines_do_not_add_up", "order_lines");
  b = Session();
  b["order_lines"][0]["total_amount"] = 19997;
  b["amount"] = 25997;
  expect(b, "line_total_mismatch", "order_lines[0].total_amount");
  b = Session();
  b["order_lines"][1]["quantity"] = -1;
  expect(b, "parameter_out_of_range", "order_lines[1].quantity");
  b = Session();
  b["currency"] = "NOK";
  expect(b, "unsupported_currency", "currency");
  b = Session();
  b["consumer"]["email"] = "not-an-email";
  expect(b, "invalid_email", "consumer.email");
  b = Session();
  b["order_lines"] = Json::array();
  expect(b, "list_empty", "order_lines");
  b = Session();
  b.erase("merchant_reference");
  expect(b, "parameter_missing", "merchant_reference");
  EXPECT_EQ(client.Post("/v1/checkout/sessions", Session(), server.operator_key).status, 403);
}

}  // namespace
}  // namespace tranche
