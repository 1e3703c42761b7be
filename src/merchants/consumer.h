// Consumers: the people who buy with tranche. Identity is the normalised email.
#pragma once

#include <string>

#include "core/status.h"
#include "core/time.h"

namespace tranche::merchants {

inline constexpr std::size_t kMaxEmailChars = 254;

struct Consumer {
  std::string id;  // con_...
  std::string email;  // normalised: trimmed, lower-case
  std::string given_name;
  std::string family_name;
  Instant created_at;
};

// Trims and lower-cases; refuses what is not plausibly an address.
Result<std::string> NormalizeEmail(std::string_view raw);

}  // namespace tranche::merchants
