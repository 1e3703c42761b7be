// Randomness is injected like the clock: production draws from the OS CSPRNG,
// tests and the simulator from a seeded generator so runs repeat exactly.
#pragma once

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <span>

namespace tranche {

class RandomSource {
 public:
  virtual ~RandomSource() = default;
  virtual void Fill(std::span<std::uint8_t> out) = 0;
  std::uint64_t NextU64();
  // Uniform in [0, n), without modulo bias. Precondition: n > 0.
  std::uint64_t Uniform(std::uint64_t n);
};

// libsodium's randombytes: the source for secrets and ids in production.
class SecureRandom final : public RandomSource {
 public:
  SecureRandom();
  void Fill(std::span<std::uint8_t> out) override;
};

// SplitMix64: small, fast, fully determined by its seed. Thread-safe. Never for secrets
// outside tests and simulations.
class SeededRandom final : public RandomSource {
 public:
  explicit SeededRandom(std::uint64_t seed) : state_(seed) {}
  void Fill(std::span<std::uint8_t> out) override;

 private:
  std::mutex mu_;
  std::uint64_t state_;
};

}  // namespace tranche
