// Synthetic-identity rings (population.h Ring): made-up people who never pay (their
// payment method fails): the lender's loss unless screening holds the purchases for a
// person. While a ring is active each member checks out now and then from the ring's
// country: a plain ring's members on the ring's one device, anywhere; a colluding
// merchant's ring each on a device of their own, only at that merchant, which the
// lender pays out for every captured order. Ground truth: every such purchase is fraud
// ("synthetic_ring" or "merchant_collusion").
#pragma once

#include "sim/actions.h"

namespace tranche::sim {

class RingActor final : public Actor {
 public:
  std::string_view name() const override { return "synthetic_rings"; }
  void Act(const World& world, int day, std::vector<Action>& out) const override;
};

}  // namespace tranche::sim
