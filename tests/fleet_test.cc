// A fleet: three `tranche serve` processes on one PostgreSQL database. Clients spread
// ledger postings (with idempotency keys), checkouts and part payments of their plans
// across all three — each step on a different node — while one node is SIGKILLed and
// restarted again and again. Afterwards: every acknowledged write is there once, a
// retried key never posts twice, every capture and every part payment is there once,
// the ledger verifies, each business date is closed once, every captured order's webhook
// event reaches the merchant's receiver under one event id (each node delivers what it
// claims; only a delivery a killed node had claimed goes out twice), and a key rotated on
// one node stops working on another at once (the nodes' LISTEN/NOTIFY). Runs only in the
// `.postgres` registration of the suite.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>

#include <atomic>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "support/process.h"
#include "support/test_server.h"
#include "support/webhook_receiver.h"

namespace tranche {
namespace {

using Json = nlohmann::json;
using testing::FreePort;
using testing::HttpClient;
using testing::ReadFile;
using testing::RunToExit;
using testing::Spawn;
using testing::WaitHealthy;

constexpr int kNodes = 3;
constexpr int kKills = 3;

// The secret a `tranche ... create` command printed after "key ".
std::string KeyFrom(const std::string& out) {
  const std::size_t k = out.find("\nkey ");
  if (k == std::string::npos) return "";
  const std::size_t start = k + 5;
  return out.substr(start, out.find_first_of(" \n", start) - start);
}

std::string IdFrom(const std::string& out, const std::string& word) {
  const std::size_t k = out.find(word + " ");
  if (k == std::string::npos) return "";
  const std::size_t start = k + word.size() + 1;
  return out.substr(start, out.find_first_of(" \n", start) - start);
}

Json Entry(std::int64_t amount) {
  return {{"memo", "fleet test"},
          {"lines", {{{"account", "settlement_cash:USD"}, {"direction", "debit"}, {"amount", amount}},
                     {{"account", "suspense:USD"}, {"direction", "credit"}, {"amount", amount}}}}};
}

class Fleet {
 public:
  Fleet(const std::string& url, const std::string& data, const std::string& dir) : url_(url), data_(data), dir_(dir) {
    for (int i = 0; i < kNodes; ++i) ports_[i] = FreePort();
  }
  ~Fleet() {
    for (int i = 0; i < kNodes; ++i) Stop(i, SIGTERM);
  }
  void Start(int i) {
    pids_[i] = Spawn({"serve", "--database", url_, "--data-dir", data_, "--port", std::to_string(ports_[i]),
                      "--access-log", "off", "--workers", "16", "--node-id", "node" + std::to_string(i),
                      "--lease-ttl", "15", "--allow-private-webhooks"},
                     dir_ + "/node" + std::to_string(i) + ".log");
  }
  void Stop(int i, int signal) {
    if (pids_[i] <= 0) return;
    kill(pids_[i], signal);
    waitpid(pids_[i], nullptr, 0);
    pids_[i] = 0;
  }
  std::uint16_t port(int i) const { return ports_[i]; }
  std::string log(int i) const { return ReadFile(dir_ + "/node" + std::to_string(i) + ".log"); }

