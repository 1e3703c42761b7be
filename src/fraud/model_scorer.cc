#include "fraud/model_scorer.h"

namespace tranche::fraud {

Result<ModelScorer> ModelScorer::Load(const std::string& dir, const Catalogue& catalogue) {
  TRANCHE_ASSIGN_OR_RETURN(FraudModel model, FraudModel::Load(dir, catalogue));
  return ModelScorer(std::move(model), catalogue);
}

Score ModelScorer::Evaluate(const Catalogue& catalogue, const FeatureValues& values, int reasons_at) const {
  TRANCHE_ASSERT_MSG(&catalogue == catalogue_, "the model was loaded against the screening catalogue");
  FraudScore s = model_.Score(values, false);
  if (s.score >= reasons_at) s = model_.Score(values, true);
  Score out{s.score, {}, model_.version()};
  for (const FraudReason& r : s.reasons) out.reasons.push_back(r.feature);
  return out;
}

SwappableScorer::SwappableScorer(std::shared_ptr<const ModelScorer> scorer) : scorer_(std::move(scorer)) {
  TRANCHE_ASSERT(scorer_.load() != nullptr);
}

void SwappableScorer::Swap(std::shared_ptr<const ModelScorer> scorer) {
  TRANCHE_ASSERT(scorer != nullptr);
  scorer_.store(std::move(scorer));
}

Score SwappableScorer::Evaluate(const Catalogue& catalogue, const FeatureValues& values, int reasons_at) const {
  return scorer_.load()->Evaluate(catalogue, values, reasons_at);
}

}  // namespace tranche::fraud
