#include "sim/draws.h"

#include <cmath>
#include <cstring>
#include <string_view>

#include "core/assert.h"
#include "core/hash.h"

namespace tranche::sim {

namespace {

std::uint64_t Key(std::uint64_t seed, Purpose purpose, std::uint64_t who, std::uint64_t when) {
  const std::uint64_t parts[4] = {seed, static_cast<std::uint64_t>(purpose), who, when};
  char bytes[sizeof(parts)];
  std::memcpy(bytes, parts, sizeof(parts));
  return Fnv1a(std::string_view(bytes, sizeof(bytes)));
}

}  // namespace

Draws::Draws(std::uint64_t seed, Purpose purpose, std::uint64_t who, std::uint64_t when)
    : rng_(Key(seed, purpose, who, when)) {}

double Draws::Unit() { return static_cast<double>(rng_.NextU64() >> 11) * 0x1.0p-53; }

std::uint64_t Draws::Below(std::uint64_t n) { return rng_.Uniform(n); }

int Draws::Between(int lo, int hi) {
  TRANCHE_ASSERT(lo <= hi);
  return lo + static_cast<int>(Below(static_cast<std::uint64_t>(hi - lo) + 1));
}

double Draws::Normal() {
  // Box-Muller; 1 - Unit() is in (0, 1], so the logarithm is finite.
  const double u = 1.0 - Unit();
  const double v = Unit();
  return std::sqrt(-2.0 * std::log(u)) * std::cos(2.0 * M_PI * v);
}

double Draws::Draw(const LogNormal& l) { return l.median * std::exp(l.sigma * Normal()); }

std::size_t Draws::Pick(const std::vector<Weighted>& weights) {
  std::vector<double> w;
  w.reserve(weights.size());
  for (const Weighted& x : weights) w.push_back(x.weight);
  return Pick(w);
}

std::size_t Draws::Pick(const std::vector<double>& weights) {
  double total = 0;
  for (double w : weights) total += w;
  TRANCHE_ASSERT(total > 0);
  double u = Unit() * total;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    if (u < weights[i]) return i;
    u -= weights[i];
  }
  return weights.size() - 1;  // rounding left u at the very end
}

}  // namespace tranche::sim
