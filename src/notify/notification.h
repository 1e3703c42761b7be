// Consumer notifications. Everything tranche tells a consumer is written to the
// notification outbox in the same transaction as the change it reports; a sender
// delivers it from there (the default keeps it, visible to operators).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "core/time.h"

namespace tranche::notify {

struct Notification {
  std::string id;  // ntf_...
  std::string consumer_id;
  std::string channel;    // "email"
  std::string kind;       // "login_code", ...
  std::string recipient;  // the address it goes to
  std::string subject;
  std::string body;
  Instant created_at;
};

class NotificationRepo {
 public:
  virtual ~NotificationRepo() = default;
  virtual Status Insert(const Notification& n) = 0;
  // In id order after `after_id`, at most `limit`; only `consumer_id`'s when given.
  virtual Result<std::vector<Notification>> List(std::optional<std::string_view> consumer_id,
                                                 std::string_view after_id, std::size_t limit) = 0;
};

}  // namespace tranche::notify
