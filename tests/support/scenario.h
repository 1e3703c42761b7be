// A tranche platform on a simulated clock for servicing tests: buying through the real
// checkout, consumer logins, moving the clock (which closes business dates), and the
// books-agree check every servicing test ends with.
#pragma once

#include <gtest/gtest.h>

#include <map>
#include <optional>

#include "ledger/posting.h"
#include "servicing/servicing.h"
#include "support/test_server.h"

namespace tranche::testing {

using Json = nlohmann::json;

class Scenario {
 public:
  // `options` may set anything but the clock, which is the scenario's.
  explicit Scenario(TestServerOptions options = {})
      : clock_(*ParseRfc3339("2026-01-05T10:00:00Z")),
        server_([this, options]() mutable {
          options.adjustable_clock = &clock_;
          return options;
        }()),
        client_(server_.Client()) {}

  TestServer& server() { return server_; }
  HttpClient& client() { return client_; }
  // Moving it directly closes nothing (Advance does, through the API).
  SimulatedClock& clock() { return clock_; }
  const std::string& mkey() const { return server_.merchant_key; }
  const std::string& okey() const { return server_.operator_key; }
  Date today() const { return DateOf(clock_.Now()); }

  struct Purchase {
    std::string order_id;
    std::string plan_id;
    std::string consumer_id;
    std::string email;
  };

  // A checkout session and its authorization: the authorization's reply.
  Json Authorize(const std::string& email, std::int64_t amount, const std::string& product = "pay_in_4") {
    const Json session_body = {
        {"currency", "USD"}, {"amount", amount}, {"merchant_reference", "ref-" + std::to_string(++n_)},
        {"order_lines", {{{"name", "Bike"}, {"quantity", 1}, {"unit_price", amount}, {"total_amount", amount}}}}};
    auto s = client_.Post("/v1/checkout/sessions", session_body, mkey());
    EXPECT_EQ(s.status, 201) << s.body;
    const Json person = Applicant(email);
    auto a = client_.Post("/v1/checkout/sessions/" + s.json()["id"].get<std::string>() + "/authorize",
                          {{"product", product}, {"consumer", person}}, s.json()["client_token"].get<std::string>());
    EXPECT_EQ(a.status, 200) << a.body;
    return a.json();
  }

  // Session, approval, order and a full capture; nothing when the application is
  // declined.
  std::optional<Purchase> TryBuy(const std::string& email, std::int64_t amount, const std::string& product) {
    const Json a = Authorize(email, amount, product);
    if (a["status"] != "approved") return std::nullopt;
    auto o = client_.Post("/v1/orders", {{"authorization_id", a["authorization_id"]},
                                         {"merchant_reference", "order-" + std::to_string(++n_)}}, mkey());
    EXPECT_EQ(o.status, 201) << o.body;
    const std::string order_id = o.json()["id"];
    auto c = client_.Post("/v1/orders/" + order_id + "/captures", {{"amount", amount}}, mkey());
    EXPECT_EQ(c.status, 201) << c.body;
    return Purchase{order_id, c.json()["plan"]["id"], o.json()["consumer_id"], email};
  }

  Purchase Buy(const std::string& email, std::int64_t amount, const std::string& product = "pay_in_4") {
    auto p = TryBuy(email, amount, product);
    EXPECT_TRUE(p.has_value()) << email << " was declined";
    return p.value_or(Purchase{});
  }

  // A consumer token, logging in again after the clock moved (tokens last an hour;
  // scenarios move days at a time, and login codes are limited per address and consumer).
  std::string Login(const std::string& email) {
    auto cached = tokens_.find(email);
    if (cached != tokens_.end()) return cached->second;
    EXPECT_EQ(client_.Post("/v1/consumer/login", {{"email", email}}, "").status, 202);
    const Json codes = Notifications(ConsumerOf(email), "login_code");
    if (codes.empty()) {
      ADD_FAILURE() << "no login code for " << email;
      return "";
    }
    const std::string text = codes.back()["body"];
    const std::string code = text.substr(text.find("is ") + 3, 6);
    auto v = client_.Post("/v1/consumer/login/verify", {{"email", email}, {"code", code}}, "");
    EXPECT_EQ(v.status, 200) << v.body;
    if (v.status != 200) return "";
    return tokens_[email] = v.json()["token"].get<std::string>();
  }

  void SetProfile(const std::string& email, const std::string& profile) {
    ClientRequest r;
    r.method = "PUT";
    r.target = "/v1/me/payment_method";
    r.body = Json{{"type", "card"}, {"last4", "1881"}, {"profile", profile}}.dump();
    r.bearer = Login(email);
    auto resp = client_.Send(r);
    ASSERT_EQ(resp.status, 200) << resp.body;
    EXPECT_EQ(resp.json()["profile"], profile);
  }

