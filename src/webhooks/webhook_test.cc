#include "webhooks/webhook.h"

#include <gtest/gtest.h>

namespace tranche::webhooks {
namespace {

const Instant kT0 = *ParseRfc3339("2026-11-26T10:00:00Z");

Delivery Pending() { return Delivery{"whd_1", "evt_1", "whe_1", DeliveryStatus::kPending, 0, kT0, std::nullopt, "", kT0}; }

TEST(WebhookTest, RetriesWithDoublingBackoffThenGivesUpAfterThreeDays) {
  Delivery d = Pending();
  d = AfterAttempt(d, kT0, kT0, false, 500, "HTTP 500");
  EXPECT_EQ(d.status, DeliveryStatus::kPending);
  EXPECT_EQ(d.next_attempt_at, kT0 + std::chrono::seconds(30));
  d = AfterAttempt(d, kT0, d.next_attempt_at, false, std::nullopt, "timeout");
  EXPECT_EQ(d.next_attempt_at, kT0 + std::chrono::seconds(30 + 60));
  EXPECT_EQ(d.attempts, 2);
  EXPECT_FALSE(d.last_status_code.has_value());
  // Far along, attempts are at most 6 h apart, and stop once the event is 3 days old.
  Instant now = kT0;
  int attempts = 0;
  Delivery late = Pending();
  while (late.status == DeliveryStatus::kPending) {
    now = late.next_attempt_at;
    late = AfterAttempt(late, kT0, now, false, 503, "down");
    ASSERT_LE(late.next_attempt_at - now, kMaxRetryDelay);
    ASSERT_LT(++attempts, 100);
  }
  EXPECT_EQ(late.status, DeliveryStatus::kFailed);
  EXPECT_LE(now - kT0, kMaxDeliveryAge);
  EXPECT_GT(attempts, 15);
  EXPECT_EQ(AfterAttempt(Pending(), kT0, kT0, true, 200, "").status, DeliveryStatus::kDelivered);
}

TEST(WebhookTest, ValidatesUrlsAndEventTypes) {
  EXPECT_TRUE(ValidateUrl("http://hooks.example.com:8080/tranche").ok());
  EXPECT_TRUE(ValidateUrl("https://hooks.example.com/").ok());
  EXPECT_FALSE(ValidateUrl("https://").ok());
  EXPECT_FALSE(ValidateUrl("http://").ok());
  EXPECT_FALSE(ValidateUrl("http://user@host/").ok());
  EXPECT_FALSE(ValidateUrl("http://host/a b").ok());
  EXPECT_FALSE(ValidateUrl("http://host/" + std::string(kMaxUrlChars, 'a')).ok());
  EXPECT_TRUE(IsEventType("order.captured"));
  EXPECT_FALSE(IsEventType("order.shipped"));
}

TEST(WebhookTest, SignsTimestampDotBodyAndDerivesStableSecrets) {
  SigningKey key{};
  key[0] = 7;
  const std::string secret = SigningSecret(key, "whe_1");
  EXPECT_TRUE(secret.starts_with("whsec_"));
  EXPECT_EQ(secret.size(), 6u + 64u);
  EXPECT_EQ(secret, SigningSecret(key, "whe_1"));
  EXPECT_NE(secret, SigningSecret(key, "whe_2"));
  // Known answers, computed independently (Python's hmac) from the same key and body.
  EXPECT_EQ(secret, "whsec_6411858fa626eae5d167e5c029b40f83ed34f1ce759f89f827bf438df304006a");
  const std::string header = SignatureHeader(secret, kT0, "{\"a\":1}");
  EXPECT_EQ(header, "t=1795687200,v1=c62d3796d77557ce1bbaf92f3d8c37ca6cb97c6b908d0c002262dc923ce4565e");
  const auto mac = [](const std::string& h) { return h.substr(h.find(",v1=") + 4); };
  EXPECT_NE(mac(header), mac(SignatureHeader(secret, kT0, "{\"a\":2}")));
  // The MAC covers the timestamp, not only the header's t=: a stamp moved by a second
  // changes it, so a replayed body cannot be given a fresh time.
  const std::string later = SignatureHeader(secret, kT0 + std::chrono::seconds(1), "{\"a\":1}");
  EXPECT_EQ(later, "t=1795687201,v1=4540aca619acbe4d91191fe44deb584f93bf113e1a6ddcb2ccdfbcf79c0a3f50");
  EXPECT_NE(mac(header), mac(later));
}

}  // namespace
}  // namespace tranche::webhooks
