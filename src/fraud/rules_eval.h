// Evaluating a checked rule set over one authorization (pure): which rules fire, and
// the action that follows — the first allow rule that fires, else the first block, else
// the first review; when none fires, the score's thresholds; without a score, allow.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "fraud/rules.h"

namespace tranche::fraud {

// The (list, value) pairs an evaluation asks about, and of those the ones that are
// members. Evaluation is pure: the caller looks the pairs up (list_repo.h) and passes
// the members in, and stores them with the decision, which can then be replayed.
using ListLookups = std::set<std::pair<std::string, std::string>>;

// Scores are 0-99; a threshold of 100 never fires.
inline constexpr int kMaxScore = 99;
struct Thresholds {
  int review_at = 70;
  int block_at = 90;
};
// Both within 1..100 and review_at <= block_at.
bool ValidThresholds(const Thresholds& t);

enum class DecidedBy : unsigned char { kRule, kScore, kDefault };
std::string_view DecidedByName(DecidedBy d);

struct Verdict {
  Action action = Action::kAllow;
  DecidedBy by = DecidedBy::kDefault;
  std::optional<std::size_t> rule;  // the rule that decided (index into RuleSet::rules)
  std::vector<std::size_t> hits;    // every rule that fired, in source order
};

// Every (list, value) pair the rules' list tests ask about for `values`.
// Precondition: values come from the catalogue the rules were checked against.
ListLookups NeededLookups(const RuleSet& rules, const FeatureValues& values);

// Precondition: as above; `score` within 0..kMaxScore; `thresholds` valid.
Verdict Evaluate(const RuleSet& rules, const FeatureValues& values, std::optional<int> score,
                 const ListLookups& members, const Thresholds& thresholds);

}  // namespace tranche::fraud
