// The simulated market's agents and what will happen to them: consumers (traits,
// identity, and the timeline of their finances — default, hardship spells, an expiring
// card), and merchants. Pure: made from the configuration and its seed alone. The
// timeline is the ground truth the platform never sees; it only sees its effects (a
// payment method that fails).
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "merchants/consumer.h"
#include "merchants/merchant.h"
#include "sim/config.h"

namespace tranche::sim {

// A span of days [from, until) of the run (day 0 is the start date).
struct Spell {
  int from = 0;
  int until = 0;
  bool Contains(int day) const { return day >= from && day < until; }
};

struct ConsumerAgent {
  std::size_t country = 0;  // index into SimConfig::countries
  std::string language;     // en / sv / de
  double income_usd_monthly = 0;
  double purchases_per_day = 0;
  double contacts_per_day = 0;
  bool card = true;
  // Ground truth.
  std::optional<int> default_day;  // payments fail for good from this day
  std::vector<Spell> hardship;     // payments fail during these spells
  std::vector<Spell> expired_card; // the card fails until the consumer replaces it
  // First-party fraud: on this day the consumer buys all they can and never pays again.
  std::optional<int> bust_out_day;
  // A synthetic identity's address is its ring's (the agent index whose address it
  // presents); a real consumer's is their own.
  std::optional<std::int64_t> shares_address_of;
};

// A synthetic-identity ring (ground truth): made-up people who buy for a few days and
// never pay. Its members are Population::synthetic [first - consumers.size(), + size).
// A plain ring's members share one device and one address and buy anywhere; a
// colluding merchant's ring (`merchant` set) buys only at that merchant, each member at
// an address and on a device of their own.
struct Ring {
  std::size_t country = 0;
  Spell active;
  std::int64_t first = 0;  // agent index of the first member
  int size = 0;
  std::optional<std::size_t> merchant;  // index into Population::merchants
};

// The simulator's payment-method profile for the consumer on `day` (payments/simulated.h).
std::string_view MethodProfile(const ConsumerAgent& c, int day);

struct MerchantAgent {
  std::size_t country = 0;
  std::size_t category = 0;
  double ticket_multiplier = 1;  // this merchant's baskets relative to its category's
  bool colluding = false;  // ground truth: in on a fraud ring (not in merchants_by)
  int joins_on_day = 0;    // onboarded that day of the run; consumers shop there from then
  merchants::MerchantDraft draft;
};

struct Population {
  std::vector<ConsumerAgent> consumers;
  std::vector<ConsumerAgent> synthetic;  // the rings' members: agent indices after the consumers
  std::vector<Ring> rings;
  std::vector<MerchantAgent> merchants;
  // Merchants consumers shop at, by [country][category], in the order they join: every
  // pair has at least one from day 0.
  std::vector<std::vector<std::vector<std::size_t>>> merchants_by;

  // Agent `index`: a consumer, or after them a ring's synthetic identity.
  const ConsumerAgent& Agent(std::int64_t index) const;
  // The merchants of `country` and `category` that have joined by `day`: never empty.
  std::span<const std::size_t> MerchantsOpen(std::size_t country, std::size_t category, int day) const;
  std::size_t agents() const { return consumers.size() + synthetic.size(); }
};

// The scenario multipliers in force on `day`.
struct Conditions {
  double purchase = 1;
  double distress = 1;  // default and hardship hazards
  double fraud = 1;     // identity thefts (rings: MakePopulation)
};
Conditions ConditionsOn(const SimConfig& c, int day);

Population MakePopulation(const SimConfig& c);

// Consumer `index` as they present themselves at checkout (a stable identity).
merchants::Consumer PresentedIdentity(const SimConfig& c, const ConsumerAgent& a, std::int64_t index);

}  // namespace tranche::sim
