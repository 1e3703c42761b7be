// Storage port for fraud labels: what authorizations turned out to be.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "fraud/decision.h"
#include "fraud/review.h"

namespace tranche::fraud {

inline constexpr std::size_t kLabelLookupBatch = 50;

class LabelRepo {
 public:
  virtual ~LabelRepo() = default;
  virtual Status Insert(const Label& l) = 0;
  // The decision's labels in id order.
  virtual Result<std::vector<Label>> ListOfDecision(std::string_view fraud_decision_id) = 0;
  // The labels of up to kLabelLookupBatch decisions at once, in (decision, id) order: one
  // query where a page of decisions would otherwise take one each.
  // Precondition: ids.size() <= kLabelLookupBatch.
  virtual Result<std::vector<Label>> ListOfDecisions(std::span<const std::string> fraud_decision_ids) = 0;
  // The labels saying fraud created at or after `since`, with their decisions' merchant
  // and time, in creation order, at most `limit` (the feature engine's rebuild).
  virtual Result<std::vector<KnownFraud>> ListKnownFrauds(Instant since, std::size_t limit) = 0;
};

// Each decision's labels, in id order, side by side with `decisions`: a page of
// decisions read in batches of kLabelLookupBatch (training, backtests, the models report).
// Precondition: no decision twice.
Result<std::vector<std::vector<Label>>> LabelsOf(LabelRepo& repo, std::span<const FraudDecision> decisions);

}  // namespace tranche::fraud
