// The features only the store answers: a small catalogue computed from the
// authorization itself and what the store already holds — the consumer's credit
// decisions in the last hour and day. EngineFeatureSource (engine_source.h) appends the
// ones the feature engine lacks to its own catalogue; alone, it screens without state.
#pragma once

#include "fraud/decision.h"

namespace tranche::fraud {

class StoredFeatureSource final : public FeatureSource {
 public:
  StoredFeatureSource();
  const Catalogue& catalogue() const override { return catalogue_; }
  Result<FeatureValues> Compute(DecisionRepo& repo, const AuthorizationFacts& facts) const override;

 private:
  Catalogue catalogue_;
};

}  // namespace tranche::fraud
