// Webhooks (pure rules): which events exist, what a valid endpoint URL is, how a
// delivery is signed, and when a failed delivery is tried again.
//
// Events are written to an outbox in the same transaction as the change they report,
// with one delivery per subscribed endpoint; a worker POSTs them (at least once, with a
// stable event id) and records every attempt.
//
// Signature: the header `Tranche-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256>` over
// "<t>.<body>" with the endpoint's signing secret, as Stripe does, so a receiver can
// check both authenticity and freshness.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "core/time.h"

namespace tranche::webhooks {

inline constexpr std::size_t kMaxUrlChars = 2048;
inline constexpr std::size_t kMaxEndpointsPerMerchant = 16;
// Deliveries are retried with exponential backoff for up to three days.
inline constexpr std::chrono::hours kMaxDeliveryAge{72};
inline constexpr std::chrono::seconds kFirstRetryDelay{30};
inline constexpr std::chrono::seconds kMaxRetryDelay{6 * 3600};

// Every event type a merchant can subscribe to.
inline constexpr const char* kEventTypes[] = {
    "order.authorized",       "order.captured",      "order.refunded", "order.cancelled",
    "order.return_registered", "plan.payment_succeeded", "plan.payment_failed", "plan.paid_off",
    "plan.charged_off",        "dispute.opened",      "dispute.resolved", "payout.paid",
    "order.fraud_status_changed", "merchant.onboarding_decided"};
bool IsEventType(std::string_view type);

struct Endpoint {
  std::string id;  // whe_...
  std::string merchant_id;
  std::string url;
  std::vector<std::string> events;
  Instant created_at;
  bool deleted = false;
};

struct Event {
  std::string id;  // evt_...
  std::string merchant_id;
  std::string type;
  std::string payload;  // the JSON body sent
  Instant created_at;
};

enum class DeliveryStatus : std::uint8_t { kPending, kDelivered, kFailed };
std::string_view DeliveryStatusName(DeliveryStatus s);

struct Delivery {
  std::string id;  // whd_...
  std::string event_id;
  std::string endpoint_id;
  DeliveryStatus status = DeliveryStatus::kPending;
  int attempts = 0;
  Instant next_attempt_at;
  std::optional<int> last_status_code;
  std::string last_error;
  Instant created_at;
};

// https://host[:port]/path (certificate and host name verified) or http://.
Status ValidateUrl(std::string_view url);

// The delivery after an attempt at `now` that succeeded or not: delivered, or retried
// after 30 s, 1 min, 2 min, ... (at most 6 h apart), or failed once the event is older
// than kMaxDeliveryAge.
Delivery AfterAttempt(Delivery d, Instant event_created_at, Instant now, bool ok, std::optional<int> status_code,
                      std::string error);

using SigningKey = std::array<std::uint8_t, 32>;
// The endpoint's signing secret, derived from the platform's key (nothing secret is
// stored with the endpoint): "whsec_" + hex(HMAC-SHA256(platform key, endpoint id)).
std::string SigningSecret(const SigningKey& platform_key, std::string_view endpoint_id);
// "t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + body)>".
std::string SignatureHeader(std::string_view secret, Instant at, std::string_view body);

}  // namespace tranche::webhooks
