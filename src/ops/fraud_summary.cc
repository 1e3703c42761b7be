#include "ops/fraud_summary.h"

#include "core/assert.h"

namespace tranche::ops {

FraudDecisionSummary SpreadOverRange(const std::vector<fraud::DecisionDayCounts>& counted, const DateRange& range) {
  TRANCHE_ASSERT(range.days() >= 1 && range.days() <= kMaxFraudSummaryDays);
  FraudDecisionSummary s{range, {}, {}};
  s.days.reserve(static_cast<std::size_t>(range.days()));
  for (int i = 0; i < range.days(); ++i) s.days.push_back({AddDays(range.first, i), {}});
  for (const fraud::DecisionDayCounts& d : counted) {
    const int day = DaysBetween(range.first, d.date);
    if (day < 0 || day >= range.days()) continue;
    s.days[static_cast<std::size_t>(day)].counts += d.counts;
    s.total += d.counts;
  }
  return s;
}

Result<FraudDecisionSummary> SummarizeFraudDecisions(store::Store& store, const DateRange& range) {
  TRANCHE_ASSERT(range.days() >= 1 && range.days() <= kMaxFraudSummaryDays);
  std::vector<fraud::DecisionDayCounts> counted;
  TRANCHE_RETURN_IF_ERROR(store.Read([&](store::Tx& tx) -> Status {
    // One row per date with decisions: the range's days bound them.
    TRANCHE_ASSIGN_OR_RETURN(counted, tx.fraud_decisions().CountByDay(range.from(), range.to(),
                                                                      static_cast<std::size_t>(range.days())));
    return Status::Ok();
  }));
  return SpreadOverRange(counted, range);
}

}  // namespace tranche::ops
