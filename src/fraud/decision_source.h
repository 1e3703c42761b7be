// The feature source in use until the streaming feature engine (fraud/features*)
// replaces it: a small catalogue computed from the authorization itself and what the
// store already holds — the consumer's credit decisions in the last hour and day.
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
