#include "ops/outbox.h"

namespace tranche::ops {

Status NotifyConsumer(store::Tx& tx, IdGenerator& ids, Instant now, std::string_view consumer_id,
                      std::string kind, std::string subject, std::string body) {
  TRANCHE_ASSIGN_OR_RETURN(auto consumer, tx.consumers().Find(consumer_id));
  TRANCHE_ASSERT(consumer.has_value());  // plans and disputes reference existing consumers
  return tx.notifications().Insert(notify::Notification{ids.Next("ntf"), std::string(consumer_id), "email",
                                                        std::move(kind), consumer->email, std::move(subject),
                                                        std::move(body), now});
}

}  // namespace tranche::ops
