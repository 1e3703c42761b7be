#include "core/ids.h"

#include <cstring>

#include "core/assert.h"

namespace tranche {

namespace {
constexpr char kCrockford[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

bool IsPrefix(std::string_view p) {
  if (p.size() < 2 || p.size() > kMaxIdPrefixChars) return false;
  for (char c : p) {
    if (c < 'a' || c > 'z') return false;
  }
  return true;
}

int CrockfordValue(char c) {
  const char* pos = std::strchr(kCrockford, c);
  return (c != '\0' && pos != nullptr) ? static_cast<int>(pos - kCrockford) : -1;
}

// Encodes 128 bits (6 bytes time + 10 bytes random) as 26 base32 characters; the
// first character carries only 3 bits, so a valid ULID starts with 0..7.
void EncodeUlid(const std::uint8_t bytes[16], char out[kUlidChars]) {
  __extension__ typedef unsigned __int128 U128;  // GCC's 128-bit integer
  U128 v = 0;
  for (int i = 0; i < 16; ++i) v = (v << 8) | bytes[i];
  for (int i = static_cast<int>(kUlidChars) - 1; i >= 0; --i) {
    out[i] = kCrockford[static_cast<int>(v & 31)];
    v >>= 5;
  }
}
}  // namespace

std::string IdGenerator::Next(std::string_view prefix) {
  TRANCHE_ASSERT_MSG(IsPrefix(prefix), "id prefix must be 2-5 lower-case letters");
  std::uint8_t bytes[16];
  {
    std::lock_guard lock(mu_);
    std::int64_t ms = UnixMillis(clock_.Now());
    TRANCHE_ASSERT(ms >= 0 && ms < (std::int64_t{1} << 48));
    if (ms <= last_ms_) {
      // Same (or an earlier, if the system clock stepped back) millisecond: keep the
      // last time and increment the random part so order is preserved.
      ms = last_ms_;
      int i = 9;
      while (i >= 0 && ++last_random_[i] == 0) --i;
      TRANCHE_ASSERT_MSG(i >= 0, "80-bit id counter overflowed within one millisecond");
    } else {
      last_ms_ = ms;
      random_.Fill(last_random_);
      last_random_[0] &= 0x7f;  // leave headroom so increments never overflow in practice
    }
    for (int i = 0; i < 6; ++i) bytes[i] = static_cast<std::uint8_t>(ms >> (8 * (5 - i)));
    std::memcpy(bytes + 6, last_random_, 10);
  }
  char ulid[kUlidChars];
  EncodeUlid(bytes, ulid);
  std::string out;
  out.reserve(prefix.size() + 1 + kUlidChars);
  out.append(prefix).push_back('_');
  out.append(ulid, kUlidChars);
  return out;
}

std::string IdFloor(std::string_view prefix, Instant t) {
  TRANCHE_ASSERT_MSG(IsPrefix(prefix), "id prefix must be 2-5 lower-case letters");
  const std::int64_t ms = UnixMillis(t);
  TRANCHE_ASSERT(ms >= 0 && ms < (std::int64_t{1} << 48));
  std::uint8_t bytes[16] = {};
  for (int i = 0; i < 6; ++i) bytes[i] = static_cast<std::uint8_t>(ms >> (8 * (5 - i)));
  char ulid[kUlidChars];
  EncodeUlid(bytes, ulid);
  return std::string(prefix) + "_" + std::string(ulid, kUlidChars);
}

bool IsValidId(std::string_view id, std::string_view prefix) {
  if (id.size() != prefix.size() + 1 + kUlidChars) return false;
  if (id.substr(0, prefix.size()) != prefix || id[prefix.size()] != '_') return false;
  const std::string_view ulid = id.substr(prefix.size() + 1);
  if (ulid[0] > '7') return false;
  for (char c : ulid) {
    if (CrockfordValue(c) < 0) return false;
  }
  return true;
}

std::int64_t IdMillis(std::string_view id) {
  const std::size_t underscore = id.find('_');
  TRANCHE_ASSERT(underscore != std::string_view::npos);
  const std::string_view ulid = id.substr(underscore + 1);
  TRANCHE_ASSERT(ulid.size() == kUlidChars);
  std::int64_t ms = 0;
  for (std::size_t i = 0; i < 10; ++i) ms = (ms << 5) | CrockfordValue(ulid[i]);
  return ms;
}

}  // namespace tranche
