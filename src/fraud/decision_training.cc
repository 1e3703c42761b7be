#include "fraud/decision_training.h"

#include <algorithm>
#include <string>

#include "core/assert.h"

namespace tranche::fraud {

namespace {

bool Disagree(std::span<const Label> labels) {
  const auto fraud = [](const Label& l) { return l.fraud; };
  return std::any_of(labels.begin(), labels.end(), fraud) && !std::all_of(labels.begin(), labels.end(), fraud);
}

}  // namespace

TrainingLabel TrainingLabelOf(Instant decided_at, std::span<const Label> labels, Instant unlabelled_legitimate_before) {
  if (labels.empty()) {
    return decided_at < unlabelled_legitimate_before ? TrainingLabel::kLegitimate : TrainingLabel::kNotYetKnown;
  }
  return LabelsSayFraud(labels) ? TrainingLabel::kFraud : TrainingLabel::kLegitimate;
}

DecisionTrainingSet::DecisionTrainingSet(const Catalogue& catalogue, Instant now, std::chrono::days label_delay)
    : catalogue_(&catalogue),
      label_delay_(label_delay),
      unlabelled_legitimate_before_(now - label_delay),
      rows_{0, catalogue.size(), {}, {}, {}} {
  TRANCHE_ASSERT(label_delay.count() >= 0);
}

void DecisionTrainingSet::Add(const FraudDecision& decision, std::span<const Label> labels) {
  TRANCHE_ASSERT(counts_.decisions < kMaxTrainingDecisions);
  ++counts_.decisions;
  const TrainingLabel label = TrainingLabelOf(decision.created_at, labels, unlabelled_legitimate_before_);
  if (label == TrainingLabel::kNotYetKnown) {
    ++counts_.too_young;
    return;
  }
  if (Disagree(labels)) ++counts_.disagreeing;
  if (label == TrainingLabel::kFraud) {
    ++counts_.frauds;
  } else if (labels.empty()) {
    ++counts_.unlabelled_legitimate;
  } else {
    ++counts_.labelled_legitimate;
  }
  rows_.values.resize(rows_.values.size() + rows_.cols);
  FillNumbers(StoredValues(decision, *catalogue_),
              std::span<float>(rows_.values).subspan(rows_.rows * rows_.cols, rows_.cols));
  rows_.labels.push_back(label == TrainingLabel::kFraud ? 1.0F : 0.0F);
  ++rows_.rows;
}

Status DecisionTrainingSet::CheckEnough() const {
  if (counts_.frauds >= kMinTrainingRowsPerClass && counts_.legitimate() >= kMinTrainingRowsPerClass) {
    return Status::Ok();
  }
  return Status::InvalidArgument(
      "too_few_rows", "the window has " + std::to_string(counts_.frauds) + " fraud and " +
                          std::to_string(counts_.legitimate()) + " legitimate rows; training needs at least " +
                          std::to_string(kMinTrainingRowsPerClass) + " of each (" + std::to_string(counts_.too_young) +
                          " unlabelled decisions younger than the " + std::to_string(label_delay_.count()) +
                          "-day label delay were left out)");
}

Result<StreamModel> TrainOnDecisions(const DecisionTrainingSet& set, std::int64_t engine_label_delay_s,
                                     const FraudTrainOptions& options) {
  TRANCHE_RETURN_IF_ERROR(set.CheckEnough());
  return TrainOnRows(set.rows(), set.catalogue(), engine_label_delay_s, options);
}

}  // namespace tranche::fraud
