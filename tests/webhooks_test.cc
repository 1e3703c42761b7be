// Webhooks over real HTTP to a receiver on loopback started by the test: signed with
// HMAC-SHA256 over "t.body", retried with backoff while the receiver is down and
// delivered once it recovers, logged per endpoint, replayable; no event lost or
// duplicated by id; other merchants see nothing. Attempts time out, run concurrently
// so a slow endpoint holds up no other, and are signed in real time; a change sends the
// same event whichever path made it.
#include <gtest/gtest.h>
#include <sodium.h>

#include <algorithm>
#include <atomic>
#include <functional>
#include <boost/asio/ssl.hpp>
#include <cstdlib>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "support/scenario.h"
#include "support/test_server.h"
#include "support/webhook_receiver.h"

namespace tranche {
namespace {

using Json = nlohmann::json;

using Receiver = testing::WebhookReceiver;

// HMAC-SHA256(secret, t + "." + body) in hex, computed independently of tranche.
std::string Expected(const std::string& secret, const std::string& t, const std::string& body) {
  const std::string message = t + "." + body;
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_state st;
  crypto_auth_hmacsha256_init(&st, reinterpret_cast<const unsigned char*>(secret.data()), secret.size());
  crypto_auth_hmacsha256_update(&st, reinterpret_cast<const unsigned char*>(message.data()), message.size());
  crypto_auth_hmacsha256_final(&st, mac);
  char hex[2 * sizeof mac + 1];
  sodium_bin2hex(hex, sizeof hex, mac, sizeof mac);
  return hex;
}

Json Person() {
  return {{"email", "hook@example.com"}, {"phone", "+1 555 0100"}, {"given_name", "Ava"}, {"family_name", "Hook"},
          {"date_of_birth", "1990-04-12"},
          {"address", {{"line1", "1 Main St"}, {"city", "Brooklyn"}, {"postal_code", "11201"}, {"country", "US"}}}};
}

TEST(WebhooksTest, SignedRetriedLoggedReplayedAndIsolated) {
  Receiver receiver;
  SimulatedClock clock(*ParseRfc3339("2026-03-10T09:00:00Z"));
  testing::TestServer server({&clock, "off"});
  auto c = server.Client();
  const std::string url = "http://127.0.0.1:" + std::to_string(receiver.port()) + "/hooks";
  auto ep = c.Post("/v1/webhook_endpoints", {{"url", url}, {"events", {"order.authorized", "order.captured"}}},
                   server.merchant_key);
  ASSERT_EQ(ep.status, 201) << ep.body;
  const std::string secret = ep.json()["secret"];
  const std::string endpoint = ep.json()["id"];
  EXPECT_TRUE(secret.starts_with("whsec_"));

  // A purchase: order.authorized and order.captured are delivered, signed.
  auto s = c.Post("/v1/checkout/sessions",
                  {{"currency", "USD"}, {"amount", 8000}, {"merchant_reference", "w-1"},
                   {"order_lines", {{{"name", "Lamp"}, {"quantity", 1}, {"unit_price", 8000}, {"total_amount", 8000}}}}},
                  server.merchant_key);
  auto a = c.Post("/v1/checkout/sessions/" + s.json()["id"].get<std::string>() + "/authorize",
                  {{"product", "pay_in_4"}, {"consumer", Person()}}, s.json()["client_token"].get<std::string>());
  ASSERT_EQ(a.json()["status"], "approved") << a.body;
  auto o = c.Post("/v1/orders", {{"authorization_id", a.json()["authorization_id"]}, {"merchant_reference", "w-1"}},
                  server.merchant_key);
  const std::string order_path = "/v1/orders/" + o.json()["id"].get<std::string>();
  ASSERT_EQ(c.Post(order_path + "/captures", {{"amount", 4000}}, server.merchant_key).status, 201);
  ASSERT_TRUE(receiver.WaitFor(2));
  const auto real_now_s = [] {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
  };
  for (const auto& hit : receiver.hits()) {
    const std::size_t comma = hit.signature.find(",v1=");
    ASSERT_TRUE(hit.signature.starts_with("t=") && comma != std::string::npos) << hit.signature;
    const std::string t = hit.signature.substr(2, comma - 2);
    EXPECT_EQ(hit.signature.substr(comma + 4), Expected(secret, t, hit.body));
    EXPECT_EQ(Json::parse(hit.body)["id"], hit.event_id);
    // Signed with real time, not the simulated clock the platform runs on, so a
    // receiver checking the stamp against its own clock accepts it.
    EXPECT_LE(std::abs(std::stoll(t) - real_now_s()), 60) << hit.signature;
  }
  // Both were due at once and an endpoint takes two deliveries at a time, so they may
  // arrive in either order (as with any webhook sender; receivers order by event time).
  std::map<std::string, std::string> event_id_by_type;
  for (int i = 0; i < 2; ++i) {
    const Json body = Json::parse(receiver.hits()[i].body);
    event_id_by_type[body["type"].get<std::string>()] = receiver.hits()[i].event_id;
  }
  ASSERT_EQ(event_id_by_type.size(), 2u);
  ASSERT_TRUE(event_id_by_type.contains("order.authorized"));
  ASSERT_TRUE(event_id_by_type.contains("order.captured"));

  // The receiver goes down: the next event fails and waits 30 s for its retry.
  receiver.status = 503;
  ASSERT_EQ(c.Post(order_path + "/captures", {{"amount", 1000}}, server.merchant_key).status, 201);
  ASSERT_TRUE(receiver.WaitFor(3));
  const std::string log_path = "/v1/webhook_endpoints/" + endpoint + "/deliveries";
  // The dispatcher records an attempt after the receiver answered: wait for the record.
  const auto log_when = [&](const std::function<bool(const Json&)>& ready) {
    Json log;
    for (int i = 0; i < 500; ++i) {
      log = c.Get(log_path, server.merchant_key).json();
      if (ready(log["data"][0])) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return log;
  };
  Json log = log_when([](const Json& newest) { return newest["attempts"] == 1; });
  EXPECT_EQ(log["data"][0]["status"], "pending");
  EXPECT_EQ(log["data"][0]["attempts"], 1);
  EXPECT_EQ(log["data"][0]["last_status_code"], 503);
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  EXPECT_EQ(receiver.hits().size(), 3u);  // not retried before its time
  receiver.status = 200;
  clock.Advance(std::chrono::seconds(31));
  ASSERT_TRUE(receiver.WaitFor(4));
  log = log_when([](const Json& newest) { return newest["status"] == "delivered"; });
  EXPECT_EQ(log["data"][0]["status"], "delivered");
  EXPECT_EQ(log["data"][0]["attempts"], 2);

  // Every event delivered exactly once with a 200, by id; the failed try had the same id.
  std::map<std::string, int> delivered;
  for (const auto& hit : receiver.hits()) delivered[hit.event_id] += hit.answered == 200 ? 1 : 0;
  EXPECT_EQ(delivered.size(), 3u);
  for (const auto& [id, n] : delivered) EXPECT_EQ(n, 1) << id;
  EXPECT_EQ(receiver.hits()[2].event_id, receiver.hits()[3].event_id);

  // Replay: the same event (same id) again.
  const std::string first = log["data"].back()["id"];
  auto replay = c.Post(log_path + "/" + first + "/replay", Json::object(), server.merchant_key);
  ASSERT_EQ(replay.status, 201) << replay.body;
  ASSERT_TRUE(receiver.WaitFor(5));
  // The oldest delivery is order.authorized's.
  EXPECT_EQ(receiver.hits()[4].event_id, event_id_by_type["order.authorized"]);

  // Other merchants see nothing; a deleted endpoint gets nothing more.
  EXPECT_EQ(c.Get(log_path, server.other_merchant_key).status, 404);
  EXPECT_EQ(c.Get("/v1/webhook_endpoints", server.other_merchant_key).json()["data"].size(), 0u);
  testing::ClientRequest del;
  del.method = "DELETE";
  del.target = "/v1/webhook_endpoints/" + endpoint;
  del.bearer = server.merchant_key;
  EXPECT_EQ(c.Send(del).status, 200);
  ASSERT_EQ(c.Post(order_path + "/captures", {{"amount", 500}}, server.merchant_key).status, 201);
  std::this_thread::sleep_for(std::chrono::milliseconds(150));
  EXPECT_EQ(receiver.hits().size(), 5u);
}

TEST(WebhooksTest, RefusesBadEndpointsAndPrivateTargetsInProduction) {
  testing::TestServer server;
  auto c = server.Client();
  const auto code = [&](const Json& body) {
    return c.Post("/v1/webhook_endpoints", body, server.merchant_key).json()["error"]["code"];
  };
  EXPECT_EQ(code({{"url", "ftp://x/y"}, {"events", {"order.captured"}}}), "invalid_url");
  EXPECT_EQ(code({{"url", "https://"}, {"events", {"order.captured"}}}), "invalid_url");
  EXPECT_EQ(code({{"url", "https://user@x.example/y"}, {"events", {"order.captured"}}}), "invalid_url");
  EXPECT_EQ(code({{"url", "http://x.example/y"}, {"events", {"order.shipped"}}}), "invalid_event_type");
  // Outside tests and the demo, tranche refuses to post to its own network.
  const auto out = net::PostJson("http://127.0.0.1:9/x", "{}", {}, {});
  EXPECT_FALSE(out.status_code.has_value());
  EXPECT_NE(out.error.find("private address"), std::string::npos);
}

// A purchase by the server's merchant: order.authorized and order.captured follow.
void Purchase(testing::TestServer& server, const std::string& reference) {
  auto c = server.Client();
  auto s = c.Post("/v1/checkout/sessions",
                  {{"currency", "USD"}, {"amount", 8000}, {"merchant_reference", reference},
                   {"order_lines", {{{"name", "Lamp"}, {"quantity", 1}, {"unit_price", 8000}, {"total_amount", 8000}}}}},
                  server.merchant_key);
  auto a = c.Post("/v1/checkout/sessions/" + s.json()["id"].get<std::string>() + "/authorize",
                  {{"product", "pay_in_4"}, {"consumer", Person()}}, s.json()["client_token"].get<std::string>());
  ASSERT_EQ(a.json()["status"], "approved") << a.body;
  auto o = c.Post("/v1/orders", {{"authorization_id", a.json()["authorization_id"]}, {"merchant_reference", reference}},
                  server.merchant_key);
  ASSERT_EQ(o.status, 201) << o.body;
}

TEST(WebhooksTest, DeliversOverTlsToATrustedCertificateOnly) {
  testing::TempDir dir;
  const std::string key = dir.path() + "/key.pem";
  const std::string cert = dir.path() + "/cert.pem";
  const std::string make_cert =
      "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -subj /CN=localhost"
      " -addext subjectAltName=DNS:localhost -days 2 -keyout " + key + " -out " + cert + " >/dev/null 2>&1";
  ASSERT_EQ(std::system(make_cert.c_str()), 0);
  boost::asio::ssl::context tls(boost::asio::ssl::context::tls_server);
  tls.use_certificate_chain_file(cert);
  tls.use_private_key_file(key, boost::asio::ssl::context::pem);
  Receiver receiver(&tls);
  const std::string url = "https://localhost:" + std::to_string(receiver.port()) + "/hooks";

  // Trusted (the test's CA file): delivered over TLS, signed as over plain HTTP.
  {
    testing::TestServerOptions o;
    o.webhook_ca_file = cert;
    testing::TestServer server(o);
    auto ep = server.Client().Post("/v1/webhook_endpoints", {{"url", url}, {"events", {"order.authorized"}}},
                                   server.merchant_key);
    ASSERT_EQ(ep.status, 201) << ep.body;
    Purchase(server, "tls-1");
    ASSERT_TRUE(receiver.WaitFor(1));
    const auto hit = receiver.hits()[0];
    const std::size_t comma = hit.signature.find(",v1=");
    ASSERT_NE(comma, std::string::npos);
    EXPECT_EQ(hit.signature.substr(comma + 4),
              Expected(ep.json()["secret"], hit.signature.substr(2, comma - 2), hit.body));
  }
  // Not trusted: the handshake fails, nothing is sent, and the attempt says why.
  testing::TestServer server;
  auto c = server.Client();
  auto ep = c.Post("/v1/webhook_endpoints", {{"url", url}, {"events", {"order.authorized"}}}, server.merchant_key);
  ASSERT_EQ(ep.status, 201) << ep.body;
  Purchase(server, "tls-2");
  const std::string log_path = "/v1/webhook_endpoints/" + ep.json()["id"].get<std::string>() + "/deliveries";
  Json log;
  for (int i = 0; i < 500; ++i) {
    log = c.Get(log_path, server.merchant_key).json();
    if (log["data"].size() == 1 && log["data"][0]["attempts"] == 1) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  ASSERT_EQ(log["data"].size(), 1u) << log;
  EXPECT_EQ(log["data"][0]["status"], "pending");
  EXPECT_NE(log["data"][0]["last_error"].get<std::string>().find("certificate verify failed"), std::string::npos)
      << log;
  EXPECT_EQ(receiver.hits().size(), 1u);
}

// The endpoint's delivery log (newest first) once `ready` holds for its deliveries (real
// time, at most 5 s).
Json DeliveryLogWhen(testing::TestServer& server, const std::string& endpoint,
                     const std::function<bool(const Json&)>& ready) {
  auto c = server.Client();
  Json log;
  for (int i = 0; i < 500; ++i) {
    log = c.Get("/v1/webhook_endpoints/" + endpoint + "/deliveries", server.merchant_key).json();
    if (!log["data"].empty() && ready(log["data"])) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return log;
}

std::string Subscribe(testing::TestServer& server, const Receiver& receiver) {
  auto ep = server.Client().Post(
      "/v1/webhook_endpoints",
      {{"url", "http://127.0.0.1:" + std::to_string(receiver.port()) + "/hooks"}, {"events", {"order.authorized"}}},
      server.merchant_key);
  EXPECT_EQ(ep.status, 201) << ep.body;
  return ep.json()["id"];
}

TEST(WebhooksTest, AnAnswerAfterTheTimeoutIsAFailedAttempt) {
  Receiver receiver;
  receiver.answer_after_ms = 600;
  testing::TestServerOptions o;
  o.webhook_timeouts.response = std::chrono::milliseconds(200);
  testing::TestServer server(o);
  const std::string endpoint = Subscribe(server, receiver);
  Purchase(server, "late-1");
  const Json log = DeliveryLogWhen(server, endpoint, [](const Json& data) { return data[0]["attempts"] == 1; });
  ASSERT_EQ(log["data"].size(), 1u) << log;
  const Json& d = log["data"][0];
  EXPECT_EQ(d["attempts"], 1) << log;
  EXPECT_EQ(d["status"], "pending");  // retried with the usual backoff
  EXPECT_TRUE(d["last_status_code"].is_null());
  EXPECT_NE(d["last_error"].get<std::string>().find("timed out"), std::string::npos) << d;
  EXPECT_EQ(receiver.hits().size(), 1u);  // it was sent; the answer came too late
}

TEST(WebhooksTest, ASlowEndpointDoesNotHoldUpAnother) {
  Receiver slow;  // subscribed first, so its deliveries are the older ones
  slow.answer_after_ms = 3000;
  Receiver fast;
  testing::TestServerOptions o;
  o.webhook_timeouts.response = std::chrono::milliseconds(1000);  // so the test ends soon
  testing::TestServer server(o);
  Subscribe(server, slow);
  const std::string fast_endpoint = Subscribe(server, fast);
  // More events than the slow endpoint may have in flight at once.
  for (int i = 0; i < 3; ++i) Purchase(server, "slow-" + std::to_string(i));
  ASSERT_TRUE(fast.WaitFor(3));
  const Json log = DeliveryLogWhen(server, fast_endpoint, [](const Json& data) {
    return data.size() == 3 && std::all_of(data.begin(), data.end(), [](const Json& d) { return d["status"] == "delivered"; });
  });
  EXPECT_EQ(log["data"].size(), 3u) << log;
  for (const Json& d : log["data"]) EXPECT_EQ(d["status"], "delivered") << log;
  EXPECT_EQ(slow.answered, 0);  // still hanging while the fast endpoint got everything, recorded
  ASSERT_TRUE(slow.WaitFor(1));
  // Each endpoint gets every event once, whatever the other does.
  std::set<std::string> fast_events;
  for (const auto& hit : fast.hits()) fast_events.insert(hit.event_id);
  EXPECT_EQ(fast_events.size(), 3u);
  for (const auto& hit : slow.hits()) EXPECT_TRUE(fast_events.contains(hit.event_id)) << hit.event_id;
}

// The keys of `j`, nested: objects by key, arrays by their first element; values left
// out (a paused plan's pause_reason is a string, another's null).
Json Shape(const Json& j) {
  if (j.is_object()) {
    Json out = Json::object();
    for (const auto& [k, v] : j.items()) out[k] = Shape(v);
    return out;
  }
  if (j.is_array()) return j.empty() ? Json::array() : Json::array({Shape(j[0])});
  return nullptr;
}

// The merchant's events of `type`, oldest first.
std::vector<Json> EventsOfType(testing::Scenario& s, const std::string& type) {
  auto r = s.client().Get("/v1/events?limit=100", s.mkey());
  EXPECT_EQ(r.status, 200) << r.body;
  const Json page = r.json();
  EXPECT_FALSE(page["has_more"].get<bool>());
  std::vector<Json> out;
  for (const Json& e : page["data"]) {
    if (e["type"] == type) out.push_back(e);
  }
  return out;
}

TEST(WebhooksTest, ARefundSendsTheSameEventWhicheverPathMadeIt) {
  testing::Scenario s;
  const auto refunded = s.Buy("api-refund@example.com", 10000);
  const auto disputed = s.Buy("dispute-refund@example.com", 10000);
  auto r = s.client().Post("/v1/orders/" + refunded.order_id + "/refunds", {{"amount", 10000}}, s.mkey());
  ASSERT_EQ(r.status, 201) << r.body;
  auto d = s.client().Post("/v1/me/disputes", {{"order_id", disputed.order_id}, {"reason", "returned"}},
                           s.Login(disputed.email));
  ASSERT_EQ(d.status, 201) << d.body;
  auto accepted = s.client().Post("/v1/disputes/" + d.json()["id"].get<std::string>() + "/respond",
                                  {{"accept", true}}, s.mkey());
  ASSERT_EQ(accepted.status, 200) << accepted.body;

  const std::vector<Json> events = EventsOfType(s, "order.refunded");
  ASSERT_EQ(events.size(), 2u);
  const Json& by_api = events[0]["data"]["object"];
  const Json& by_dispute = events[1]["data"]["object"];
  // The API's event carries what the API answered; the dispute's, the same kind of object.
  EXPECT_EQ(by_api, r.json());
  EXPECT_EQ(Shape(by_dispute), Shape(by_api)) << by_dispute.dump(2) << "\n" << by_api.dump(2);
  using Refund = std::pair<Json, std::string>;  // the event's object, the order refunded
  for (const auto& [object, order_id] : {Refund{by_api, refunded.order_id}, Refund{by_dispute, disputed.order_id}}) {
    EXPECT_EQ(object["object"], "refund");
    EXPECT_EQ(object["order_id"], order_id);
    EXPECT_EQ(object["amount"], 10000);
    EXPECT_EQ(object["order"]["id"], order_id);
    EXPECT_EQ(object["order"]["refunded_amount"], 10000);
    ASSERT_EQ(object["plans"].size(), 1u);
    EXPECT_EQ(object["plans"][0]["status"], "closed");
  }
  EXPECT_EQ(by_dispute["reason"], "dispute " + d.json()["id"].get<std::string>());
}

TEST(WebhooksTest, ADueRoundTakesAFewOfEachEndpointsDeliveries) {
  testing::TestServer server;
  app::Platform& platform = server.platform();
  // Due only tomorrow, so the running dispatcher leaves them alone.
  const Instant later = platform.clock().Now() + std::chrono::hours(24);
  ASSERT_TRUE(platform.store().Write([&](store::Tx& tx) -> Status {
    TRANCHE_RETURN_IF_ERROR(tx.webhooks().InsertEndpoint(
        {"whe_busy", server.merchant_id, "http://busy.example/", {"order.captured"}, later, false}));
    TRANCHE_RETURN_IF_ERROR(tx.webhooks().InsertEndpoint(
        {"whe_calm", server.merchant_id, "http://calm.example/", {"order.cancelled"}, later, false}));
    for (const char* type : {"order.captured", "order.captured", "order.captured", "order.cancelled"}) {
      const std::string id = platform.ids().Next("evt");
      TRANCHE_RETURN_IF_ERROR(tx.webhooks().Publish({id, server.merchant_id, type, "{}", later}, platform.ids()).status());
    }
    return Status::Ok();
  }).ok());
  const auto due_per_endpoint = [&](std::size_t per_endpoint, std::size_t limit) {
    std::map<std::string, int> counts;
    EXPECT_TRUE(platform.store().Read([&](store::Tx& tx) -> Status {
      TRANCHE_ASSIGN_OR_RETURN(auto due, tx.webhooks().ListDue(later, per_endpoint, limit));
      for (const auto& d : due) ++counts[d.endpoint_id];
      return Status::Ok();
    }).ok());
    return counts;
  };
  // The busy endpoint's older backlog does not push the calm one's delivery out.
  EXPECT_EQ(due_per_endpoint(2, 10), (std::map<std::string, int>{{"whe_busy", 2}, {"whe_calm", 1}}));
  EXPECT_EQ(due_per_endpoint(5, 10), (std::map<std::string, int>{{"whe_busy", 3}, {"whe_calm", 1}}));
  EXPECT_EQ(due_per_endpoint(2, 2), (std::map<std::string, int>{{"whe_busy", 2}}));  // oldest first
}

// Endpoints and `count` events each, published due at `at` (tomorrow, so the server's
// own dispatcher leaves them alone); the deliveries' ids.
std::vector<std::string> PublishLater(testing::TestServer& server, Instant at, int endpoints, int count) {
  app::Platform& platform = server.platform();
  std::vector<std::string> deliveries;
  EXPECT_TRUE(platform.store().Write([&](store::Tx& tx) -> Status {
    deliveries.clear();
    for (int e = 0; e < endpoints; ++e) {
      const std::string id = "whe_node" + std::to_string(e);
      TRANCHE_RETURN_IF_ERROR(tx.webhooks().InsertEndpoint(
          {id, server.merchant_id, "http://node" + std::to_string(e) + ".example/", {"order.captured"}, at, false}));
    }
    for (int i = 0; i < count; ++i) {
      TRANCHE_RETURN_IF_ERROR(
          tx.webhooks().Publish({platform.ids().Next("evt"), server.merchant_id, "order.captured", "{}", at},
                                platform.ids()).status());
    }
    TRANCHE_ASSIGN_OR_RETURN(auto due, tx.webhooks().ListDue(at, 1000, 1000));
    for (const auto& d : due) deliveries.push_back(d.id);
    return Status::Ok();
  }).ok());
  return deliveries;
}

TEST(WebhooksTest, AClaimKeepsADeliveryToOneNodeUntilItLapses) {
  testing::TestServer server;
  store::Store& store = server.platform().store();
  const Instant later = server.platform().clock().Now() + std::chrono::hours(24);
  const std::vector<std::string> ids = PublishLater(server, later, 1, 1);
  ASSERT_EQ(ids.size(), 1u);
  const std::string id = ids[0];
  const auto claim = [&](const char* node, Instant now) {
    bool claimed = false;
    EXPECT_TRUE(store.Write([&](store::Tx& tx) -> Status {
      TRANCHE_ASSIGN_OR_RETURN(claimed, tx.webhooks().ClaimDelivery(id, node, now, now + std::chrono::seconds(60)));
      return Status::Ok();
    }).ok());
    return claimed;
  };
  const auto due = [&](Instant now) {
    std::size_t n = 0;
    EXPECT_TRUE(store.Read([&](store::Tx& tx) -> Status {
      TRANCHE_ASSIGN_OR_RETURN(auto list, tx.webhooks().ListDue(now, 10, 10));
      n = list.size();
      return Status::Ok();
    }).ok());
    return n;
  };
  const auto record = [&](const char* node, int attempts) {
    bool recorded = false;
    EXPECT_TRUE(store.Write([&](store::Tx& tx) -> Status {
      TRANCHE_ASSIGN_OR_RETURN(auto d, tx.webhooks().FindDelivery(id));
      if (!d) return Status::Internal("the delivery is gone");
      d->attempts = attempts;
      d->next_attempt_at = later + std::chrono::hours(1);
      d->last_error = std::string("attempt by ") + node;
      TRANCHE_ASSIGN_OR_RETURN(recorded, tx.webhooks().RecordAttempt(*d, node));
      return Status::Ok();
    }).ok());
    return recorded;
  };

  EXPECT_FALSE(claim("node-a", later - std::chrono::seconds(1)));  // not due yet
  ASSERT_TRUE(claim("node-a", later));
  EXPECT_EQ(due(later + std::chrono::seconds(59)), 0u);  // the claim hides it
  EXPECT_FALSE(claim("node-b", later + std::chrono::seconds(59)));
  // Node a stalled past its claim: node b takes the delivery over, and node a's late
  // result is not stored; node b's is, and ends the claim.
  EXPECT_EQ(due(later + std::chrono::seconds(60)), 1u);
  ASSERT_TRUE(claim("node-b", later + std::chrono::seconds(60)));
  EXPECT_FALSE(record("node-a", 1));
  EXPECT_TRUE(record("node-b", 1));
  EXPECT_FALSE(record("node-b", 2));  // its claim ended with the record
  ASSERT_TRUE(store.Read([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(auto d, tx.webhooks().FindDelivery(id));
    if (!d) return Status::Internal("the delivery is gone");
    EXPECT_EQ(d->attempts, 1);
    EXPECT_EQ(d->last_error, "attempt by node-b");
    return Status::Ok();
  }).ok());
  // Due again at its next attempt, for any node.
  EXPECT_EQ(due(later + std::chrono::minutes(59)), 0u);
  EXPECT_EQ(due(later + std::chrono::hours(1)), 1u);
  EXPECT_TRUE(claim("node-a", later + std::chrono::hours(1)));
}

TEST(WebhooksTest, TwoNodesDeliverEachDueDeliveryOnce) {
  testing::TestServer server;
  app::Platform& platform = server.platform();
  const SimulatedClock at(platform.clock().Now() + std::chrono::hours(24));
  const std::vector<std::string> ids = PublishLater(server, at.Now(), 3, 20);
  ASSERT_EQ(ids.size(), 60u);
  std::mutex mu;
  std::map<std::string, int> attempts_by_event_endpoint;
  std::map<std::string, int> attempts_by_node;
  const auto poster = [&](std::string node) {
    return [&, node](const std::string& url, const std::string&, const app::Headers& headers) {
      std::this_thread::sleep_for(std::chrono::milliseconds(2));  // so the nodes' attempts overlap
      std::lock_guard lock(mu);
      for (const auto& [name, value] : headers) {
        if (name == "Tranche-Event-Id") ++attempts_by_event_endpoint[value + " " + url];
      }
      ++attempts_by_node[node];
      return app::HttpOutcome{200, ""};
    };
  };
  const webhooks::SigningKey key{};
  {
    app::WebhookDispatcher a(platform.store(), at, at, key, "node-a", poster("node-a"));
    app::WebhookDispatcher b(platform.store(), at, at, key, "node-b", poster("node-b"));
    const auto attempted = [&] {
      std::lock_guard lock(mu);
      return attempts_by_event_endpoint.size();
    };
    const auto deliver = [&](app::WebhookDispatcher& node) {
      for (int round = 0; round < 5000 && attempted() < ids.size(); ++round) {
        EXPECT_TRUE(node.RunOnce().ok());
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
      }
    };
    std::thread other([&] { deliver(b); });
    deliver(a);
    other.join();
  }  // each waits for its attempts to be recorded
  EXPECT_EQ(attempts_by_event_endpoint.size(), 60u);
  for (const auto& [event_endpoint, attempts] : attempts_by_event_endpoint) EXPECT_EQ(attempts, 1) << event_endpoint;
  EXPECT_GT(attempts_by_node["node-a"], 0);
  EXPECT_GT(attempts_by_node["node-b"], 0);
  ASSERT_TRUE(platform.store().Read([&](store::Tx& tx) -> Status {
    for (const std::string& id : ids) {
      TRANCHE_ASSIGN_OR_RETURN(auto d, tx.webhooks().FindDelivery(id));
      if (!d) return Status::Internal("delivery " + id + " is gone");
      EXPECT_EQ(d->status, webhooks::DeliveryStatus::kDelivered) << id;
      EXPECT_EQ(d->attempts, 1) << id;
    }
    return Status::Ok();
  }).ok());
}

}  // namespace
}  // namespace tranche
