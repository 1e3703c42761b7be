// Consumer notifications. Everything tranche tells a consumer is written to the
// notification outbox in the same transaction as the change it reports; a sender
// delivers it from there (the default keeps it, visible to operators).
#pragma once

#include <string>

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

}  // namespace tranche::notify
