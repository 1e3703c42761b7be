// Saving the fraud rules operators write: the rule set is parsed and type-checked
// against the screening catalogue and the lists that exist, and only a set that checks
// is stored, as the next version of the audit trail. The API (PUT /v1/admin/fraud/rules)
// and the simulator's operators both save through here.
#pragma once

#include <optional>

#include "fraud/decision.h"
#include "fraud/rules.h"
#include "store/store.h"

namespace tranche::ops {

struct RulesSaved {
  std::optional<fraud::RulesVersion> version;  // stored, when the rules check
  fraud::ParseOutcome parsed;                  // the errors when they do not
};

// Stores `next` (source, thresholds, created_by, created_at set by the caller) as the
// version after the current one. Precondition: next.source within
// fraud::kMaxRulesSourceBytes and ValidThresholds(next.thresholds).
Result<RulesSaved> SaveFraudRules(store::Tx& tx, const fraud::Catalogue& catalogue, fraud::RulesVersion next);

}  // namespace tranche::ops
