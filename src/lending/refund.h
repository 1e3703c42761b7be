// Refund allocation (pure): a merchant refund reduces what the consumer still owes on
// the plan, starting from the last instalment and working backwards; what exceeds
// everything still owed is owed back to the consumer (PRODUCT.md, "Refunds").
#pragma once

#include <vector>

#include "core/money.h"

namespace tranche::lending {

struct InstallmentBalance {
  Money amount;  // due on this instalment
  Money paid;    // already paid towards it
};

struct RefundAllocation {
  std::vector<Money> reductions;  // per instalment, in the plan's order
  Money to_consumer;              // the excess, returned to the consumer
  bool plan_settled = false;      // nothing is owed any more
};

// Preconditions refused as InvalidArgument: refund positive; all amounts in the
// refund's currency; 0 <= paid <= amount on every instalment.
Result<RefundAllocation> AllocateRefund(const std::vector<InstallmentBalance>& plan, Money refund);

}  // namespace tranche::lending
