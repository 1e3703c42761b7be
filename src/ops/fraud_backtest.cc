#include "ops/fraud_backtest.h"

#include <algorithm>

#include "fraud/label_repo.h"
#include "store/store.h"

namespace tranche::ops {

namespace {

// Replays the window's decisions in (time, id) order into `backtest`; true when more
// decisions were in the window than the bound lets it replay.
Result<bool> ReplayWindow(store::Tx& tx, const fraud::RuleSet& rules, const fraud::Catalogue& catalogue,
                          const FraudBacktestRequest& request, fraud::Backtest& backtest) {
  const fraud::BacktestWindow& window = request.window;
  Instant cursor = window.from;
  // Decisions already replayed at exactly `cursor`: ListSince gives them again
  // first (its order is time, then id), so they are skipped.
  std::size_t seen_at_cursor = 0;
  while (true) {
    TRANCHE_ASSIGN_OR_RETURN(std::vector<fraud::FraudDecision> page,
                             tx.fraud_decisions().ListSince(cursor, seen_at_cursor + request.page_decisions));
    const bool last_page = page.size() < seen_at_cursor + request.page_decisions;
    page.erase(page.begin(), page.begin() + static_cast<std::ptrdiff_t>(std::min(seen_at_cursor, page.size())));
    const auto past = std::find_if(page.begin(), page.end(),
                                   [&](const fraud::FraudDecision& d) { return d.created_at >= window.to; });
    const bool window_ends = past != page.end();
    page.erase(past, page.end());
    if (page.empty()) return false;
    TRANCHE_ASSIGN_OR_RETURN(fraud::ListLookups members, tx.fraud_lists().Members(fraud::BacktestLookups(rules, catalogue, page)));
    TRANCHE_ASSIGN_OR_RETURN(const auto labels, fraud::LabelsOf(tx.fraud_labels(), page));
    for (std::size_t i = 0; i < page.size(); ++i) {
      const fraud::FraudDecision& d = page[i];
      if (backtest.added() == request.max_decisions) return true;
      backtest.Add(d, fraud::LabelledOf(labels[i]), members);
      seen_at_cursor = d.created_at == cursor ? seen_at_cursor + 1 : 1;
      cursor = d.created_at;
    }
    if (window_ends || last_page) return false;
  }
}

}  // namespace

Result<FraudBacktestOutcome> RunFraudBacktest(store::Store& store, const fraud::Catalogue& catalogue,
                                              const FraudBacktestRequest& request) {
  TRANCHE_ASSERT(request.rules.size() <= fraud::kMaxRulesSourceBytes);
  TRANCHE_ASSERT(request.max_decisions >= 1 && request.max_decisions <= fraud::kMaxBacktestDecisions);
  TRANCHE_ASSERT(request.page_decisions >= 1 && request.page_decisions <= kBacktestPageDecisions);
  FraudBacktestOutcome out{request.window, std::nullopt, {}};
  TRANCHE_RETURN_IF_ERROR(store.Read([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(auto lists, tx.fraud_lists().Names());
    out.parsed = fraud::ParseRules(request.rules, catalogue, lists);
    if (!out.parsed.rules) return Status::Ok();
    const fraud::RuleSet& rules = *out.parsed.rules;
    fraud::Backtest backtest(rules, catalogue, {rules.lists.begin(), rules.lists.end()}, request.max_decisions);
    TRANCHE_ASSIGN_OR_RETURN(const bool limit_reached, ReplayWindow(tx, rules, catalogue, request, backtest));
    out.summary = backtest.Finish(limit_reached);
    return Status::Ok();
  }));
  return out;
}

}  // namespace tranche::ops
