// The portfolio (record): the book of plans summed for operators.
#pragma once

#include <cstdint>

#include "lending/plan.h"

namespace tranche::lending {

// One line of the portfolio: plans of one currency, status, delinquency bucket and, for
// charged-off plans, the reason they were written off (credit losses and fraud losses
// are different teams' numbers).
struct PortfolioLine {
  PlanStatus status;
  Bucket bucket;
  ChargeOffReason charge_off_reason = ChargeOffReason::kNone;  // kNone exactly while not charged off
  std::int64_t plans = 0;
  Money outstanding;  // principal and interest scheduled and unpaid
  Money fees_unpaid;  // in the same currency
};

}  // namespace tranche::lending
