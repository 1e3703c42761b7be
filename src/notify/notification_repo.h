// Storage port for the consumer notification outbox.
#pragma once

#include <optional>
#include <vector>

#include "core/status.h"
#include "notify/notification.h"

namespace tranche::notify {

class NotificationRepo {
 public:
  virtual ~NotificationRepo() = default;
  virtual Status Insert(const Notification& n) = 0;
  // In id order after `after_id`, at most `limit`; only `consumer_id`'s when given.
  virtual Result<std::vector<Notification>> List(std::optional<std::string_view> consumer_id,
                                                 std::string_view after_id, std::size_t limit) = 0;
};

}  // namespace tranche::notify
