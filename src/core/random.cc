#include "core/random.h"

#include <sodium.h>

#include <cstring>

#include "core/assert.h"

namespace tranche {

std::uint64_t RandomSource::NextU64() {
  std::uint8_t buf[8];
  Fill(buf);
  std::uint64_t v = 0;
  std::memcpy(&v, buf, sizeof v);
  return v;
}

std::uint64_t RandomSource::Uniform(std::uint64_t n) {
  TRANCHE_ASSERT(n > 0);
  // Values at or above the largest multiple of n would favour small results; redraw.
  const std::uint64_t limit = UINT64_MAX - UINT64_MAX % n;
  std::uint64_t v = NextU64();
  while (v >= limit) v = NextU64();
  return v % n;
}

SecureRandom::SecureRandom() { TRANCHE_ASSERT_MSG(sodium_init() >= 0, "libsodium init failed"); }

void SecureRandom::Fill(std::span<std::uint8_t> out) { randombytes_buf(out.data(), out.size()); }

void SeededRandom::Fill(std::span<std::uint8_t> out) {
  std::lock_guard lock(mu_);
  std::size_t i = 0;
  while (i < out.size()) {
    state_ += 0x9e3779b97f4a7c15ULL;
    std::uint64_t z = state_;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    z ^= z >> 31;
    for (int b = 0; b < 8 && i < out.size(); ++b, ++i) {
      out[i] = static_cast<std::uint8_t>(z >> (8 * b));
    }
  }
}

}  // namespace tranche
