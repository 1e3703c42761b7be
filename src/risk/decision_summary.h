// The operator dashboard's view of checkouts: credit decisions per day, approved and
// declined, and how often each decline reason was the principal one. Pure aggregation
// over stored decision records (the caller reads them).
#pragma once

#include <string>
#include <vector>

#include "core/time.h"
#include "risk/decision_repo.h"

namespace tranche::risk {

// At most this many days, and decisions read for one summary (the caller reports
// `truncated` when it read the limit).
inline constexpr int kMaxSummaryDays = 366;
inline constexpr std::size_t kMaxSummaryDecisions = 100'000;

struct DecisionDay {
  Date date;
  std::size_t approved = 0;
  std::size_t declined = 0;
};

struct ReasonCount {
  std::string code;
  std::string message;
  std::size_t count = 0;  // declines whose principal (first) reason this was
};

struct DecisionSummary {
  Date from;
  Date to;
  std::size_t approved = 0;
  std::size_t declined = 0;
  bool truncated = false;
  std::vector<DecisionDay> days;             // every date from `from` to `to`, zeros included
  std::vector<ReasonCount> decline_reasons;  // most frequent first, then by code
};

// Precondition: from <= to, at most kMaxSummaryDays apart. Records dated outside
// [from, to] are ignored.
DecisionSummary SummarizeDecisions(const std::vector<DecisionRecord>& records, Date from, Date to,
                                   bool truncated);

}  // namespace tranche::risk
