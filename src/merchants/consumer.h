// Consumers: the people who buy with tranche. Identity is the normalised email.
#pragma once

#include <optional>
#include <string>

#include "core/status.h"
#include "core/time.h"

namespace tranche::merchants {

inline constexpr std::size_t kMaxEmailChars = 254;

inline constexpr std::size_t kMaxPersonNameChars = 100;
inline constexpr std::size_t kMaxPhoneChars = 32;
inline constexpr std::size_t kMaxAddressLineChars = 200;

struct Address {
  std::string line1;
  std::string city;
  std::string postal_code;
  std::string country;  // ISO 3166-1 alpha-2
  friend bool operator==(const Address&, const Address&) = default;
};

struct Consumer {
  std::string id;  // con_...
  std::string email;  // normalised: trimmed, lower-case
  std::string given_name;
  std::string family_name;
  Instant created_at;
  std::string phone;  // as given; empty when unknown
  std::optional<Date> date_of_birth;
  std::optional<Address> address;
};

// False when `presented` contradicts what tranche knows about `known` (same email):
// another family name or another date of birth. Unknown fields contradict nothing.
bool IdentityConsistent(const Consumer& known, const Consumer& presented);

// Trims and lower-cases; refuses what is not plausibly an address.
Result<std::string> NormalizeEmail(std::string_view raw);

}  // namespace tranche::merchants
