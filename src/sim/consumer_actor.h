// Consumers: shop (how often, where, how much, on which product), live through their
// timeline (default, hardship, an expired card: their payment method changes), contact
// customer service, and decide at each purchase whether they will return, dispute or
// pay off early.
#pragma once

#include "sim/actions.h"
#include "sim/draws.h"

namespace tranche::sim {

class ConsumerActor final : public Actor {
 public:
  std::string_view name() const override { return "consumers"; }
  void Act(const World& world, int day, std::vector<Action>& out) const override;
};

// The purchase consumer `index` makes on `day`, if any (exposed for tests).
std::optional<Purchase> PurchaseOn(const World& world, std::int64_t index, int day);

// The product for a basket: `preferred` when the amount is within its limits, else pay
// in 4, else financing (large baskets), else pay in 30 (small ones).
lending::ProductKind ProductFor(lending::ProductKind preferred, const Money& amount);

// Consumer `index`'s own device: its fingerprint and home IP address.
std::string OwnDevice(std::int64_t index);
std::string OwnIp(std::int64_t index);

// A country of the run other than `home` (index into SimConfig::countries), or `home`
// when the run has one country.
std::size_t ElsewhereThan(const SimConfig& c, std::size_t home, Draws& d);

}  // namespace tranche::sim
