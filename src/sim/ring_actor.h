// Synthetic-identity rings (population.h Ring): made-up people who share one device and
// one address. While a ring is active each member checks out now and then, on the
// ring's device from the ring's country, and never pays (their payment method fails):
// the lender's loss unless screening holds the purchases for a person. Ground truth:
// every such purchase is fraud.
#pragma once

#include "sim/actions.h"

namespace tranche::sim {

class RingActor final : public Actor {
 public:
  std::string_view name() const override { return "synthetic_rings"; }
  void Act(const World& world, int day, std::vector<Action>& out) const override;
};

}  // namespace tranche::sim
