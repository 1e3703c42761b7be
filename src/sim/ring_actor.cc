#include "sim/ring_actor.h"

#include <algorithm>
#include <cmath>

#include "lending/product.h"
#include "sim/consumer_actor.h"
#include "sim/draws.h"

namespace tranche::sim {

namespace {

Purchase RingPurchase(const World& world, std::size_t ring, std::int64_t member, Draws& d) {
  const SimConfig& c = world.config;
  const Ring& r = world.population.rings[ring];
  std::vector<double> category_weights;
  for (const Category& cat : c.categories) category_weights.push_back(cat.weight);
  const std::size_t category = d.Pick(category_weights);
  const auto& candidates = world.population.merchants_by[r.country][category];
  Purchase p;
  p.consumer = member;
  p.merchant = candidates[d.Below(candidates.size())];
  const MerchantAgent& m = world.population.merchants[p.merchant];
  // A wish drawn as a real number becomes whole units before it is money.
  const double amount = d.Draw(c.categories[category].basket_usd_minor);
  p.amount_usd_minor = std::clamp<std::int64_t>(std::llround(amount / 100.0) * 100, 500, 2'000'000);
  p.product = ProductFor(lending::ProductKind::kPayIn4,
                         lending::FromUsdReference(p.amount_usd_minor, m.draft.default_currency));
  p.device = "fp-ring-" + std::to_string(ring);
  p.ip = "198.18." + std::to_string((ring >> 8) & 255) + "." + std::to_string(ring & 255);
  p.ip_country = c.countries[r.country].code;
  p.fraud = "synthetic_ring";
  return p;  // no return, dispute or payoff: nobody is there to make one
}

}  // namespace

void RingActor::Act(const World& world, int day, std::vector<Action>& out) const {
  const SimConfig& c = world.config;
  const std::vector<Ring>& rings = world.population.rings;
  for (std::size_t r = 0; r < rings.size(); ++r) {
    if (!rings[r].active.Contains(day)) continue;
    for (int m = 0; m < rings[r].size; ++m) {
      const std::int64_t member = rings[r].first + m;
      Draws d(c.seed, Purpose::kRing, static_cast<std::uint64_t>(member), static_cast<std::uint64_t>(day) + 1);
      if (d.Chance(c.fraud.ring_purchases_per_day)) out.push_back(RingPurchase(world, r, member, d));
    }
  }
}

}  // namespace tranche::sim
