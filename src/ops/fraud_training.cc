#include "ops/fraud_training.h"

#include <optional>
#include <string>
#include <vector>

#include "fraud/decision_repo.h"
#include "fraud/label_repo.h"

namespace tranche::ops {

Result<fraud::DecisionTrainingSet> ReadTrainingDecisions(store::Store& store, const fraud::Catalogue& catalogue,
                                                         const DateRange& window, Instant now,
                                                         std::chrono::days label_delay, std::size_t page) {
  TRANCHE_ASSERT(page >= 1 && page <= kTrainingPageDecisions);
  fraud::DecisionTrainingSet set(catalogue, now, label_delay);
  std::optional<fraud::FraudDecision> last;
  bool more = true;
  while (more) {
    TRANCHE_RETURN_IF_ERROR(store.Read([&](store::Tx& tx) -> Status {
      TRANCHE_ASSIGN_OR_RETURN(std::vector<fraud::FraudDecision> decisions,
                               tx.fraud_decisions().ListPage(window.from(), window.to(), last ? &*last : nullptr, page));
      more = decisions.size() == page;
      TRANCHE_ASSIGN_OR_RETURN(const auto labels, fraud::LabelsOf(tx.fraud_labels(), decisions));
      for (std::size_t i = 0; i < decisions.size(); ++i) {
        fraud::FraudDecision& d = decisions[i];
        if (set.counts().decisions == fraud::kMaxTrainingDecisions) {
          return Status::InvalidArgument("too_many_decisions",
                                         "the window holds more than " + std::to_string(fraud::kMaxTrainingDecisions) +
                                             " decisions; narrow it with --since and --until");
        }
        set.Add(d, labels[i]);
        last = std::move(d);
      }
      return Status::Ok();
    }));
  }
  return set;
}

}  // namespace tranche::ops
