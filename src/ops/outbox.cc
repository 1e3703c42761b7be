#include "ops/outbox.h"

#include "webhooks/webhook.h"

namespace tranche::ops {

Status PublishEvent(store::Tx& tx, IdGenerator& ids, Instant now, const std::string& merchant_id,
                    const std::string& type, Json object) {
  TRANCHE_ASSERT(webhooks::IsEventType(type));
  const std::string id = ids.Next("evt");
  const Json payload = {{"id", id}, {"object", "event"}, {"type", type}, {"created_at", FormatRfc3339(now)},
                        {"data", {{"object", std::move(object)}}}};
  return tx.webhooks().Publish(webhooks::Event{id, merchant_id, type, payload.dump(-1, ' ', false, Json::error_handler_t::replace), now}, ids).status();
}

Status NotifyConsumer(store::Tx& tx, IdGenerator& ids, Instant now, std::string_view consumer_id,
                      std::string kind, std::string subject, std::string body) {
  TRANCHE_ASSIGN_OR_RETURN(auto consumer, tx.consumers().Find(consumer_id));
  TRANCHE_ASSERT(consumer.has_value());  // plans and disputes reference existing consumers
  return tx.notifications().Insert(notify::Notification{ids.Next("ntf"), std::string(consumer_id), "email",
                                                        std::move(kind), consumer->email, std::move(subject),
                                                        std::move(body), now});
}

}  // namespace tranche::ops
