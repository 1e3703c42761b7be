#include "fraud/backtest.h"

#include <algorithm>
#include <chrono>

#include "core/assert.h"
#include "core/date_range.h"

namespace tranche::fraud {

Labelled LabelledOf(const std::vector<Label>& labels) {
  if (labels.empty()) return Labelled::kUnknown;
  return LabelsSayFraud(labels) ? Labelled::kFraud : Labelled::kLegitimate;
}

Result<BacktestWindow> ParseBacktestWindow(std::string_view since, std::optional<std::string_view> until,
                                           Instant now) {
  TRANCHE_ASSIGN_OR_RETURN(const DateRange range, ParseDateRange(since, until, DateOf(now), 0, kMaxBacktestDays));
  return BacktestWindow{range.from(), range.to()};
}

ListLookups BacktestLookups(const RuleSet& rules, const Catalogue& catalogue,
                            std::span<const FraudDecision> decisions) {
  ListLookups out;
  if (rules.lists.empty()) return out;
  for (const FraudDecision& d : decisions) out.merge(NeededLookups(rules, StoredValues(d, catalogue)));
  return out;
}

namespace {

void Count(BacktestBucket& b, const FraudDecision& d, Labelled truth) {
  ++b.count;
  b.amount_minor[d.amount.currency()] += d.amount.minor();
  switch (truth) {
    case Labelled::kFraud: ++b.fraud; break;
    case Labelled::kLegitimate: ++b.legitimate; break;
    case Labelled::kUnknown: ++b.unknown; break;
  }
  if (b.examples.size() < kBacktestExamples) b.examples.push_back(d.id);
}

// Of one bucket per action, the one for `a`.
BacktestBucket& ForAction(Action a, BacktestBucket& block, BacktestBucket& review, BacktestBucket& allow) {
  switch (a) {
    case Action::kBlock: return block;
    case Action::kReview: return review;
    case Action::kAllow: break;
  }
  return allow;
}

std::optional<double> Ratio(std::size_t part, std::size_t whole) {
  if (whole == 0) return std::nullopt;
  return static_cast<double>(part) / static_cast<double>(whole);
}

}  // namespace

Backtest::Backtest(const RuleSet& rules, const Catalogue& catalogue, std::vector<std::string> lists,
                   std::size_t max_decisions)
    : rules_(rules), catalogue_(catalogue) {
  TRANCHE_ASSERT(rules.feature_count == catalogue.size());
  TRANCHE_ASSERT(max_decisions >= 1 && max_decisions <= kMaxBacktestDecisions);
  summary_.max_decisions = max_decisions;
  summary_.lists = std::move(lists);
  for (const Rule& r : rules.rules) summary_.rules.push_back({r.line, r.action, r.text});
}

void Backtest::Add(const FraudDecision& d, Labelled truth, const ListLookups& members) {
  TRANCHE_ASSERT(summary_.replayed < summary_.max_decisions);
  // Bounded amounts over bounded decisions cannot overflow the sums.
  TRANCHE_ASSERT(d.amount.minor() >= 0 && d.amount.minor() <= kMaxInputAmountMinor);
  ++summary_.replayed;
  const Verdict v = Replay(d, rules_, catalogue_, members);
  Count(ForAction(v.action, summary_.block, summary_.review, summary_.allow), d, truth);
  if (v.action == d.action) {
    ++summary_.unchanged;
  } else {
    Count(ForAction(v.action, summary_.newly_blocked, summary_.newly_reviewed, summary_.newly_allowed), d, truth);
  }
  for (std::size_t i : v.hits) {
    ++summary_.rules[i].fired;
    if (truth == Labelled::kFraud) ++summary_.rules[i].fired_on_fraud;
  }
  if (v.rule) ++summary_.rules[*v.rule].decided;

  const bool flagged = v.action != Action::kAllow;
  if (truth == Labelled::kFraud) {
    ++summary_.labelled_fraud;
    if (flagged) ++summary_.caught;
    if (d.action != Action::kAllow) ++summary_.caught_before;
  } else if (truth == Labelled::kLegitimate) {
    ++summary_.labelled_legitimate;
  }
  if (flagged && truth != Labelled::kUnknown) {
    ++flagged_labelled_;
    if (truth == Labelled::kFraud) ++flagged_fraud_;
  }
}

BacktestSummary Backtest::Finish(bool limit_reached) const {
  BacktestSummary s = summary_;
  s.limit_reached = limit_reached;
  s.recall = Ratio(s.caught, s.labelled_fraud);
  s.precision = Ratio(flagged_fraud_, flagged_labelled_);
  return s;
}

}  // namespace tranche::fraud
