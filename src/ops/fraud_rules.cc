#include "ops/fraud_rules.h"

#include "core/assert.h"
#include "fraud/list_repo.h"
#include "fraud/rules_eval.h"
#include "fraud/rules_repo.h"
#include "onboarding/merchant_check.h"
#include "onboarding/onboarding.h"
#include "ops/events.h"

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

Result<fraud::RulesVersion> SaveRulesSource(store::Tx& tx, const fraud::Catalogue& catalogue, std::string source,
                                            std::string operator_id, Instant now) {
  fraud::RulesVersion rules;
  rules.source = std::move(source);
  rules.created_by = std::move(operator_id);
  rules.created_at = now;
  TRANCHE_ASSIGN_OR_RETURN(RulesSaved saved, SaveFraudRules(tx, catalogue, std::move(rules)));
  if (saved.version) return std::move(*saved.version);
  const fraud::RuleError& e = saved.parsed.errors.front();
  return Status::InvalidArgument("invalid_fraud_rules", "fraud rules line " + std::to_string(e.line) + ", column " +
                                                            std::to_string(e.column) + ": " + e.message);
}

Result<ListSaved> SaveFraudList(store::Tx& tx, IdGenerator& ids, std::string name,
                                const std::optional<fraud::FraudList>& before, std::vector<std::string> entries,
                                std::string operator_id, Instant now) {
  TRANCHE_ASSERT(entries.size() <= fraud::kMaxListEntries && !operator_id.empty());
  TRANCHE_ASSERT(!before || before->name == name);
  if (!before) {
    TRANCHE_ASSIGN_OR_RETURN(auto names, tx.fraud_lists().Names());
    if (names.size() >= fraud::kMaxLists) {
      return Status::BusinessRule("too_many_lists", "at most " + std::to_string(fraud::kMaxLists) + " lists exist");
    }
  }
  const std::vector<std::string> empty;
  const fraud::ListChange change = fraud::Diff(before ? before->entries : empty, entries);
  ListSaved out{{std::move(name), std::move(entries), before ? before->version + 1 : 1, now, std::move(operator_id)},
                {}};
  TRANCHE_RETURN_IF_ERROR(tx.fraud_lists().Save(out.list, change));
  if (out.list.name != onboarding::kRestrictedNamesList) return out;
  TRANCHE_ASSIGN_OR_RETURN(auto sent_back, onboarding::RescreenMerchants(tx, change.added, now));
  for (const merchants::Merchant& m : sent_back) {
    TRANCHE_RETURN_IF_ERROR(PublishOnboardingDecided(tx, ids, now, m));
    out.merchants_to_review.push_back(m.id);
  }
  return out;
}

}  // namespace tranche::ops
