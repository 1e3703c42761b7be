// The portfolio (record): the book of plans summed for operators.
#pragma once

#include <cstdint>

#include "lending/plan.h"

namespace tranche::lending {

// One line of the portfolio: plans of one currency, status and delinquency bucket.
struct PortfolioLine {
  PlanStatus status;
  Bucket bucket;
  std::int64_t plans = 0;
  Money outstanding;  // principal and interest scheduled and unpaid
  Money fees_unpaid;  // in the same currency
};

}  // namespace tranche::lending
