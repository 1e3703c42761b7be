// Storage port for the customer contacts people handled (contact.h).
#pragma once

#include <vector>

#include "servicing/contact.h"

namespace tranche::servicing {

class ContactRepo {
 public:
  virtual ~ContactRepo() = default;
  virtual Status Insert(const Contact& c) = 0;
  virtual Result<std::optional<Contact>> Find(std::string_view id) = 0;
  // In id (creation) order after `after_id`, at most `limit`.
  virtual Result<std::vector<Contact>> List(std::string_view after_id, std::size_t limit) = 0;
  // Started in [from, to), in start order, at most `limit` (the automation scorecard).
  virtual Result<std::vector<Contact>> ListStarted(Instant from, Instant to, std::size_t limit) = 0;
};

}  // namespace tranche::servicing
