#include "sim/theft_actor.h"

#include <algorithm>
#include <cmath>

#include "lending/product.h"
#include "sim/consumer_actor.h"
#include "sim/draws.h"

namespace tranche::sim {

namespace {

// The category with the largest baskets: what a fraudster buys (resold most easily).
std::size_t DearestCategory(const SimConfig& c) {
  std::size_t best = 0;
  for (std::size_t i = 1; i < c.categories.size(); ++i) {
    if (c.categories[i].basket_usd_minor.median > c.categories[best].basket_usd_minor.median) best = i;
  }
  return best;
}

// `chargeback`: the victim goes to their card issuer rather than to the lender.
Purchase TheftPurchase(const World& world, std::int64_t victim, int day, std::uint64_t spree, int n, bool chargeback,
                       Draws& d) {
  const SimConfig& c = world.config;
  const ConsumerAgent& a = world.population.consumers[static_cast<std::size_t>(victim)];
  const std::size_t category = DearestCategory(c);
  const auto candidates = world.population.MerchantsOpen(a.country, category, day);
  Purchase p;
  p.consumer = victim;
  p.merchant = candidates[d.Below(candidates.size())];
  const MerchantAgent& m = world.population.merchants[p.merchant];
  // Baskets the category's usual size, not larger: a thief stays under the credit limit
  // a new or ordinary account gets. A wish drawn as a real number becomes whole units
  // before it is money.
  const double amount = c.categories[category].basket_usd_minor.median * (0.3 + 0.7 * d.Unit());
  p.amount_usd_minor = std::clamp<std::int64_t>(std::llround(amount / 100.0) * 100, 500, 2'000'000);
  p.product = ProductFor(lending::ProductKind::kPayIn4,
                         lending::FromUsdReference(p.amount_usd_minor, m.draft.default_currency));
  p.device = "fp-theft-" + std::to_string(day) + "-" + std::to_string(spree);
  p.ip = "198.51.100." + std::to_string(spree % 250 + 1);
  const std::size_t at = d.Chance(c.fraud.theft_home_ip_share) ? a.country : ElsewhereThan(c, a.country, d);
  p.ip_country = c.countries[at].code;
  p.fraud = "identity_theft";
  // The consumer notices the charge and disputes the order as not theirs, with the
  // lender or with their card issuer; the claim is valid.
  p.fate.dispute_after = d.Between(5, 20) + n;
  p.fate.dispute_reason = "unauthorized";
  p.fate.chargeback = chargeback;
  p.fate.respond_after = d.Between(2, 7);
  p.fate.merchant_accepts = d.Chance(c.dispute_merchant_accepts);
  p.fate.decide_after = d.Between(3, 10);
  p.fate.claim_valid = true;
  return p;
}

}  // namespace

void TheftActor::Act(const World& world, int day, std::vector<Action>& out) const {
  const SimConfig& c = world.config;
  const auto consumers = static_cast<std::uint64_t>(world.population.consumers.size());
  if (consumers == 0 || c.fraud.theft_rate_yearly <= 0) return;
  Draws d(c.seed, Purpose::kTheft, 0, static_cast<std::uint64_t>(day));
  // The day's thefts (more in a fraud wave): the expected number, its fraction by chance.
  const double expected =
      c.fraud.theft_rate_yearly / 365.0 * ConditionsOn(c, day).fraud * static_cast<double>(consumers);
  const auto whole = static_cast<std::uint64_t>(expected);
  const std::uint64_t sprees = whole + (d.Chance(expected - static_cast<double>(whole)) ? 1 : 0);
  for (std::uint64_t s = 0; s < sprees; ++s) {
    const auto victim = static_cast<std::int64_t>(d.Below(consumers));
    const bool chargeback = d.Chance(c.fraud.theft_chargeback_share);
    for (int n = 0; n < c.fraud.theft_purchases; ++n) {
      out.push_back(TheftPurchase(world, victim, day, s, n, chargeback, d));
    }
  }
}

}  // namespace tranche::sim
