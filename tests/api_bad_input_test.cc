// Bad input over real HTTP: each case gets a clear error and changes nothing.
#include <gtest/gtest.h>

#include "support/test_server.h"

namespace tranche {
namespace {

using testing::HttpClient;
using testing::TestServer;
using Json = nlohmann::json;

class ApiBadInputTest : public ::testing::Test {
 protected:
  void SetUp() override { before_ = testing::CountRows(server_.platform().store()); }
  void TearDown() override { EXPECT_EQ(testing::CountRows(server_.platform().store()), before_); }

  testing::ClientResponse PostRaw(const std::string& target, const std::string& body,
                                  const std::string& content_type = "application/json") {
    testing::ClientRequest r;
    r.method = "POST";
    r.target = target;
    r.body = body;
    r.content_type = content_type;
    r.bearer = server_.operator_key;
    return client_.Send(r);
  }
  void Expect(const testing::ClientResponse& r, int status, const std::string& code,
              const std::string& param = "") {
    EXPECT_EQ(r.status, status) << r.body;
    const Json j = r.json();
    ASSERT_TRUE(j.is_object() && j.contains("error")) << r.body;
    EXPECT_EQ(j["error"]["code"], code) << r.body;
    if (!param.empty()) {
      EXPECT_EQ(j["error"]["param"], param) << r.body;
    }
  }
  static Json Line(const std::string& account, const std::string& dir, Json amount) {
    return {{"account", account}, {"direction", dir}, {"amount", std::move(amount)}};
  }
  Json Entry(Json amount_debit, Json amount_credit) {
    return {{"memo", "bad input"},
            {"lines", {Line("settlement_cash:USD", "debit", std::move(amount_debit)),
                       Line("suspense:USD", "credit", std::move(amount_credit))}}};
  }

