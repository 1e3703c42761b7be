// Customer contacts people handled outside the assistant, over HTTP on a real store: an
// agent logs a call and an email, lists them, and the automation scorecard counts them
// as customer_contact work for people. Bad input is refused with the field named and
// nothing stored; only operators may log or read them.
#include <limits>

#include "support/scenario.h"

namespace tranche {
namespace {

using Json = nlohmann::json;
using testing::Scenario;

class ContactsApiTest : public ::testing::Test {
 protected:
  testing::ClientResponse Log(const Json& body, const std::string& key) {
    return s_.client().Post("/v1/admin/contacts", body, key);
  }
  std::size_t Logged() {
    auto r = s_.client().Get("/v1/admin/contacts?limit=100", s_.okey());
    EXPECT_EQ(r.status, 200) << r.body;
    return r.json()["data"].size();
  }

  Scenario s_;
};

TEST_F(ContactsApiTest, AgentsLogTheContactsTheyHandledAndTheScorecardCountsThem) {
  const Scenario::Purchase p = s_.Buy("eva@example.com", 8000);
  const Instant now = s_.clock().Now();
  auto call = Log({{"channel", "phone"}, {"reason", "next_payment"}, {"consumer_id", p.consumer_id},
                   {"handled_seconds", 300}, {"note", "read out the schedule"}},
                  s_.okey());
  ASSERT_EQ(call.status, 201) << call.body;
  const Json c = call.json();
  EXPECT_EQ(c["object"], "customer_contact");
  EXPECT_EQ(c["channel"], "phone");
  EXPECT_EQ(c["consumer_id"], p.consumer_id);
  EXPECT_EQ(c["handled_seconds"], 300);
  EXPECT_FALSE(c["handled_by"].get<std::string>().empty());
  // Logged as it ends: it started when the agent picked up.
  EXPECT_EQ(c["started_at"], FormatRfc3339(now - std::chrono::seconds(300)));
  auto mail = Log({{"channel", "email"}, {"reason", "how_it_works"}, {"handled_seconds", 120},
                   {"started_at", FormatRfc3339(now - std::chrono::hours(2))}},
                  s_.okey());
  ASSERT_EQ(mail.status, 201) << mail.body;
  EXPECT_TRUE(mail.json()["consumer_id"].is_null());

  // Yesterday's call, logged late: outside today's scorecard.
  auto late = Log({{"channel", "phone"}, {"reason", "payment_failed"}, {"handled_seconds", 60},
                   {"started_at", FormatRfc3339(now - std::chrono::hours(30))},
                   {"note", "card 4111 1111 1111 1111 kept failing"}},
                  s_.okey());
  ASSERT_EQ(late.status, 201) << late.body;
  EXPECT_EQ(late.json()["note"].get<std::string>().find("4111 1111"), std::string::npos) << late.body;

  auto page = s_.client().Get("/v1/admin/contacts?limit=1", s_.okey());
  ASSERT_EQ(page.status, 200) << page.body;
  ASSERT_EQ(page.json()["data"].size(), 1u);
  EXPECT_EQ(page.json()["data"][0]["id"], c["id"]);
  EXPECT_TRUE(page.json()["has_more"].get<bool>());
  EXPECT_EQ(Logged(), 3u);

  auto r = s_.client().Get("/v1/admin/automation?since=" + FormatDate(s_.today()) + "&until=" + FormatDate(s_.today()),
                           s_.okey());
  ASSERT_EQ(r.status, 200) << r.body;
  const Json card = r.json();
  bool found = false;
  for (const Json& t : card["types"]) {
    if (t["type"] != "customer_contact") continue;
    found = true;
    EXPECT_EQ(t["items"], 2);
    EXPECT_EQ(t["automated"], 0);
    EXPECT_EQ(t["team"], "customer service");
  }
  EXPECT_TRUE(found) << r.body.substr(0, 600);
}

TEST_F(ContactsApiTest, BadInputAndOtherCallersAreRefusedAndNothingIsStored) {
  const Instant now = s_.clock().Now();
  const Json good = {{"channel", "phone"}, {"reason", "late_fee"}, {"handled_seconds", 60}};
  const auto with = [&](const std::string& field, const Json& value) {
    Json body = good;
    body[field] = value;
    return body;
  };
  struct Bad {
    Json body;
    std::string param;
    std::string code;
  };
  const std::vector<Bad> bad = {
      {with("channel", "fax"), "channel", "invalid_channel"},
      {with("channel", 1), "channel", "parameter_invalid_type"},
      {with("reason", "Late Fee"), "reason", "invalid_reason"},
      {with("reason", std::string(49, 'a')), "reason", "string_too_long"},
      {with("handled_seconds", 0), "handled_seconds", "parameter_out_of_range"},
      {with("handled_seconds", 14'401), "handled_seconds", "parameter_out_of_range"},
      {with("handled_seconds", std::numeric_limits<std::int64_t>::max()), "handled_seconds", "parameter_out_of_range"},
      {with("handled_seconds", "60"), "handled_seconds", "parameter_invalid_type"},
      {with("handled_seconds", 1e12), "handled_seconds", "parameter_invalid_type"},
      {with("started_at", FormatRfc3339(now + std::chrono::minutes(5))), "started_at", "invalid_started_at"},
      {with("started_at", FormatRfc3339(now - std::chrono::seconds(30))), "started_at", "invalid_started_at"},  // not over
      {with("started_at", FormatRfc3339(now - std::chrono::hours(8 * 24))), "started_at", "invalid_started_at"},
      {with("started_at", "yesterday"), "started_at", "invalid_started_at"},
      {with("consumer_id", "mer_01JDQ3V6W4X8Y2Z0ABCDEFGHJK"), "consumer_id", "invalid_id"},
      {with("note", std::string(501, 'x')), "note", "string_too_long"},
      {with("transcript", "hello"), "transcript", "parameter_unknown"},
  };
  for (const Bad& b : bad) {
    auto r = Log(b.body, s_.okey());
    EXPECT_EQ(r.status, 400) << b.body.dump() << " " << r.body;
    EXPECT_EQ(r.json()["error"]["param"], b.param) << r.body;
    EXPECT_EQ(r.json()["error"]["code"], b.code) << r.body;
  }
  auto unknown = Log(with("consumer_id", "con_01JDQ3V6W4X8Y2Z0ABCDEFGHJK"), s_.okey());
  EXPECT_EQ(unknown.status, 404) << unknown.body;
  EXPECT_EQ(unknown.json()["error"]["code"], "consumer_not_found");
  testing::ClientRequest malformed;
  malformed.method = "POST";
  malformed.target = "/v1/admin/contacts";
  malformed.body = "{\"channel\":";
  malformed.bearer = s_.okey();
  EXPECT_EQ(s_.client().Send(malformed).status, 400);
  EXPECT_EQ(Log(good, s_.mkey()).status, 403);
  EXPECT_EQ(Log(good, "").status, 401);
  EXPECT_EQ(s_.client().Get("/v1/admin/contacts", s_.mkey()).status, 403);
  // A consumer can neither log a contact nor read anyone's, their own included.
  const Scenario::Purchase p = s_.Buy("ida@example.com", 8000);
  const std::string consumer = s_.Login(p.email);
  EXPECT_EQ(Log(with("consumer_id", p.consumer_id), consumer).status, 403);
  EXPECT_EQ(s_.client().Get("/v1/admin/contacts", consumer).status, 403);
  EXPECT_EQ(s_.client().Get("/v1/admin/contacts?limit=0", s_.okey()).status, 400);
  EXPECT_EQ(Logged(), 0u);
  EXPECT_EQ(Log(good, s_.okey()).status, 201);
  EXPECT_EQ(Logged(), 1u);
}

}  // namespace
}  // namespace tranche
