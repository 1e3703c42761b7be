#include "lending/refund.h"

#include <algorithm>

namespace tranche::lending {

Result<RefundAllocation> AllocateRefund(const std::vector<InstallmentBalance>& plan, Money refund) {
  if (refund.minor() <= 0) {
    return Status::InvalidArgument("parameter_out_of_range", "a refund must be positive", "amount");
  }
  const Currency c = refund.currency();
  for (const InstallmentBalance& i : plan) {
    if (i.amount.currency() != c || i.paid.currency() != c || i.paid.minor() < 0 ||
        i.paid.minor() > i.amount.minor()) {
      return Status::InvalidArgument("invalid_plan", "instalment balances are inconsistent");
    }
  }
  RefundAllocation out{std::vector<Money>(plan.size(), Money::Zero(c)), Money::Zero(c), true};
  std::int64_t left = refund.minor();
  for (std::size_t k = plan.size(); k-- > 0;) {
    const std::int64_t owed = plan[k].amount.minor() - plan[k].paid.minor();
    const std::int64_t cut = std::min(owed, left);
    out.reductions[k] = Money(cut, c);
    left -= cut;
    if (owed > cut) out.plan_settled = false;
  }
  out.to_consumer = Money(left, c);
  return out;
}

}  // namespace tranche::lending
