// Saving the fraud rules and lists operators write. A rule set is parsed and
// type-checked against the screening catalogue and the lists that exist, and only a set
// that checks is stored, as the next version of the audit trail. The API (PUT
// /v1/admin/fraud/rules) and the simulator's operators both save through here; the
// lists API saves lists through here.
#pragma once

#include <optional>

#include "core/ids.h"
#include "fraud/decision.h"
#include "fraud/lists.h"
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

// Saves `source` with the default thresholds as the next version, by `operator_id` at
// `now`: how the demo world and the simulator start their screening. Rules that do not
// check are refused (invalid_fraud_rules) with the first error's line and column.
// Precondition: source within fraud::kMaxRulesSourceBytes.
Result<fraud::RulesVersion> SaveRulesSource(store::Tx& tx, const fraud::Catalogue& catalogue, std::string source,
                                            std::string operator_id, Instant now);

struct ListSaved {
  fraud::FraudList list;
  std::vector<std::string> merchants_to_review;  // sent back by the re-screening, in id order
};

// Stores `entries` as list `name`'s next version (its first when `before` is none) by
// `operator_id`, with the change in the audit trail. Names added to the restricted
// merchant names list re-screen the active merchants (onboarding::RescreenMerchants);
// each sent back to review is told (merchant.onboarding_decided). Preconditions:
// `before` is the list as stored now; `entries` normalized (fraud::NormalizeEntries).
// Refused when a new list would exceed fraud::kMaxLists (too_many_lists).
Result<ListSaved> SaveFraudList(store::Tx& tx, IdGenerator& ids, std::string name,
                                const std::optional<fraud::FraudList>& before, std::vector<std::string> entries,
                                std::string operator_id, Instant now);

}  // namespace tranche::ops