 private:
  std::string url_, data_, dir_;
  std::uint16_t ports_[kNodes] = {};
  pid_t pids_[kNodes] = {};
};

struct Posting {
  std::string key;
  std::int64_t amount = 0;
  std::string entry_id;  // set once a node acknowledged it
};

// Session on one node, authorization on the next, order and capture on the third;
// the order id when it was captured, empty when a node was down or the consumer declined.
std::string Checkout(const Fleet& fleet, int first, const std::string& mkey, int n) {
  HttpClient a("127.0.0.1", fleet.port(first % kNodes));
  HttpClient b("127.0.0.1", fleet.port((first + 1) % kNodes));
  HttpClient c("127.0.0.1", fleet.port((first + 2) % kNodes));
  const std::int64_t amount = 4000 + 100 * (n % 7);
  auto s = a.Post("/v1/checkout/sessions",
                  {{"currency", "USD"}, {"amount", amount}, {"merchant_reference", "ref-" + std::to_string(n)},
                   {"order_lines", {{{"name", "Lamp"}, {"quantity", 1}, {"unit_price", amount},
                                     {"total_amount", amount}}}}},
                  mkey, "s-" + std::to_string(n));
  if (s.status != 201) return "";
  const Json person = testing::Applicant("fleet" + std::to_string(n) + "@example.com");
  auto auth = b.Post("/v1/checkout/sessions/" + s.json()["id"].get<std::string>() + "/authorize",
                     {{"product", "pay_in_4"}, {"consumer", person}}, s.json()["client_token"].get<std::string>());
  if (auth.status != 200 || auth.json()["status"] != "approved") return "";
  auto o = c.Post("/v1/orders", {{"authorization_id", auth.json()["authorization_id"]},
                                 {"merchant_reference", "order-" + std::to_string(n)}},
                  mkey, "o-" + std::to_string(n));
  if (o.status != 201) return "";
  const std::string order_id = o.json()["id"];
  // A capture retried with its key after a node died is the same capture.
  for (int attempt = 0; attempt < kNodes; ++attempt) {
    HttpClient d("127.0.0.1", fleet.port((first + 2 + attempt) % kNodes));
    auto cap = d.Post("/v1/orders/" + order_id + "/captures", {{"amount", amount}}, mkey, "c-" + std::to_string(n));
    if (cap.status == 201) return order_id;
  }
  return "";
}

// The merchant's order.captured events, oldest first.
std::vector<Json> CapturedEvents(HttpClient& client, const std::string& mkey) {
  std::vector<Json> events;
  for (std::string after;;) {
    auto page = client.Get("/v1/events?limit=100" + (after.empty() ? "" : "&starting_after=" + after), mkey);
    EXPECT_EQ(page.status, 200) << page.body;
    if (page.status != 200) return events;
    const Json body = page.json();
    for (const Json& e : body["data"]) {
      after = e["id"];
      if (e["type"] == "order.captured") events.push_back(e);
    }
    if (!body["has_more"].get<bool>()) return events;
  }
}

// Every order.captured event in the outbox reached the receiver, each with one body under
// its id; each captured order has one such event; an event went out twice only where a
// killed node had claimed its delivery (at most the two per endpoint a node attempts at
// once, per kill).
void ExpectEachCaptureDeliveredUnderOneEventId(HttpClient& client, const std::string& mkey,
                                               testing::WebhookReceiver& receiver,
                                               const std::vector<std::string>& captured) {
  const std::vector<Json> events = CapturedEvents(client, mkey);
  std::map<std::string, std::string> body_by_event;
  std::size_t hits = 0;
  // Deliveries a killed node had claimed go out again once the claim lapses (15 s).
  for (int i = 0; i < 300 && body_by_event.size() < events.size(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    body_by_event.clear();
    const auto received = receiver.hits();
    hits = received.size();
    for (const auto& hit : received) {
      auto [it, first] = body_by_event.emplace(hit.event_id, hit.body);
      EXPECT_TRUE(first || it->second == hit.body) << "event " << hit.event_id << " came with two bodies";
    }
  }
  EXPECT_EQ(body_by_event.size(), events.size()) << "not every event was delivered";
  EXPECT_LE(hits - body_by_event.size(), static_cast<std::size_t>(2 * kKills)) << hits << " deliveries";
  std::map<std::string, std::set<std::string>> events_by_order;
  for (const Json& e : events) {
    EXPECT_TRUE(body_by_event.contains(e["id"].get<std::string>())) << e["id"];
    events_by_order[e["data"]["object"]["order"]["id"].get<std::string>()].insert(e["id"].get<std::string>());
  }
  for (const std::string& order : captured) EXPECT_EQ(events_by_order[order].size(), 1u) << order;
}

// Servicing through the fleet: the consumer of checkout `n` logs in on one node and pays
// part of the plan on the next, retried with its key on the others until one
// acknowledges it.
struct PartPayment {
  std::string token;  // the consumer's
  std::string plan_id;
  std::string payment_id;  // empty when no node took it
};
constexpr std::int64_t kPartPayment = 777;  // below any instalment, so it names this payment

std::string LoginOnFleet(const Fleet& fleet, int first, const std::string& okey, const std::string& email) {
  for (int attempt = 0; attempt < kNodes; ++attempt) {
    HttpClient a("127.0.0.1", fleet.port((first + attempt) % kNodes));
    auto found = a.Get("/v1/admin/consumers?email=" + email.substr(0, email.find('@')) + "%40example.com", okey);
    if (found.status != 200) continue;
    const Json consumers = found.json()["data"];
    if (consumers.empty()) return "";
    if (a.Post("/v1/consumer/login", {{"email", email}}, "").status != 202) continue;
    auto notes = a.Get("/v1/admin/notifications?limit=100&consumer_id=" + consumers[0]["id"].get<std::string>(), okey);
    if (notes.status != 200) continue;
    std::string code;
    const Json list = notes.json()["data"];
    for (const Json& note : list) {
      const std::string text = note["body"];
      if (note["kind"] == "login_code") code = text.substr(text.find("is ") + 3, 6);
    }
    HttpClient b("127.0.0.1", fleet.port((first + attempt + 1) % kNodes));
    auto verified = b.Post("/v1/consumer/login/verify", {{"email", email}, {"code", code}}, "");
    if (verified.status == 200) return verified.json()["token"];
  }
  return "";
}

PartPayment PayPart(const Fleet& fleet, int first, const std::string& okey, int n) {
  PartPayment p;
  p.token = LoginOnFleet(fleet, first, okey, "fleet" + std::to_string(n) + "@example.com");
  if (p.token.empty()) return p;
  for (int attempt = 0; attempt < kNodes && p.payment_id.empty(); ++attempt) {
    HttpClient c("127.0.0.1", fleet.port((first + 1 + attempt) % kNodes));
    if (p.plan_id.empty()) {
      auto plans = c.Get("/v1/me/plans", p.token);
      if (plans.status != 200 || plans.json()["data"].empty()) continue;
      p.plan_id = plans.json()["data"][0]["id"];
    }
    auto paid = c.Post("/v1/me/plans/" + p.plan_id + "/payments", {{"amount", kPartPayment}}, p.token,
                       "pay-" + std::to_string(n));
    if (paid.status == 201) p.payment_id = paid.json()["id"];
  }
  return p;
}

TEST(FleetTest, ThreeNodesSurviveOneBeingKilledRepeatedly) {
  testing::TempDir dir;
  testing::TestDatabase db;
  ASSERT_FALSE(db.url().empty()) << "TRANCHE_TEST_POSTGRES is not set";
  const std::string data = dir.path() + "/data";
  const std::string setup_log = dir.path() + "/setup.txt";
  ASSERT_EQ(RunToExit({"migrate", "--database", db.url(), "--data-dir", data}, setup_log), 0) << ReadFile(setup_log);
  const std::string op_log = dir.path() + "/operator.txt";
  ASSERT_EQ(RunToExit({"operator", "create", "--name", "fleet", "--database", db.url(), "--data-dir", data}, op_log),
            0);
  const std::string okey = KeyFrom(ReadFile(op_log));
  const std::string m_log = dir.path() + "/merchant.txt";
  ASSERT_EQ(RunToExit({"merchant", "create", "--name", "Fleet Shop", "--country", "US", "--database", db.url(),
                       "--data-dir", data},
                      m_log),
            0);
  const std::string mkey = KeyFrom(ReadFile(m_log));
  const std::string merchant_id = IdFrom(ReadFile(m_log), "merchant");
  ASSERT_FALSE(okey.empty() || mkey.empty() || merchant_id.empty()) << ReadFile(op_log) << ReadFile(m_log);

  Fleet fleet(db.url(), data, dir.path());
  for (int i = 0; i < kNodes; ++i) fleet.Start(i);
  for (int i = 0; i < kNodes; ++i) ASSERT_TRUE(WaitHealthy(fleet.port(i))) << fleet.log(i);
  testing::WebhookReceiver receiver;
  auto endpoint = HttpClient("127.0.0.1", fleet.port(0))
                      .Post("/v1/webhook_endpoints",
                            {{"url", "http://127.0.0.1:" + std::to_string(receiver.port()) + "/hooks"},
                             {"events", {"order.captured"}}},
                            mkey);
  ASSERT_EQ(endpoint.status, 201) << endpoint.body;

  std::atomic<bool> stop{false};
  std::mutex mu;
  std::vector<Posting> postings;
  std::vector<std::string> captured;
  std::vector<PartPayment> payments;
  std::vector<std::thread> clients;
  for (int t = 0; t < 4; ++t) {
    clients.emplace_back([&, t] {
      for (int n = 0; !stop && n < 100000; ++n) {
        Posting p{"fleet-" + std::to_string(t) + "-" + std::to_string(n), 1 + (n % 89) * 10 + t, ""};
        // Each posting is retried with its key on the next node until one acknowledges it.
        for (int attempt = 0; p.entry_id.empty() && attempt < 50; ++attempt) {
          HttpClient c("127.0.0.1", fleet.port((n + attempt) % kNodes));
          auto r = c.Post("/v1/admin/ledger/entries", Entry(p.amount), okey, p.key);
          if (r.status == 201) p.entry_id = r.json()["id"];
          if (p.entry_id.empty()) std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        std::lock_guard lock(mu);
        postings.push_back(p);
      }
    });
  }
  for (int t = 0; t < 2; ++t) {
    clients.emplace_back([&, t] {
      for (int n = t; !stop && n < 100000; n += 2) {
        std::string order = Checkout(fleet, n, mkey, n);
        if (order.empty()) continue;
        PartPayment paid = PayPart(fleet, n, okey, n);
        std::lock_guard lock(mu);
        captured.push_back(order);
        if (!paid.payment_id.empty()) payments.push_back(std::move(paid));
      }
    });
  }
  // Node 0 dies (SIGKILL, mid-write) and comes back, three times.
  for (int round = 0; round < kKills; ++round) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    fleet.Stop(0, SIGKILL);
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    fleet.Start(0);
    ASSERT_TRUE(WaitHealthy(fleet.port(0))) << fleet.log(0);
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  stop = true;
  for (auto& c : clients) c.join();

  HttpClient c1("127.0.0.1", fleet.port(1));
  std::int64_t expected_cash = 0;
  for (const Posting& p : postings) {
    ASSERT_FALSE(p.entry_id.empty()) << p.key << " was never acknowledged";
    expected_cash += p.amount;
    // The same key on any node answers with the same entry.
    auto again = c1.Post("/v1/admin/ledger/entries", Entry(p.amount), okey, p.key);
    ASSERT_EQ(again.status, 201) << again.body;
    EXPECT_EQ(again.json()["id"], p.entry_id) << p.key;
  }
  EXPECT_GT(postings.size(), 50u);
  auto cash = c1.Get("/v1/admin/ledger/accounts/settlement_cash:USD", okey).json();
  EXPECT_EQ(cash["debits"], expected_cash);  // no posting applied twice

  EXPECT_GT(captured.size(), 3u);
  for (const std::string& order : captured) {
    auto o = c1.Get("/v1/orders/" + order, mkey);
    ASSERT_EQ(o.status, 200) << o.body;
    EXPECT_EQ(o.json()["status"], "captured") << o.body;
    EXPECT_EQ(o.json()["captured_amount"], o.json()["amount"]) << o.body;
  }

  // Each acknowledged part payment was collected once, whichever node took it.
  EXPECT_GT(payments.size(), 2u);
  for (const PartPayment& p : payments) {
    auto list = c1.Get("/v1/me/plans/" + p.plan_id + "/payments", p.token);
    ASSERT_EQ(list.status, 200) << list.body;
    int collected = 0;
    const Json rows = list.json()["data"];
    for (const Json& row : rows) collected += row["amount"] == kPartPayment ? 1 : 0;
    EXPECT_EQ(collected, 1) << p.plan_id << ": " << rows;
  }

  // Each business date was closed once, by whichever node held the lease.
  auto runs = c1.Get("/v1/admin/cob/runs?limit=60", okey);
  ASSERT_EQ(runs.status, 200) << runs.body;
  std::set<std::string> dates;
  const Json run_list = runs.json()["data"];
  for (const Json& r : run_list) EXPECT_TRUE(dates.insert(r["business_date"].get<std::string>()).second) << r;
  EXPECT_FALSE(dates.empty());

  ExpectEachCaptureDeliveredUnderOneEventId(c1, mkey, receiver, captured);

  // A key rotated through node 1 stops working on node 2 before its cache would expire.
  HttpClient c2("127.0.0.1", fleet.port(2));
  ASSERT_EQ(c2.Get("/v1/orders?limit=1", mkey).status, 200);  // cached on node 2 now
  ASSERT_EQ(c1.Post("/v1/admin/merchants/" + merchant_id + "/keys", Json::object(), okey).status, 201);
  int status = 200;
  for (int i = 0; i < 40 && status == 200; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    status = c2.Get("/v1/orders?limit=1", mkey).status;
  }
  EXPECT_EQ(status, 401) << "node 2 still accepts the rotated key after 2 s";

  for (int i = 0; i < kNodes; ++i) fleet.Stop(i, SIGTERM);
  const std::string verify_log = dir.path() + "/verify.txt";
  EXPECT_EQ(RunToExit({"ledger", "verify", "--database", db.url(), "--data-dir", data}, verify_log), 0)
      << ReadFile(verify_log);
  EXPECT_NE(ReadFile(verify_log).find("ledger OK"), std::string::npos);
}

}  // namespace
}  // namespace tranche
