#include "sim/consumer_actor.h"

#include <algorithm>
#include <cmath>

#include "servicing/dispute.h"
#include "sim/draws.h"

namespace tranche::sim {

namespace {

// The contact a consumer's own situation causes on `day`, if any: a replaced card goes
// through customer service; hardship often makes people call.
std::optional<std::string> EventContact(const ConsumerAgent& a, int day, Draws& d) {
  for (const Spell& s : a.expired_card) {
    if (day == s.until) return std::string("change_payment_method");
  }
  for (const Spell& s : a.hardship) {
    if (day == s.from + 3 && d.Chance(0.3)) return std::string("hardship");
  }
  if (a.default_day && day == *a.default_day + 10 && d.Chance(0.2)) return std::string("hardship");
  return std::nullopt;
}

Fate DrawFate(const SimConfig& c, const Category& cat, Draws& d) {
  Fate f;
  if (d.Chance(cat.return_rate)) {
    f.return_after = d.Between(3, 20);
    f.refund_after = f.return_after + d.Between(4, 10);
  } else if (d.Chance(cat.dispute_rate / std::max(1e-9, 1 - cat.return_rate))) {
    f.dispute_after = d.Between(7, 40);
    // "returned" disputes come from returns gone wrong; the others from the order itself.
    constexpr const char* kReasons[] = {"not_received", "wrong_item", "not_as_described", "unauthorized"};
    f.dispute_reason = kReasons[d.Below(std::size(kReasons))];
    f.respond_after = d.Between(2, 7);
    f.merchant_accepts = d.Chance(c.dispute_merchant_accepts);
    f.decide_after = d.Between(3, 10);
    f.claim_valid = d.Chance(c.dispute_claim_valid);
  }
  if (d.Chance(c.consumer.early_payoff_rate)) f.payoff_after = d.Between(5, 60);
  return f;
}

}  // namespace

std::optional<Purchase> PurchaseOn(const World& world, std::int64_t index, int day) {
  const SimConfig& c = world.config;
  const ConsumerAgent& a = world.population.consumers[static_cast<std::size_t>(index)];
  Draws d(c.seed, Purpose::kPurchase, static_cast<std::uint64_t>(index), static_cast<std::uint64_t>(day));
  if (!d.Chance(std::min(1.0, a.purchases_per_day * ConditionsOn(c, day).purchase))) return std::nullopt;
  Draws basket(c.seed, Purpose::kBasket, static_cast<std::uint64_t>(index), static_cast<std::uint64_t>(day));
  Purchase p;
  p.consumer = index;
  const std::vector<double> category_weights = CategoryWeights(c);
  const std::size_t category = basket.Pick(category_weights);
  const auto candidates = world.population.MerchantsOpen(a.country, category, day);
  p.merchant = candidates[basket.Below(candidates.size())];
  const MerchantAgent& m = world.population.merchants[p.merchant];
  // The agent's wish is drawn as a real number and becomes whole units (integer minor
  // units) before it is money; from there on only integers touch it.
  const double amount = basket.Draw(c.categories[category].basket_usd_minor) * m.ticket_multiplier;
  p.amount_usd_minor = std::clamp<std::int64_t>(std::llround(amount / 100.0) * 100, 500, 2'000'000);
  const auto preferred = lending::ParseProduct(c.consumer.products[basket.Pick(c.consumer.products)].name);
  p.product = ProductFor(*preferred, lending::FromUsdReference(p.amount_usd_minor, m.draft.default_currency));
  Draws fate(c.seed, Purpose::kFate, static_cast<std::uint64_t>(index), static_cast<std::uint64_t>(day));
  p.fate = DrawFate(c, c.categories[category], fate);
  // Their own device, from home or, now and then, from abroad.
  Draws device(c.seed, Purpose::kDevice, static_cast<std::uint64_t>(index), static_cast<std::uint64_t>(day));
  p.device = OwnDevice(index);
  p.ip = OwnIp(index);
  const std::size_t at = device.Chance(c.fraud.travel_share) ? ElsewhereThan(c, a.country, device) : a.country;
  p.ip_country = c.countries[at].code;
  return p;
}

lending::ProductKind ProductFor(lending::ProductKind preferred, const Money& amount) {
  for (lending::ProductKind k : {preferred, lending::ProductKind::kPayIn4, lending::ProductKind::kFinancing12}) {
    if (lending::CheckAmount(lending::DefaultTerms(k, amount.currency()), amount).ok()) return k;
  }
  return lending::ProductKind::kPayIn30;
}

std::string OwnDevice(std::int64_t index) { return "fp-" + std::to_string(index); }

std::string OwnIp(std::int64_t index) {
  const auto u = static_cast<std::uint64_t>(index);
  return "10." + std::to_string((u >> 16) & 255) + "." + std::to_string((u >> 8) & 255) + "." + std::to_string(u & 255);
}

std::size_t ElsewhereThan(const SimConfig& c, std::size_t home, Draws& d) {
  if (c.countries.size() < 2) return home;
  const std::size_t other = d.Below(c.countries.size() - 1);
  return other >= home ? other + 1 : other;
}

void ConsumerActor::Act(const World& world, int day, std::vector<Action>& out) const {
  const SimConfig& c = world.config;
  const auto& consumers = world.population.consumers;
  for (std::size_t i = 0; i < consumers.size(); ++i) {
    const ConsumerAgent& a = consumers[i];
    const auto index = static_cast<std::int64_t>(i);
    const std::string_view profile = MethodProfile(a, day);
    if (day == 0 ? profile != "standard" : profile != MethodProfile(a, day - 1)) {
      out.push_back(MethodChange{index, std::string(profile)});
    }
    Draws contact(c.seed, Purpose::kContact, i, static_cast<std::uint64_t>(day));
    std::optional<std::string> reason = EventContact(a, day, contact);
    if (!reason && contact.Chance(a.contacts_per_day)) {
      reason = c.consumer.contact_reasons[contact.Pick(c.consumer.contact_reasons)].name;
    }
    if (reason) {
      out.push_back(Contact{index, static_cast<int>(contact.Pick(c.consumer.contact_hours)), std::move(*reason),
                            a.language});
    }
    if (auto p = PurchaseOn(world, index, day)) out.push_back(std::move(*p));
  }
}

}  // namespace tranche::sim
