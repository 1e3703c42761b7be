// Fraudsters with stolen identities: each day some consumers' identities (email, name,
// date of birth, address) are in a fraudster's hands. The fraudster checks out as them
// — on their account when they have one (an account takeover), else opening one in
// their name — on a device of their own, usually from abroad, buying the largest
// baskets a few times that day. The real consumer later disputes each order as
// unauthorized. Ground truth: every such purchase is a theft.
#pragma once

#include "sim/actions.h"

namespace tranche::sim {

class TheftActor final : public Actor {
 public:
  std::string_view name() const override { return "identity_theft"; }
  void Act(const World& world, int day, std::vector<Action>& out) const override;
};

}  // namespace tranche::sim
