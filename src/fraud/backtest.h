// Backtesting candidate rules on stored history (pure): what a rule set operators are
// writing would have done to each stored fraud decision, replayed from the decision's
// own inputs (feature values, score, thresholds) in production's evaluation order
// (allow, block, review; first match; else the score's thresholds), against what was
// actually decided and what the decision turned out to be (its labels known by now).
//
// List tests (`in @list`) read the lists as they are now, not as they were when the
// decision was made: the candidate is judged as it would run if saved today. The
// shell (ops/fraud_backtest.h) pages the decisions in, looks the lists up and feeds
// them to a Backtest in time order.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/money.h"
#include "core/time.h"
#include "fraud/decision.h"
#include "fraud/review.h"

namespace tranche::fraud {

// Bounds: a backtest runs inside one request (or command) and holds only its tallies.
inline constexpr std::size_t kMaxBacktestDecisions = 10'000;
inline constexpr std::size_t kBacktestExamples = 5;  // decision ids kept per bucket
// The longest window asked for, in days (the decision bound applies as well).
inline constexpr int kMaxBacktestDays = 366;

// What a decision turned out to be, by its labels' word (review.h LabelsSayFraud);
// unknown without a label.
enum class Labelled : unsigned char { kUnknown, kFraud, kLegitimate };
Labelled LabelledOf(const std::vector<Label>& labels);

// The decisions created in [from, to): `since` and `until` are days (YYYY-MM-DD, UTC),
// both included; `until` defaults to today. Refused: malformed dates, since after until,
// until after today, and windows longer than kMaxBacktestDays.
struct BacktestWindow {
  Instant from;
  Instant to;
};
Result<BacktestWindow> ParseBacktestWindow(std::string_view since, std::optional<std::string_view> until,
                                           Instant now);

// Decisions that fell in one bucket: how many, their amounts per currency (minor
// units), how many are labelled which way, and the first few ids.
struct BacktestBucket {
  std::size_t count = 0;
  std::map<Currency, std::int64_t> amount_minor;
  std::size_t fraud = 0;
  std::size_t legitimate = 0;
  std::size_t unknown = 0;
  std::vector<std::string> examples;  // at most kBacktestExamples, oldest first
};

// One candidate rule: how often it fired and how often it decided.
struct BacktestRule {
  int line = 0;
  Action action = Action::kAllow;
  std::string text;
  std::size_t fired = 0;
  std::size_t decided = 0;
  std::size_t fired_on_fraud = 0;  // of those it fired on, labelled fraud
};

struct BacktestSummary {
  std::size_t replayed = 0;
  std::size_t max_decisions = kMaxBacktestDecisions;
  bool limit_reached = false;  // more decisions were in the window than were replayed
  std::vector<std::string> lists;  // the lists the rules read, as they are now
  // What the candidate would have done.
  BacktestBucket block, review, allow;
  // Against what was decided: now blocked (was allowed or reviewed), now reviewed, now
  // allowed; and how many stay as they were.
  BacktestBucket newly_blocked, newly_reviewed, newly_allowed;
  std::size_t unchanged = 0;
  std::vector<BacktestRule> rules;  // in source order
  // Labels: decisions labelled fraud and legitimate; `caught` counts the labelled
  // frauds the candidate would block or review, `caught_before` those the stored
  // decisions blocked or reviewed.
  std::size_t labelled_fraud = 0;
  std::size_t labelled_legitimate = 0;
  std::size_t caught = 0;
  std::size_t caught_before = 0;
  // caught / labelled_fraud; none without a labelled fraud.
  std::optional<double> recall;
  // Of the labelled decisions the candidate blocks or reviews, the share labelled
  // fraud; none when it flags no labelled decision.
  std::optional<double> precision;
};

// Every (list, value) pair `rules` ask about over `decisions`, for the caller to look up
// in the lists as they are now. Precondition: `rules` were checked against `catalogue`.
ListLookups BacktestLookups(const RuleSet& rules, const Catalogue& catalogue,
                            std::span<const FraudDecision> decisions);

// Accumulates a backtest one decision at a time (so the shell holds one page of
// decisions at a time). `rules` and `catalogue` must outlive it.
class Backtest {
 public:
  // Preconditions: `rules` were checked against `catalogue`; `max_decisions` within
  // 1..kMaxBacktestDecisions. `lists`: the names the rules read, for the summary.
  Backtest(const RuleSet& rules, const Catalogue& catalogue, std::vector<std::string> lists,
           std::size_t max_decisions = kMaxBacktestDecisions);

  // Replays `decision` with `members` (at least its BacktestLookups pairs that are in
  // a list now). Preconditions: fewer than max_decisions added; the amount within
  // 0..kMaxInputAmountMinor.
  void Add(const FraudDecision& decision, Labelled truth, const ListLookups& members);

  std::size_t added() const { return summary_.replayed; }

  // The summary; `limit_reached` as the shell found it.
  BacktestSummary Finish(bool limit_reached) const;

 private:
  const RuleSet& rules_;
  const Catalogue& catalogue_;
  BacktestSummary summary_;
  std::size_t flagged_labelled_ = 0;
  std::size_t flagged_fraud_ = 0;
};

}  // namespace tranche::fraud
