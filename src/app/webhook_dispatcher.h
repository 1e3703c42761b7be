// Delivers webhooks from the outbox: due deliveries are read, POSTed with their
// signature (webhooks/webhook.h) and the outcome recorded — delivered, or scheduled
// again with backoff, or failed after three days. Delivery is at least once: a crash
// between sending and recording sends the same event (same id) again.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "store/store.h"
#include "webhooks/webhook.h"

namespace tranche::app {

inline constexpr std::size_t kMaxDeliveriesPerRound = 32;
inline constexpr std::chrono::seconds kDeliveryTimeout{5};
inline constexpr std::size_t kMaxRecordedResponseChars = 200;

struct HttpOutcome {
  std::optional<int> status_code;  // none when no response came
  std::string error;               // empty on a 2xx
};

using Headers = std::vector<std::pair<std::string, std::string>>;
struct PostOptions {
  bool allow_private = false;  // loopback and private addresses (demo and tests only)
  std::string ca_file = {};    // extra trusted CA certificates (PEM); empty: the system's
};
// POSTs `body` to an https:// URL (TLS with SNI; the certificate must chain to a trusted
// CA and name the host) or an http:// one, within kDeliveryTimeout. Refuses private and
// loopback addresses unless allowed (a merchant must not reach tranche's own network).
HttpOutcome PostJson(const std::string& url, const std::string& body, const Headers& headers,
                     const PostOptions& options);

using Poster = std::function<HttpOutcome(const std::string& url, const std::string& body, const Headers& headers)>;

class WebhookDispatcher {
 public:
  WebhookDispatcher(store::Store& store, const Clock& clock, const webhooks::SigningKey& key, Poster post)
      : store_(store), clock_(clock), key_(key), post_(std::move(post)) {}
  // One round: sends what is due now (at most kMaxDeliveriesPerRound); returns how many
  // were attempted.
  Result<std::size_t> RunOnce();

 private:
  store::Store& store_;
  const Clock& clock_;
  const webhooks::SigningKey& key_;
  Poster post_;
};

}  // namespace tranche::app
