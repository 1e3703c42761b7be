// Fast, stable, non-cryptographic hashing for routing and seeding (never for secrets:
// those use SHA-256 in auth/keys.h).
#pragma once

#include <cstdint>
#include <string_view>

namespace tranche {

// 64-bit FNV-1a: the same bytes give the same value on every machine and run.
constexpr std::uint64_t Fnv1a(std::string_view bytes, std::uint64_t h = 1469598103934665603ULL) {
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h;
}

}  // namespace tranche