  TestServer server_;
  HttpClient client_ = server_.Client();
  testing::StoreCounts before_;
};

constexpr char kEntries[] = "/v1/admin/ledger/entries";
constexpr char kMerchants[] = "/v1/admin/merchants";

TEST_F(ApiBadInputTest, NothingAfterTheJsonValue) {
  using namespace std::string_literals;
  const std::string valid = Entry(100, 100).dump();
  // A NUL used to end parsing silently, so the bytes after it were never looked at.
  Expect(PostRaw(kEntries, valid + "\0{\"memo\":\"smuggled\"}"s), 400, "invalid_json");
  Expect(PostRaw(kEntries, valid + "\0"s), 400, "invalid_json");
  Expect(PostRaw(kEntries, valid + valid), 400, "invalid_json");
  Expect(PostRaw(kEntries, valid + " trailing"), 400, "invalid_json");
}

TEST_F(ApiBadInputTest, ContentTypeMustBeExactlyJson) {
  const std::string valid = Entry(100, 100).dump();
  for (const char* type : {"application/jsonx", "application/json-seq", "text/json", "application/x-www-form-urlencoded"}) {
    Expect(PostRaw(kEntries, valid, type), 400, "content_type_invalid", "Content-Type");
  }
}

TEST_F(ApiBadInputTest, ControlCharactersInNamesAndReferences) {
  using namespace std::string_literals;
  for (const std::string& name : {R"(Camden\nBooks)"s, R"(Camden\u0000Books)"s, R"(\u001b[2JBooks)"s,
                                  R"(Books\u007f)"s}) {
    const std::string body = R"({"name":")" + name + R"(","country":"GB","default_currency":"GBP"})";
    Expect(PostRaw(kMerchants, body), 400, "parameter_invalid_characters", "name");
  }
  Json entry = Entry(100, 100);
  entry["lines"][0]["account"] = "settlement_cash:USD\r\nsuspense:USD";
  Expect(PostRaw(kEntries, entry.dump()), 400, "parameter_invalid_characters", "lines[0].account");
}

TEST_F(ApiBadInputTest, MalformedJson) {
  Expect(PostRaw(kEntries, "{\"memo\": \"x\", "), 400, "invalid_json");
  Expect(PostRaw(kEntries, "[1,2,3]"), 400, "invalid_json");
  Expect(PostRaw(kEntries, "null"), 400, "invalid_json");
  Expect(PostRaw(kEntries, "{\"memo\":\"\xc3\x28\"}"), 400, "invalid_json");
  Expect(PostRaw(kEntries, std::string(1000, '[')), 400, "json_too_deep");
  Expect(PostRaw(kEntries, "{\"a\":" + std::string(100, '[') + std::string(100, ']') + "}"), 400,
         "json_too_deep");
  Expect(PostRaw(kEntries, "memo=x", "application/x-www-form-urlencoded"), 400,
         "content_type_invalid");
}

TEST_F(ApiBadInputTest, WrongTypes) {
  Expect(client_.Post(kEntries, Entry("100", 100), server_.operator_key), 400,
         "parameter_invalid_type", "lines[0].amount");
  Expect(client_.Post(kEntries, Entry(100.5, 100.5), server_.operator_key), 400,
         "parameter_invalid_type", "lines[0].amount");
  Expect(client_.Post(kEntries, Entry(true, 1), server_.operator_key), 400,
         "parameter_invalid_type", "lines[0].amount");
  Json lines_not_array = {{"memo", "x"}, {"lines", "all of them"}};
  Expect(client_.Post(kEntries, lines_not_array, server_.operator_key), 400,
         "parameter_invalid_type", "lines");
  Json line_not_object = {{"memo", "x"}, {"lines", {1, 2}}};
  Expect(client_.Post(kEntries, line_not_object, server_.operator_key), 400,
         "parameter_invalid_type", "lines[0]");
  Expect(client_.Post(kMerchants, {{"name", 42}, {"country", "US"}, {"default_currency", "USD"}},
                      server_.operator_key),
         400, "parameter_invalid_type", "name");
}

TEST_F(ApiBadInputTest, MissingAndUnknownFields) {
  Expect(client_.Post(kEntries, {{"lines", Entry(1, 1)["lines"]}}, server_.operator_key), 400,
         "parameter_missing", "memo");
  Expect(client_.Post(kEntries, {{"memo", "x"}}, server_.operator_key), 400, "parameter_missing",
         "lines");
  Expect(client_.Post(kMerchants, {{"country", "US"}, {"default_currency", "USD"}},
                      server_.operator_key),
         400, "parameter_missing", "name");
  Json extra = Entry(1, 1);
  extra["amount_usd"] = 1;
  Expect(client_.Post(kEntries, extra, server_.operator_key), 400, "parameter_unknown",
         "amount_usd");
}

TEST_F(ApiBadInputTest, NegativeZeroAndOverflowingAmounts) {
  Expect(client_.Post(kEntries, Entry(-100, -100), server_.operator_key), 400,
         "parameter_out_of_range", "lines[0].amount");
  Expect(client_.Post(kEntries, Entry(0, 0), server_.operator_key), 400, "parameter_out_of_range");
  Expect(PostRaw(kEntries, R"({"memo":"x","lines":[{"account":"settlement_cash:USD","direction":"debit","amount":99999999999999999999999},{"account":"suspense:USD","direction":"credit","amount":1}]})"),
         400, "parameter_invalid_type", "lines[0].amount");
  Expect(PostRaw(kEntries, R"({"memo":"x","lines":[{"account":"settlement_cash:USD","direction":"debit","amount":9223372036854775807},{"account":"suspense:USD","direction":"credit","amount":9223372036854775807}]})"),
         400, "parameter_out_of_range", "lines[0].amount");
  Expect(PostRaw(kEntries, R"({"memo":"x","lines":[{"account":"settlement_cash:USD","direction":"debit","amount":18446744073709551615},{"account":"suspense:USD","direction":"credit","amount":1}]})"),
         400, "parameter_out_of_range", "lines[0].amount");
  Expect(client_.Post(kEntries, Entry(100, 99), server_.operator_key), 400, "entry_unbalanced");
  Expect(client_.Post(kMerchants, {{"name", "x"}, {"country", "US"}, {"default_currency", "USD"},
                                   {"pricing", {{"mdr_bps", -5}}}},
                      server_.operator_key),
         400, "parameter_out_of_range", "pricing.mdr_bps");
}

TEST_F(ApiBadInputTest, MoneyMovingPostWithoutIdempotencyKey) {
  Expect(client_.Post(kEntries, Entry(100, 100), server_.operator_key), 400,
         "idempotency_key_required", "Idempotency-Key");
}

TEST_F(ApiBadInputTest, UnknownCurrencyAndAccount) {
  Expect(client_.Post(kMerchants, {{"name", "x"}, {"country", "US"}, {"default_currency", "XXX"}},
                      server_.operator_key),
         400, "unsupported_currency", "default_currency");
  Json e = {{"memo", "x"},
            {"lines", {Line("settlement_cash:XXX", "debit", 1), Line("suspense:XXX", "credit", 1)}}};
  Expect(client_.Post(kEntries, e, server_.operator_key), 400, "invalid_account", "lines[0].account");
  e["lines"] = {Line("petty_cash:USD", "debit", 1), Line("suspense:USD", "credit", 1)};
  Expect(client_.Post(kEntries, e, server_.operator_key), 400, "invalid_account");
  e["lines"] = {Line("merchant_payable:USD:mer_nope", "debit", 1), Line("suspense:USD", "credit", 1)};
  Expect(client_.Post(kEntries, e, server_.operator_key), 400, "invalid_account");
  e["lines"] = {Line("settlement_cash:USD", "up", 1), Line("suspense:USD", "credit", 1)};
  Expect(client_.Post(kEntries, e, server_.operator_key), 400, "parameter_invalid", "lines[0].direction");
}

TEST_F(ApiBadInputTest, LimitsOnStringsListsAndBodies) {
  Expect(client_.Post(kMerchants, {{"name", std::string(201, 'n')}, {"country", "US"},
                                   {"default_currency", "USD"}},
                      server_.operator_key),
         400, "string_too_long", "name");
  Json many = {{"memo", "x"}, {"lines", Json::array()}};
  for (int i = 0; i < 65; ++i) many["lines"].push_back(Line("suspense:USD", "debit", 1));
  Expect(client_.Post(kEntries, many, server_.operator_key), 400, "list_too_long", "lines");
  const std::string huge = "{\"memo\":\"" + std::string(2 << 20, 'x') + "\"}";
  auto r = PostRaw(kEntries, huge);
  EXPECT_EQ(r.status, 413) << r.body.substr(0, 200);
  EXPECT_EQ(r.json()["error"]["code"], "body_too_large");
}

TEST_F(ApiBadInputTest, UnknownIdsAndRoutes) {
  Expect(client_.Get("/v1/admin/merchants/mer_01JDQ3V6W4X8Y2Z0ABCDEFGHJK", server_.operator_key),
         404, "merchant_not_found");
  Expect(client_.Get("/v1/admin/merchants/%27%20OR%201%3D1", server_.operator_key), 404,
         "merchant_not_found");
  Expect(client_.Get("/v1/admin/ledger/entries/je_01JDQ3V6W4X8Y2Z0ABCDEFGHJK", server_.operator_key),
         404, "entry_not_found");
  Expect(client_.Get("/v1/admin/ledger/accounts/suspense:USD", server_.operator_key), 404,
         "account_not_found");
  Expect(client_.Get("/v1/admin/ledger/accounts/nonsense", server_.operator_key), 400,
         "invalid_account");
  Expect(client_.Post("/v1/admin/merchants/mer_01JDQ3V6W4X8Y2Z0ABCDEFGHJK/keys", Json::object(),
                      server_.operator_key),
         404, "merchant_not_found");
  Expect(client_.Get("/v1/nothing-here", server_.operator_key), 404, "route_not_found");
  testing::ClientRequest del;
  del.method = "DELETE";
  del.target = "/v1/merchant";
  del.bearer = server_.merchant_key;
  Expect(client_.Send(del), 405, "method_not_allowed");
  Expect(client_.Get("/v1/admin/merchants?limit=1000", server_.operator_key), 400,
         "parameter_out_of_range", "limit");
}

TEST_F(ApiBadInputTest, MalformedHttpGetsA400AndTheServerStaysUp) {
  const std::string raw = client_.SendRaw("GARBAGE / NOT-HTTP\r\n\r\n");
  EXPECT_NE(raw.find("400"), std::string::npos) << raw;
  const std::string headers = client_.SendRaw("GET /healthz HTTP/1.1\r\nX: " +
                                              std::string(20000, 'h') + "\r\n\r\n");
  EXPECT_NE(headers.find("431"), std::string::npos) << headers.substr(0, 200);
  EXPECT_EQ(client_.Get("/healthz").status, 200);
}

}  // namespace
}  // namespace tranche
