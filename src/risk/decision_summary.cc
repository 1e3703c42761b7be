#include "risk/decision_summary.h"

#include <algorithm>
#include <map>

#include "core/assert.h"

namespace tranche::risk {

DecisionSummary SummarizeDecisions(const std::vector<DecisionRecord>& records, Date from, Date to,
                                   bool truncated) {
  const int span = DaysBetween(from, to);
  TRANCHE_ASSERT(span >= 0 && span < kMaxSummaryDays);
  DecisionSummary s{from, to, 0, 0, truncated, {}, {}};
  for (int i = 0; i <= span; ++i) s.days.push_back(DecisionDay{AddDays(from, i), 0, 0});
  std::map<std::string, ReasonCount> reasons;
  for (const DecisionRecord& r : records) {
    const int day = DaysBetween(from, DateOf(r.created_at));
    if (day < 0 || day > span) continue;
    if (r.decision.outcome == Outcome::kApproved) {
      ++s.approved;
      ++s.days[static_cast<std::size_t>(day)].approved;
      continue;
    }
    ++s.declined;
    ++s.days[static_cast<std::size_t>(day)].declined;
    if (r.decision.reasons.empty()) continue;
    const Reason& principal = r.decision.reasons.front();
    ReasonCount& c = reasons[principal.code];
    if (c.count == 0) c = ReasonCount{principal.code, principal.message, 0};
    ++c.count;
  }
  for (auto& [code, c] : reasons) s.decline_reasons.push_back(std::move(c));
  std::stable_sort(s.decline_reasons.begin(), s.decline_reasons.end(),
                   [](const ReasonCount& a, const ReasonCount& b) { return a.count > b.count; });
  return s;
}

}  // namespace tranche::risk
