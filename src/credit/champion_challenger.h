// Champion/challenger: a second model takes a share of the decisions, or shadows all
// of them. A consumer is routed by a hash of their id, so they stay with one model.
// In shadow mode the champion decides everything and the challenger's decision is
// recorded beside it (Decision::shadow) for `tranche report decisions` to compare.
#pragma once

#include <memory>

#include "credit/model_decider.h"

namespace tranche::credit {

struct ChallengerConfig {
  double share = 0;     // 0..1 of consumers decided by the challenger (ignored in shadow mode)
  bool shadow = false;  // challenger scores everything, decides nothing
};

class ChampionChallenger final : public risk::Decider {
 public:
  ChampionChallenger(std::unique_ptr<ModelDecider> champion, std::unique_ptr<ModelDecider> challenger,
                     ChallengerConfig config);
  risk::Decision Decide(const risk::DecisionRequest& request) const override;
  bool WantsProfile() const override { return true; }

  ModelDecider& champion() { return *champion_; }
  ModelDecider& challenger() { return *challenger_; }

  // True when `routing_key` falls in the challenger's share.
  bool RoutesToChallenger(std::string_view routing_key) const;

 private:
  std::unique_ptr<ModelDecider> champion_;
  std::unique_ptr<ModelDecider> challenger_;
  ChallengerConfig config_;
};

}  // namespace tranche::credit
