#include "fraud/label_repo.h"

#include <algorithm>
#include <map>

#include "core/assert.h"

namespace tranche::fraud {

Result<std::vector<std::vector<Label>>> LabelsOf(LabelRepo& repo, std::span<const FraudDecision> decisions) {
  std::vector<std::vector<Label>> out(decisions.size());
  for (std::size_t from = 0; from < decisions.size(); from += kLabelLookupBatch) {
    const std::size_t to = std::min(decisions.size(), from + kLabelLookupBatch);
    std::vector<std::string> ids;
    std::map<std::string_view, std::size_t> index;  // decision id → position
    for (std::size_t i = from; i < to; ++i) {
      ids.push_back(decisions[i].id);
      TRANCHE_ASSERT_MSG(index.emplace(decisions[i].id, i).second, "each decision once");
    }
    TRANCHE_ASSIGN_OR_RETURN(std::vector<Label> labels, repo.ListOfDecisions(ids));
    for (Label& l : labels) {
      auto it = index.find(l.fraud_decision_id);
      TRANCHE_ASSERT_MSG(it != index.end(), "a label of a decision that was not asked for");
      out[it->second].push_back(std::move(l));
    }
  }
  return out;
}

}  // namespace tranche::fraud
