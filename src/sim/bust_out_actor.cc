#include "sim/bust_out_actor.h"

#include <algorithm>
#include <cmath>

#include "lending/product.h"
#include "sim/consumer_actor.h"
#include "sim/draws.h"

namespace tranche::sim {

namespace {

Purchase BustOutPurchase(const World& world, std::int64_t index, int day, const std::vector<double>& category_weights,
                         Draws& d) {
  const SimConfig& c = world.config;
  const ConsumerAgent& a = world.population.consumers[static_cast<std::size_t>(index)];
  const std::size_t category = d.Pick(category_weights);
  const auto candidates = world.population.MerchantsOpen(a.country, category, day);
  Purchase p;
  p.consumer = index;
  p.merchant = candidates[d.Below(candidates.size())];
  const MerchantAgent& m = world.population.merchants[p.merchant];
  // Baskets one to two times the category's usual size: as much as the limit may allow.
  // A wish drawn as a real number becomes whole units before it is money.
  const double amount = c.categories[category].basket_usd_minor.median * (1.0 + d.Unit());
  p.amount_usd_minor = std::clamp<std::int64_t>(std::llround(amount / 100.0) * 100, 500, 2'000'000);
  p.product = ProductFor(lending::ProductKind::kPayIn4,
                         lending::FromUsdReference(p.amount_usd_minor, m.draft.default_currency));
  p.device = OwnDevice(index);
  p.ip = OwnIp(index);
  p.ip_country = c.countries[a.country].code;
  p.fraud = "bust_out";
  return p;  // no return, dispute or payoff: the buyer means never to pay
}

}  // namespace

void BustOutActor::Act(const World& world, int day, std::vector<Action>& out) const {
  const SimConfig& c = world.config;
  const std::vector<double> category_weights = CategoryWeights(c);
  const auto& consumers = world.population.consumers;
  for (std::size_t i = 0; i < consumers.size(); ++i) {
    if (consumers[i].bust_out_day != day) continue;
    Draws d(c.seed, Purpose::kBustOut, i, static_cast<std::uint64_t>(day) + 1);
    for (int n = 0; n < c.fraud.bust_out_purchases; ++n) {
      out.push_back(BustOutPurchase(world, static_cast<std::int64_t>(i), day, category_weights, d));
    }
  }
}

}  // namespace tranche::sim
