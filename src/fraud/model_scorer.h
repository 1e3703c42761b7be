// The fraud model as screening's Scorer: FraudModel (model.h) loaded against the
// screening catalogue, so its inputs are found by name wherever that catalogue puts
// them. Read-only after construction; safe from any number of threads.
#pragma once

#include <atomic>
#include <memory>
#include <string>

#include "fraud/decision.h"
#include "fraud/model.h"

namespace tranche::fraud {

class ModelScorer final : public Scorer {
 public:
  // The model in `dir` (tranche train fraud), reading features of `catalogue`.
  // Refused with the reason when the directory holds no complete fraud model or the
  // model reads a feature the catalogue lacks.
  static Result<ModelScorer> Load(const std::string& dir, const Catalogue& catalogue);

  // Reasons (TreeSHAP, about 0.2 ms) only when the score reaches `reasons_at`.
  Score Evaluate(const Catalogue& catalogue, const FeatureValues& values, int reasons_at) const override;

  const FraudModel& model() const { return model_; }

 private:
  ModelScorer(FraudModel model, const Catalogue& catalogue) : model_(std::move(model)), catalogue_(&catalogue) {}

  FraudModel model_;
  const Catalogue* catalogue_;
};

// The scorer screening uses when the model may be replaced while it runs (hot reload):
// each Evaluate uses the model that was current when it began.
class SwappableScorer final : public Scorer {
 public:
  // Precondition: `scorer` is not null (for both).
  explicit SwappableScorer(std::shared_ptr<const ModelScorer> scorer);
  void Swap(std::shared_ptr<const ModelScorer> scorer);
  std::shared_ptr<const ModelScorer> current() const { return scorer_.load(); }

  Score Evaluate(const Catalogue& catalogue, const FeatureValues& values, int reasons_at) const override;

 private:
  std::atomic<std::shared_ptr<const ModelScorer>> scorer_;
};

}  // namespace tranche::fraud
