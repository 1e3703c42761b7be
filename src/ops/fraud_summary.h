// Fraud decisions per day for the operator dashboard: every screening of a range of UTC
// dates counted by action (allow, review, block) and, of those held for review, by
// where their review stands (pending, accepted, rejected). Served by
// GET /v1/admin/fraud/decisions/summary. Reads only.
#pragma once

#include <vector>

#include "core/date_range.h"
#include "fraud/decision_repo.h"
#include "store/store.h"

namespace tranche::ops {

inline constexpr int kDefaultFraudSummaryDays = 30;
inline constexpr int kMaxFraudSummaryDays = 90;

struct FraudDecisionSummary {
  DateRange range;
  fraud::DecisionCounts total;
  std::vector<fraud::DecisionDayCounts> days;  // every date of the range, oldest first, zeros included
};

// `counted` (dates with decisions, as fraud::DecisionRepo::CountByDay gives them) laid
// over every date of `range`. Pure. Counts dated outside the range are ignored.
// Precondition: range.days() is 1..kMaxFraudSummaryDays.
FraudDecisionSummary SpreadOverRange(const std::vector<fraud::DecisionDayCounts>& counted, const DateRange& range);

// The range's counts, read in one query. Precondition as SpreadOverRange's.
Result<FraudDecisionSummary> SummarizeFraudDecisions(store::Store& store, const DateRange& range);

}  // namespace tranche::ops
