// Stateless randomness for agents: every draw is a pure function of the run's seed and
// a key (who, which day, what for), so an agent's behaviour does not depend on the order
// agents are asked in, and the same seed gives the same business.
#pragma once

#include <cstdint>
#include <vector>

#include "core/random.h"
#include "sim/config.h"

namespace tranche::sim {

// What a draw is for: part of its key, so two purposes never share a stream.
enum class Purpose : std::uint64_t {
  kTraits = 1, kIdentity, kDefault, kHardship, kCardExpiry, kPurchase, kBasket, kFate, kContact, kFile,
  kMerchant, kUtterance, kDevice, kTheft, kReview, kRing, kBustOut, kCollusion, kMerchantJoin,
};

class Draws {
 public:
  Draws(std::uint64_t seed, Purpose purpose, std::uint64_t who, std::uint64_t when = 0);
  double Unit();  // [0, 1)
  std::uint64_t Below(std::uint64_t n);  // [0, n); precondition n > 0
  int Between(int lo, int hi);  // [lo, hi]
  double Normal();
  double Draw(const LogNormal& l);  // median * exp(sigma * N(0,1))
  // An index chosen in proportion to the weights. Precondition: some weight > 0.
  std::size_t Pick(const std::vector<Weighted>& weights);
  std::size_t Pick(const std::vector<double>& weights);
  bool Chance(double p) { return Unit() < p; }

 private:
  SeededRandom rng_;
};

}  // namespace tranche::sim
