// First-party bust-out: a real customer who has bought and repaid like anyone else
// (population.h ConsumerAgent::bust_out_day) buys as much as they can in one day, at
// many merchants, on their own device from home, and never pays again (their payment
// method fails from that day). Nothing about the device or the identity is wrong, so
// only the burst gives them away. Ground truth: every purchase of that day is fraud.
#pragma once

#include "sim/actions.h"

namespace tranche::sim {

class BustOutActor final : public Actor {
 public:
  std::string_view name() const override { return "bust_out"; }
  void Act(const World& world, int day, std::vector<Action>& out) const override;
};

}  // namespace tranche::sim
