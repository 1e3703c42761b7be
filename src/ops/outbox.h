// The outbox: notifications for consumers here, webhook events for merchants in
// events.h, written in the caller's transaction so they exist exactly when the change
// they report does.
#pragma once

#include <nlohmann/json.hpp>

#include "core/ids.h"
#include "store/store.h"

namespace tranche::ops {

using Json = nlohmann::json;

// Queues an email to the consumer (the default sender keeps it for operators).
// `kind`: payment_reminder, payment_failed, late_fee, plan_paid_off, dispute_update, ...
Status NotifyConsumer(store::Tx& tx, IdGenerator& ids, Instant now, std::string_view consumer_id,
                      std::string kind, std::string subject, std::string body);

}  // namespace tranche::ops
