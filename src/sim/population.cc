#include "sim/population.h"

#include <algorithm>
#include <cmath>

#include "core/assert.h"
#include "sim/draws.h"

namespace tranche::sim {

namespace {

constexpr const char* kGivenNames[] = {"Ava", "Noah", "Mia", "Liam", "Elsa", "Hugo", "Lena", "Felix",
                                       "Olivia", "Oscar", "Maja", "Jonas", "Emma", "Lucas", "Saga", "Paul"};
constexpr const char* kFamilyNames[] = {"Larsson", "Bennett", "Fischer", "Walsh", "Lindqvist", "Schmidt",
                                        "Carter", "Berg", "Wagner", "Hughes", "Nilsson", "Becker"};

// Days of the run, each with the scenarios' distress multiplier.
std::vector<double> DistressByDay(const SimConfig& c) {
  std::vector<double> out(static_cast<std::size_t>(c.days));
  for (int d = 0; d < c.days; ++d) out[static_cast<std::size_t>(d)] = ConditionsOn(c, d).distress;
  return out;
}

// The first day on which the hazard accumulated from `from` reaches an exponential
// draw: an event with a daily hazard that the scenarios scale.
std::optional<int> NextEvent(Draws& draws, double daily_hazard, const std::vector<double>& distress, int from) {
  if (daily_hazard <= 0) return std::nullopt;
  const double target = -std::log(1.0 - draws.Unit());
  double accumulated = 0;
  for (int d = from; d < static_cast<int>(distress.size()); ++d) {
    accumulated += daily_hazard * distress[static_cast<std::size_t>(d)];
    if (accumulated >= target) return d;
  }
  return std::nullopt;
}

std::vector<Spell> Spells(Draws& draws, double daily_hazard, const std::vector<double>& distress,
                          int length_lo, int length_hi) {
  std::vector<Spell> out;
  int from = 0;
  while (auto start = NextEvent(draws, daily_hazard, distress, from)) {
    const int until = *start + draws.Between(length_lo, length_hi);
    out.push_back({*start, until});
    from = until;
  }
  return out;
}

ConsumerAgent MakeConsumer(const SimConfig& c, std::int64_t index, const std::vector<double>& distress) {
  const ConsumerBehaviour& b = c.consumer;
  Draws traits(c.seed, Purpose::kTraits, static_cast<std::uint64_t>(index));
  ConsumerAgent a;
  const std::vector<double> country_weights = CountryWeights(c);
  a.country = traits.Pick(country_weights);
  a.language = c.countries[a.country].languages[traits.Pick(c.countries[a.country].languages)].name;
  a.income_usd_monthly = traits.Draw(b.income_usd_monthly);
  // Propensity: log-normal with mean 1, so the population buys purchases_per_month.
  const double sigma = b.propensity_sigma;
  const double propensity = std::exp(sigma * traits.Normal() - sigma * sigma / 2);
  a.purchases_per_day = b.purchases_per_month / 30.0 * propensity;
  a.contacts_per_day = b.contacts_per_month / 30.0;
  a.card = traits.Chance(b.card_share);
  // Lower incomes default more: hazard scales with (median / income)^elasticity.
  const double income_factor = std::pow(b.income_usd_monthly.median / a.income_usd_monthly, b.income_elasticity);
  const double default_daily = std::min(1.0, b.default_rate_yearly * income_factor) / 365.0;
  Draws defaults(c.seed, Purpose::kDefault, static_cast<std::uint64_t>(index));
  a.default_day = NextEvent(defaults, default_daily, distress, 0);
  Draws hardship(c.seed, Purpose::kHardship, static_cast<std::uint64_t>(index));
  a.hardship = Spells(hardship, b.hardship_rate_yearly * std::min(3.0, income_factor) / 365.0, distress,
                      std::max(1, b.hardship_days / 2), b.hardship_days * 3 / 2);
  const std::vector<double> flat(distress.size(), 1.0);  // events the economy does not change
  if (a.card) {
    Draws expiry(c.seed, Purpose::kCardExpiry, static_cast<std::uint64_t>(index));
    a.expired_card = Spells(expiry, b.card_expiry_rate_yearly / 365.0, flat, 3, 20);
  }
  // A bust-out comes after a history of paying: never in the run's first days, and
  // whatever the economy does (it is a plan, not a misfortune).
  Draws bust_out(c.seed, Purpose::kBustOut, static_cast<std::uint64_t>(index));
  a.bust_out_day = NextEvent(bust_out, c.fraud.bust_out_rate_yearly / 365.0, flat, c.fraud.bust_out_after_days);
  if (a.default_day && a.bust_out_day && *a.default_day <= *a.bust_out_day) a.bust_out_day.reset();  // already not paying
  return a;
}

}  // namespace

std::string_view MethodProfile(const ConsumerAgent& c, int day) {
  if (c.default_day && day >= *c.default_day) return "insufficient_funds";
  if (c.bust_out_day && day >= *c.bust_out_day) return "insufficient_funds";
  for (const Spell& s : c.hardship) {
    if (s.Contains(day)) return "insufficient_funds";
  }
  for (const Spell& s : c.expired_card) {
    if (s.Contains(day)) return "expired_card";
  }
  return "standard";
}

Conditions ConditionsOn(const SimConfig& c, int day) {
  Conditions out;
  for (const Scenario& s : c.scenarios) {
    if (day < s.start_day || day >= s.end_day) continue;
    out.purchase *= s.purchase_multiplier;
    out.distress *= s.default_multiplier;
    out.fraud *= s.fraud_multiplier;
  }
  return out;
}

const ConsumerAgent& Population::Agent(std::int64_t index) const {
  TRANCHE_ASSERT(index >= 0 && static_cast<std::size_t>(index) < agents());
  const auto i = static_cast<std::size_t>(index);
  return i < consumers.size() ? consumers[i] : synthetic[i - consumers.size()];
}

std::span<const std::size_t> Population::MerchantsOpen(std::size_t country, std::size_t category, int day) const {
  const std::vector<std::size_t>& all = merchants_by.at(country).at(category);
  const auto open = std::partition_point(all.begin(), all.end(),
                                         [&](std::size_t m) { return merchants[m].joins_on_day <= day; });
  TRANCHE_ASSERT_MSG(open != all.begin(), "every country and category has a merchant from day 0");
  return {all.data(), static_cast<std::size_t>(open - all.begin())};
}

namespace {

// How many rings of a kind a run has: in proportion to the consumers and the days.
std::int64_t RingsInRun(const SimConfig& c, double per_1000_yearly) {
  const double expected = per_1000_yearly * static_cast<double>(c.consumers) / 1000.0 * c.days / 365.0;
  return std::min<std::int64_t>(std::llround(expected), kMaxRings);
}

// The run's last day (index).
int LastDay(const SimConfig& c) { return std::max(0, c.days - 1); }

// A ring starting on a day of its own in [first_day, last_day], its members added to the
// population; they never pay (their payment method fails from the ring's first day).
// `d` draws its country and days.
Ring AddRing(const SimConfig& c, Draws& d, bool shared_address, int first_day, int last_day, Population& p) {
  TRANCHE_ASSERT(0 <= first_day && first_day <= last_day);
  const std::vector<double> country_weights = CountryWeights(c);
  Ring ring;
  ring.country = d.Pick(country_weights);
  ring.active.from = d.Between(first_day, last_day);
  ring.active.until = ring.active.from + c.fraud.ring_active_days;
  ring.first = static_cast<std::int64_t>(p.agents());
  ring.size = c.fraud.ring_size;
  for (int m = 0; m < ring.size; ++m) {
    ConsumerAgent a;
    a.country = ring.country;
    a.language = c.countries[ring.country].languages.front().name;
    a.income_usd_monthly = c.consumer.income_usd_monthly.median;
    a.default_day = ring.active.from;
    if (shared_address) a.shares_address_of = ring.first;
    p.synthetic.push_back(std::move(a));
  }
  return ring;
}

// The plain rings of the run, then each fraud wave's extra ones, starting in its window.
void MakeRings(const SimConfig& c, Population& p) {
  const std::int64_t rings = RingsInRun(c, c.fraud.rings_per_1000_yearly);
  for (std::int64_t r = 0; r < rings; ++r) {
    Draws d(c.seed, Purpose::kRing, static_cast<std::uint64_t>(r));
    p.rings.push_back(AddRing(c, d, true, 0, LastDay(c), p));
  }
  for (std::size_t w = 0; w < c.scenarios.size(); ++w) {
    const Scenario& s = c.scenarios[w];
    const int until = std::min(s.end_day, c.days);
    if (s.fraud_multiplier <= 1 || s.start_day >= until) continue;
    const double expected = c.fraud.rings_per_1000_yearly * (s.fraud_multiplier - 1) *
                            static_cast<double>(c.consumers) / 1000.0 * (until - s.start_day) / 365.0;
    const std::int64_t room = kMaxRings - static_cast<std::int64_t>(p.rings.size());
    const std::int64_t extra = std::min<std::int64_t>(std::llround(expected), room);
    for (std::int64_t r = 0; r < extra; ++r) {
      // Keyed past every plain ring's draws, one stream per wave.
      Draws d(c.seed, Purpose::kRing,
              static_cast<std::uint64_t>(kMaxRings) * (w + 1) + static_cast<std::uint64_t>(r));
      p.rings.push_back(AddRing(c, d, true, s.start_day, until - 1, p));
    }
  }
}

MerchantAgent MakeMerchant(const SimConfig& c, std::size_t country, std::size_t category, std::string name,
                           std::size_t index) {
  Draws d(c.seed, Purpose::kMerchant, index);
  MerchantAgent m;
  m.country = country;
  m.category = category;
  m.ticket_multiplier = d.Draw({1.0, 0.3});
  name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
  const Category& cat = c.categories[category];
  m.draft = merchants::MerchantDraft{std::move(name), c.countries[country].code, c.countries[country].currency,
                                     merchants::Pricing{cat.mdr_bps, cat.fixed_fee_minor}, {}, cat.name};
  return m;
}

// Colluding merchants, each with a ring that buys only there; after the honest
// merchants, and not among the ones consumers shop at.
void MakeCollusions(const SimConfig& c, Population& p) {
  const std::int64_t collusions = RingsInRun(c, c.fraud.collusions_per_1000_yearly);
  const std::vector<double> category_weights = CategoryWeights(c);
  for (std::int64_t r = 0; r < collusions; ++r) {
    Draws d(c.seed, Purpose::kCollusion, static_cast<std::uint64_t>(r));
    Ring ring = AddRing(c, d, false, 0, LastDay(c), p);
    const std::size_t category = d.Pick(category_weights);
    const std::string name = c.categories[category].name + " outlet " + c.countries[ring.country].code + " " +
                             std::to_string(r + 1);
    MerchantAgent m = MakeMerchant(c, ring.country, category, name, p.merchants.size());
    m.colluding = true;
    ring.merchant = p.merchants.size();
    p.merchants.push_back(std::move(m));
    p.rings.push_back(ring);
  }
}

// Merchants joining during the run, after every other merchant, each in a country and
// category (weighted as consumers and purchases are) on a day of its own; added to
// merchants_by in the order they join, so the ones open on a day are a prefix.
void MakeJoiners(const SimConfig& c, Population& p) {
  const double starting = static_cast<double>(c.merchants_per_country_category * c.countries.size() *
                                              c.categories.size());
  const std::int64_t joining = std::min<std::int64_t>(
      std::llround(c.merchants_joining_yearly * starting * c.days / 365.0), kMaxJoiningMerchants);
  if (joining == 0 || c.days < 2) return;
  const std::vector<double> country_weights = CountryWeights(c);
  const std::vector<double> category_weights = CategoryWeights(c);
  std::vector<std::size_t> joiners;
  for (std::int64_t j = 0; j < joining; ++j) {
    Draws d(c.seed, Purpose::kMerchantJoin, static_cast<std::uint64_t>(j));
    const std::size_t country = d.Pick(country_weights);
    const std::size_t category = d.Pick(category_weights);
    const std::string name = c.categories[category].name + " " + c.countries[country].code + " new " +
                             std::to_string(j + 1);
    MerchantAgent m = MakeMerchant(c, country, category, name, p.merchants.size());
    m.joins_on_day = d.Between(1, c.days - 1);
    joiners.push_back(p.merchants.size());
    p.merchants.push_back(std::move(m));
  }
  std::stable_sort(joiners.begin(), joiners.end(), [&](std::size_t a, std::size_t b) {
    return p.merchants[a].joins_on_day < p.merchants[b].joins_on_day;
  });
  for (std::size_t m : joiners) p.merchants_by[p.merchants[m].country][p.merchants[m].category].push_back(m);
}

}  // namespace

Population MakePopulation(const SimConfig& c) {
  Population p;
  const std::vector<double> distress = DistressByDay(c);
  p.consumers.reserve(static_cast<std::size_t>(c.consumers));
  for (std::int64_t i = 0; i < c.consumers; ++i) p.consumers.push_back(MakeConsumer(c, i, distress));
  MakeRings(c, p);
  p.merchants_by.assign(c.countries.size(), std::vector<std::vector<std::size_t>>(c.categories.size()));
  for (std::size_t k = 0; k < c.countries.size(); ++k) {
    for (std::size_t g = 0; g < c.categories.size(); ++g) {
      for (int n = 0; n < c.merchants_per_country_category; ++n) {
        const std::string name = c.categories[g].name + " " + c.countries[k].code + " " + std::to_string(n + 1);
        p.merchants_by[k][g].push_back(p.merchants.size());
        p.merchants.push_back(MakeMerchant(c, k, g, name, p.merchants.size()));
      }
    }
  }
  MakeCollusions(c, p);
  MakeJoiners(c, p);
  return p;
}

merchants::Consumer PresentedIdentity(const SimConfig& c, const ConsumerAgent& a, std::int64_t index) {
  Draws d(c.seed, Purpose::kIdentity, static_cast<std::uint64_t>(index));
  merchants::Consumer out;
  out.given_name = kGivenNames[d.Below(std::size(kGivenNames))];
  out.family_name = kFamilyNames[d.Below(std::size(kFamilyNames))];
  out.email = "c" + std::to_string(index) + "." + std::to_string(c.seed % 100'000) + "@sim.example.com";
  out.phone = "+1 555 " + std::to_string(1'000'000 + d.Below(9'000'000));
  const int age_days = d.Between(19 * 365, 75 * 365);
  out.date_of_birth = AddDays(c.start_date, -age_days);
  const std::string& country = c.countries[a.country].code;
  Draws home(c.seed, Purpose::kIdentity, static_cast<std::uint64_t>(a.shares_address_of.value_or(index)), 1);
  out.address = merchants::Address{std::to_string(1 + home.Below(200)) + " Market Street", "Sim City " + country,
                                   std::to_string(10'000 + home.Below(89'999)), country};
  return out;
}

}  // namespace tranche::sim
