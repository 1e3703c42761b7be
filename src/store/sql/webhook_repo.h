// Webhook endpoints, events and deliveries in SQL: the implementation of the port it
// includes, on one connection, inside whatever transaction the store has open on it.
#pragma once

#include "webhooks/webhook_repo.h"
#include "store/sql/connection.h"

namespace tranche::store::sql {

class SqlWebhookRepo final : public webhooks::WebhookRepo {
 public:
  explicit SqlWebhookRepo(Connection& c) : c_(c) {}
  Status InsertEndpoint(const webhooks::Endpoint& e) override;
  Result<std::optional<webhooks::Endpoint>> FindEndpoint(std::string_view id) override;
  Result<std::vector<webhooks::Endpoint>> ListEndpoints(std::string_view merchant_id) override;
  Status DeleteEndpoint(std::string_view id) override;
  Result<int> Publish(const webhooks::Event& e, IdGenerator& ids) override;
  Result<std::optional<webhooks::Event>> FindEvent(std::string_view id) override;
  Result<std::vector<webhooks::Event>> ListEvents(std::string_view merchant_id, std::string_view after_id,
                                                  std::size_t limit) override;
  Status InsertDelivery(const webhooks::Delivery& d) override;
  Result<std::optional<webhooks::Delivery>> FindDelivery(std::string_view id) override;
  Result<std::vector<webhooks::Delivery>> ListDue(Instant now, std::size_t per_endpoint,
                                                  std::size_t limit) override;
  Result<bool> ClaimDelivery(std::string_view id, std::string_view node, Instant now, Instant until) override;
  Result<bool> RecordAttempt(const webhooks::Delivery& d, std::string_view node) override;
  Result<std::vector<webhooks::Delivery>> ListDeliveries(std::string_view endpoint_id, std::string_view before_id,
                                                         std::size_t limit) override;

 private:
  Connection& c_;
};

}  // namespace tranche::store::sql
