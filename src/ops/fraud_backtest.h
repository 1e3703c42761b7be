// The backtest use case: candidate fraud rules replayed over the stored decisions of a
// window (fraud/backtest.h), read in one snapshot. Shared by the operator API
// (POST /v1/admin/fraud/backtest) and `tranche fraud backtest`. Reads only.
#pragma once

#include <optional>
#include <string>

#include "fraud/backtest.h"
#include "fraud/rules.h"
#include "store/store.h"

namespace tranche::ops {

// Decisions are read a page at a time: each carries every feature value, so the whole
// bound at once would hold tens of megabytes.
inline constexpr std::size_t kBacktestPageDecisions = 500;

struct FraudBacktestRequest {
  std::string rules;  // rules text, at most fraud::kMaxRulesSourceBytes
  fraud::BacktestWindow window;
  std::size_t max_decisions = fraud::kMaxBacktestDecisions;  // 1..fraud::kMaxBacktestDecisions
  std::size_t page_decisions = kBacktestPageDecisions;       // 1..kBacktestPageDecisions
};

// Either the summary or, when the candidate does not check, the parser's errors (with
// their lines and columns).
struct FraudBacktestOutcome {
  fraud::BacktestWindow window;
  std::optional<fraud::BacktestSummary> summary;
  fraud::ParseOutcome parsed;  // errors when summary is none
};

// Parses and type-checks the candidate against `catalogue` and the lists that exist,
// then replays the first request.max_decisions decisions of the window, oldest first,
// with their labels and the lists as they are now.
Result<FraudBacktestOutcome> RunFraudBacktest(store::Store& store, const fraud::Catalogue& catalogue,
                                              const FraudBacktestRequest& request);

}  // namespace tranche::ops