  // Saves `source` as the fraud rules, as an operator.
  void SaveFraudRules(const std::string& source) {
    ClientRequest r;
    r.method = "PUT";
    r.target = "/v1/admin/fraud/rules";
    r.body = Json{{"source", source}}.dump();
    r.bearer = okey();
    auto resp = client_.Send(r);
    ASSERT_EQ(resp.status, 200) << resp.body;
  }

  // Puts the scenario merchant's own name on the restricted list, as an operator, which
  // sends the merchant back to review. Returns the name.
  std::string RestrictMerchantName() {
    const std::string name = client_.Get("/v1/merchant", mkey()).json()["name"];
    ClientRequest r;
    r.method = "PUT";
    r.target = "/v1/admin/fraud/lists/restricted_merchant_names";
    r.body = Json{{"entries", {name}}}.dump();
    r.bearer = okey();
    auto resp = client_.Send(r);
    EXPECT_EQ(resp.status, 200) << resp.body;
    return name;
  }

  Json Advance(int days) {
    tokens_.clear();
    auto r = client_.Post("/v1/admin/clock/advance", {{"days", days}}, okey());
    EXPECT_EQ(r.status, 200) << r.body;
    return r.json();
  }

  // Advances until the clock's date is `date` (every date before it closed).
  void AdvanceTo(const std::string& date) {
    const int days = DaysBetween(today(), *ParseDate(date));
    ASSERT_GT(days, 0);
    Advance(days);
  }

  lending::Plan Plan(const std::string& id) {
    std::optional<lending::Plan> p;
    EXPECT_TRUE(server_.platform().store().Read([&](store::Tx& tx) -> Status {
      TRANCHE_ASSIGN_OR_RETURN(p, tx.plans().Find(id));
      return Status::Ok();
    }).ok());
    EXPECT_TRUE(p.has_value());
    return *p;
  }

  std::int64_t Balance(const std::string& account_id) {
    auto r = client_.Get("/v1/admin/ledger/accounts/" + account_id, okey());
    if (r.status == 404) return 0;
    EXPECT_EQ(r.status, 200) << r.body;
    return r.json()["balance"].get<std::int64_t>();
  }
  std::int64_t Receivable(const std::string& consumer) { return Balance("consumer_receivable:USD:" + consumer); }

  std::string ConsumerOf(const std::string& email) {
    std::string id;
    EXPECT_TRUE(server_.platform().store().Read([&](store::Tx& tx) -> Status {
      TRANCHE_ASSIGN_OR_RETURN(auto c, tx.consumers().FindByEmail(email));
      if (c) id = c->id;
      return Status::Ok();
    }).ok());
    return id;
  }

  // The consumer's notifications of `kind`, oldest first.
  Json Notifications(const std::string& consumer, const std::string& kind) {
    auto r = client_.Get("/v1/admin/notifications?limit=100&consumer_id=" + consumer, okey());
    EXPECT_EQ(r.status, 200) << r.body << consumer;
    Json out = Json::array();
    const Json page = r.json();
    for (const Json& n : page["data"]) {
      if (n["kind"] == kind) out.push_back(n);
    }
    return out;
  }

  // How many of the merchant's events have each type.
  std::map<std::string, int> EventCounts() {
    std::map<std::string, int> counts;
    std::string after;
    while (true) {
      auto r = client_.Get("/v1/events?limit=100" + (after.empty() ? "" : "&starting_after=" + after), mkey());
      EXPECT_EQ(r.status, 200) << r.body;
      const Json page = r.json();
      for (const Json& e : page["data"]) counts[e["type"]]++;
      if (!page["has_more"].get<bool>()) break;
      after = page["next_cursor"];
    }
    return counts;
  }

  // The ledger balances, and every consumer's receivable is what their active plans
  // still owe in principal and fees.
  void ExpectBooksAgree(const std::vector<std::string>& plan_ids) {
    std::map<std::string, std::int64_t> owed;
    std::int64_t accrued_unpaid = 0;
    for (const std::string& id : plan_ids) {
      const lending::Plan p = Plan(id);
      owed.try_emplace(p.consumer_id, 0);  // every consumer checked, even with nothing owed
      if (p.status != lending::PlanStatus::kActive) continue;
      owed[p.consumer_id] += lending::OutstandingPrincipal(p).minor() + lending::FeesUnpaid(p).minor();
      accrued_unpaid += p.interest_accrued.minor() - lending::InterestPaid(p).minor();
    }
    for (const auto& [consumer, minor] : owed) EXPECT_EQ(Receivable(consumer), minor) << consumer;
    EXPECT_EQ(Balance("accrued_interest:USD"), accrued_unpaid);
    ASSERT_TRUE(server_.platform().store().Read([&](store::Tx& tx) -> Status {
      TRANCHE_ASSIGN_OR_RETURN(auto report, ledger::Verify(tx.ledger()));
      EXPECT_TRUE(report.ok());
      return Status::Ok();
    }).ok());
  }

 private:
  SimulatedClock clock_;
  TestServer server_;
  HttpClient client_;
  int n_ = 0;
  std::map<std::string, std::string> tokens_;
};

}  // namespace tranche::testing
