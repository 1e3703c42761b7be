// Storage port for webhook endpoints, the event outbox and deliveries.
#pragma once

#include <optional>
#include <vector>

#include "core/ids.h"
#include "webhooks/webhook.h"

namespace tranche::webhooks {

class WebhookRepo {
 public:
  virtual ~WebhookRepo() = default;
  virtual Status InsertEndpoint(const Endpoint& e) = 0;
  virtual Result<std::optional<Endpoint>> FindEndpoint(std::string_view id) = 0;
  // The merchant's endpoints that are not deleted, oldest first.
  virtual Result<std::vector<Endpoint>> ListEndpoints(std::string_view merchant_id) = 0;
  virtual Status DeleteEndpoint(std::string_view id) = 0;

  // Writes the event and a pending delivery, due at once, for each of the merchant's
  // endpoints subscribed to its type. Returns how many deliveries.
  virtual Result<int> Publish(const Event& e, IdGenerator& ids) = 0;
  virtual Result<std::optional<Event>> FindEvent(std::string_view id) = 0;
  // The merchant's events in id (creation) order after `after_id`; at most `limit`.
  virtual Result<std::vector<Event>> ListEvents(std::string_view merchant_id, std::string_view after_id,
                                                std::size_t limit) = 0;

  virtual Status InsertDelivery(const Delivery& d) = 0;
  virtual Result<std::optional<Delivery>> FindDelivery(std::string_view id) = 0;
  // Pending deliveries due at `now` that no node has claimed (or whose claim ran out by
  // `now`), oldest first: each endpoint's `per_endpoint` oldest, so an endpoint with a
  // backlog cannot crowd out the others; at most `limit`.
  virtual Result<std::vector<Delivery>> ListDue(Instant now, std::size_t per_endpoint, std::size_t limit) = 0;
  // Claims a pending delivery due at `now` for `node` until `until`, so that no other
  // node of a fleet attempts it meanwhile. False when it is no longer pending or due, or
  // another claim on it still runs at `now`. Precondition: now < until.
  virtual Result<bool> ClaimDelivery(std::string_view id, std::string_view node, Instant now, Instant until) = 0;
  // Stores status, attempts, next attempt and the last result of a delivery still
  // pending and claimed by `node`, and ends the claim. False when nothing was stored:
  // the delivery failed meanwhile (its endpoint deleted during the attempt), or the
  // claim ran out and another node took it over (its attempt is the one recorded).
  virtual Result<bool> RecordAttempt(const Delivery& d, std::string_view node) = 0;
  // An endpoint's deliveries, newest first, before `before_id` (empty: from the newest).
  virtual Result<std::vector<Delivery>> ListDeliveries(std::string_view endpoint_id, std::string_view before_id,
                                                       std::size_t limit) = 0;
};

}  // namespace tranche::webhooks
