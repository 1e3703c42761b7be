// Storage port for fraud labels: what authorizations turned out to be.
#pragma once

#include <vector>

#include "fraud/review.h"

namespace tranche::fraud {

class LabelRepo {
 public:
  virtual ~LabelRepo() = default;
  virtual Status Insert(const Label& l) = 0;
  // The decision's labels in id order.
  virtual Result<std::vector<Label>> ListOfDecision(std::string_view fraud_decision_id) = 0;
};

}  // namespace tranche::fraud
