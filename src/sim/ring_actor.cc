#include "sim/ring_actor.h"

#include <algorithm>
#include <cmath>

#include "lending/product.h"
#include "sim/consumer_actor.h"
#include "sim/draws.h"

namespace tranche::sim {

namespace {

// Where a ring's member buys: anywhere in the ring's country, or only at the ring's
// colluding merchant.
std::size_t RingMerchant(const World& world, const Ring& r, int day, const std::vector<double>& category_weights,
                         Draws& d) {
  if (r.merchant) return *r.merchant;
  const auto candidates = world.population.MerchantsOpen(r.country, d.Pick(category_weights), day);
  return candidates[d.Below(candidates.size())];
}

Purchase RingPurchase(const World& world, std::size_t ring, std::int64_t member, int day,
                      const std::vector<double>& category_weights, Draws& d) {
  const SimConfig& c = world.config;
  const Ring& r = world.population.rings[ring];
  Purchase p;
  p.consumer = member;
  p.merchant = RingMerchant(world, r, day, category_weights, d);
  const MerchantAgent& m = world.population.merchants[p.merchant];
  // A wish drawn as a real number becomes whole units before it is money.
  const double amount = d.Draw(c.categories[m.category].basket_usd_minor) * m.ticket_multiplier;
  p.amount_usd_minor = std::clamp<std::int64_t>(std::llround(amount / 100.0) * 100, 500, 2'000'000);
  p.product = ProductFor(lending::ProductKind::kPayIn4,
                         lending::FromUsdReference(p.amount_usd_minor, m.draft.default_currency));
  p.ip_country = c.countries[r.country].code;
  if (r.merchant) {
    // Each of a colluding merchant's buyers on a device of their own: only the merchant
    // ties them together.
    const auto u = static_cast<std::uint64_t>(member);
    p.device = "fp-collusion-" + std::to_string(member);
    p.ip = "198.19." + std::to_string((u >> 8) & 255) + "." + std::to_string(u & 255);
    p.fraud = "merchant_collusion";
  } else {
    p.device = "fp-ring-" + std::to_string(ring);
    p.ip = "198.18." + std::to_string((ring >> 8) & 255) + "." + std::to_string(ring & 255);
    p.fraud = "synthetic_ring";
  }
  return p;  // no return, dispute or payoff: nobody is there to make one
}

}  // namespace

void RingActor::Act(const World& world, int day, std::vector<Action>& out) const {
  const SimConfig& c = world.config;
  const std::vector<Ring>& rings = world.population.rings;
  const std::vector<double> category_weights = CategoryWeights(c);
  for (std::size_t r = 0; r < rings.size(); ++r) {
    if (!rings[r].active.Contains(day)) continue;
    for (int m = 0; m < rings[r].size; ++m) {
      const std::int64_t member = rings[r].first + m;
      Draws d(c.seed, Purpose::kRing, static_cast<std::uint64_t>(member), static_cast<std::uint64_t>(day) + 1);
      if (d.Chance(c.fraud.ring_purchases_per_day)) {
        out.push_back(RingPurchase(world, r, member, day, category_weights, d));
      }
    }
  }
}

}  // namespace tranche::sim
