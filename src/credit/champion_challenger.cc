#include "credit/champion_challenger.h"

#include "core/hash.h"

namespace tranche::credit {

namespace {
constexpr std::uint64_t kBuckets = 10'000;
}  // namespace

ChampionChallenger::ChampionChallenger(std::unique_ptr<ModelDecider> champion, std::unique_ptr<ModelDecider> challenger,
                                       ChallengerConfig config)
    : champion_(std::move(champion)), challenger_(std::move(challenger)), config_(config) {
  TRANCHE_ASSERT(champion_ && challenger_);
  TRANCHE_ASSERT(config_.share >= 0 && config_.share <= 1);
}

bool ChampionChallenger::RoutesToChallenger(std::string_view routing_key) const {
  const auto threshold = static_cast<std::uint64_t>(config_.share * static_cast<double>(kBuckets));
  return Fnv1a(routing_key) % kBuckets < threshold;
}

risk::Decision ChampionChallenger::Decide(const risk::DecisionRequest& request) const {
  if (!config_.shadow) {
    return RoutesToChallenger(request.routing_key) ? challenger_->Decide(request) : champion_->Decide(request);
  }
  risk::Decision d = champion_->Decide(request);
  const risk::Decision other = challenger_->Decide(request);
  d.shadow = risk::ShadowDecision{other.decider_version, other.outcome, other.pd};
  return d;
}

}  // namespace tranche::credit
