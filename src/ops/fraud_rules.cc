#include "ops/fraud_rules.h"

#include "core/assert.h"
#include "fraud/list_repo.h"
#include "fraud/rules_eval.h"
#include "fraud/rules_repo.h"

namespace tranche::ops {

Result<RulesSaved> SaveFraudRules(store::Tx& tx, const fraud::Catalogue& catalogue, fraud::RulesVersion next) {
  TRANCHE_ASSERT(next.source.size() <= fraud::kMaxRulesSourceBytes);
  TRANCHE_ASSERT(fraud::ValidThresholds(next.thresholds));
  TRANCHE_ASSIGN_OR_RETURN(auto lists, tx.fraud_lists().Names());
  RulesSaved out;
  out.parsed = fraud::ParseRules(next.source, catalogue, lists);
  if (!out.parsed.rules) return out;
  TRANCHE_ASSIGN_OR_RETURN(auto current, tx.fraud_rules().Current());
  next.version = current ? current->version + 1 : 1;
  next.rule_count = out.parsed.rules->rules.size();
  TRANCHE_RETURN_IF_ERROR(tx.fraud_rules().Insert(next));
  out.version = std::move(next);
  return out;
}

}  // namespace tranche::ops
