// Storage port for fraud labels: what authorizations turned out to be.
#pragma once

#include <vector>

#include "fraud/decision.h"
#include "fraud/review.h"

namespace tranche::fraud {

class LabelRepo {
 public:
  virtual ~LabelRepo() = default;
  virtual Status Insert(const Label& l) = 0;
  // The decision's labels in id order.
  virtual Result<std::vector<Label>> ListOfDecision(std::string_view fraud_decision_id) = 0;
  // The labels saying fraud created at or after `since`, with their decisions' merchant
  // and time, in creation order, at most `limit` (the feature engine's rebuild).
  virtual Result<std::vector<KnownFraud>> ListKnownFrauds(Instant since, std::size_t limit) = 0;
};

}  // namespace tranche::fraud
