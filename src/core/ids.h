// Prefixed, time-sortable identifiers: "ord_01JDQ3V6W4X8Y2Z0ABCDEFGHJK".
//
// The 26 characters after the prefix are a ULID: 48 bits of Unix milliseconds then 80
// random bits, in Crockford base32, so ids sort by creation time as strings. Within
// one millisecond the generator increments the random part, so ids from one generator
// are strictly increasing.
#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "core/random.h"

namespace tranche {

inline constexpr std::size_t kUlidChars = 26;
inline constexpr std::size_t kMaxIdPrefixChars = 5;

class IdGenerator {
 public:
  // Both references must outlive the generator.
  IdGenerator(const Clock& clock, RandomSource& random) : clock_(clock), random_(random) {}

  // Precondition: prefix is 2..5 lower-case letters (asserted).
  std::string Next(std::string_view prefix);

 private:
  const Clock& clock_;
  RandomSource& random_;
  std::mutex mu_;
  std::int64_t last_ms_ = -1;
  std::uint8_t last_random_[10] = {};
};

// True when `id` is `<prefix>_` followed by 26 Crockford base32 characters.
bool IsValidId(std::string_view id, std::string_view prefix);
// The Unix milliseconds encoded in a valid id.
std::int64_t IdMillis(std::string_view id);
// The id of `prefix` at `t` with a random part of zeros: every id created at `t` or later
// sorts after it (a generated one is never this id but with odds of 2^-80), so a listing
// in id order "after" it starts at `t`. Precondition: as for Next; `t` after 1970.
std::string IdFloor(std::string_view prefix, Instant t);

}  // namespace tranche
