#include "ops/reconciliation.h"

#include "ops/plan_actions.h"

namespace tranche::ops {

namespace {

// The order a collection paid towards.
Result<checkout::Order> OrderOfCollection(store::Tx& tx, const servicing::Collection& c) {
  TRANCHE_ASSIGN_OR_RETURN(auto plan, tx.plans().Find(c.plan_id));
  TRANCHE_ASSERT_MSG(plan.has_value(), "a collection's plan exists");
  TRANCHE_ASSIGN_OR_RETURN(auto order, tx.orders().FindOrder(plan->order_id));
  TRANCHE_ASSERT_MSG(order.has_value(), "a plan's order exists");
  return std::move(*order);
}

}  // namespace

Result<recon::DayOutcome> ReconcileFile(store::Tx& tx, IdGenerator& ids, Instant now, const fraud::Screening* screening,
                                        Date d, const std::vector<recon::FileLine>& file,
                                        const recon::MatchRules& rules) {
  TRANCHE_ASSIGN_OR_RETURN(recon::DayOutcome out, recon::ReconcileDay(tx, ids, now, d, file, rules));
  TRANCHE_ASSERT(out.charged_back.size() == out.result.chargebacks.size());
  for (const servicing::Collection& c : out.charged_back) {
    TRANCHE_ASSIGN_OR_RETURN(const checkout::Order order, OrderOfCollection(tx, c));
    TRANCHE_RETURN_IF_ERROR(LabelOrderFraud(tx, ids, now, screening, order, "chargeback", kChargebackLabeller));
  }
  return out;
}

}  // namespace tranche::ops
