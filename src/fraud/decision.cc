#include "fraud/decision.h"

#include "fraud/decision_repo.h"
#include "fraud/list_repo.h"
#include "fraud/rules_repo.h"

namespace tranche::fraud {

namespace {

RuleHit HitOf(const RuleSet& rules, std::size_t index) {
  const Rule& r = rules.rules[index];
  return {r.line, r.action, r.text};
}

}  // namespace

Result<FraudDecision> Screen(const ScreeningReads& reads, const Screening& screening, IdGenerator& ids,
                             const AuthorizationFacts& facts, std::string credit_decision_id) {
  const Catalogue& catalogue = screening.source.catalogue();
  TRANCHE_ASSIGN_OR_RETURN(FeatureValues values, screening.source.Compute(reads.decisions, facts));
  TRANCHE_ASSERT(values.values.size() == catalogue.size());
  TRANCHE_ASSIGN_OR_RETURN(std::optional<RulesVersion> current, reads.rules.Current());
  const RulesVersion rules_version = current.value_or(RulesVersion{});

  FraudDecision d;
  d.id = ids.Next("frd");
  d.session_id = facts.session_id;
  d.merchant_id = facts.merchant_id;
  d.consumer_id = facts.consumer_id;
  d.credit_decision_id = std::move(credit_decision_id);
  d.amount = facts.amount;
  d.rules_version = rules_version.version;
  d.thresholds = rules_version.thresholds;
  d.created_at = facts.now;
  d.facts = facts;
  for (std::size_t i = 0; i < catalogue.size(); ++i) d.features.emplace_back(catalogue.at(i).name, values.at(i));
  if (screening.scorer != nullptr) {
    d.score = screening.scorer->Evaluate(catalogue, values, d.thresholds.review_at);
  }

  TRANCHE_ASSIGN_OR_RETURN(std::shared_ptr<const ParseOutcome> parsed,
                           screening.rules.Get(rules_version.version, rules_version.source, catalogue,
                                               [&reads] { return reads.lists.Names(); }));
  if (!parsed->rules) {
    // Saved rules were checked when saved; only a catalogue that changed since can
    // break them. Nobody is declined for that, and nothing passes unseen: a person looks.
    d.action = Action::kReview;
    d.decided_by = std::string(kDecidedByInvalidRules);
    return d;
  }
  const RuleSet& rules = *parsed->rules;
  TRANCHE_ASSIGN_OR_RETURN(d.members, reads.lists.Members(NeededLookups(rules, values)));
  const std::optional<int> score = d.score ? std::optional<int>(d.score->score) : std::nullopt;
  const Verdict v = Evaluate(rules, values, score, d.members, d.thresholds);
  d.action = v.action;
  d.decided_by = std::string(DecidedByName(v.by));
  if (v.rule) d.rule = HitOf(rules, *v.rule);
  for (std::size_t i : v.hits) d.hits.push_back(HitOf(rules, i));
  return d;
}

FeatureValues StoredValues(const FraudDecision& decision, const Catalogue& catalogue) {
  FeatureValues values;
  values.values.resize(catalogue.size());
  for (const auto& [name, value] : decision.features) {
    if (const auto index = catalogue.Find(name)) values.values[*index] = value;
  }
  return values;
}

Verdict Replay(const FraudDecision& decision, const RuleSet& rules, const Catalogue& catalogue,
               const ListLookups& members) {
  const std::optional<int> score = decision.score ? std::optional<int>(decision.score->score) : std::nullopt;
  return Evaluate(rules, StoredValues(decision, catalogue), score, members, decision.thresholds);
}

}  // namespace tranche::fraud
