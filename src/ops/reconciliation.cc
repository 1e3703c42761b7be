#include "ops/reconciliation.h"

#include "ops/events.h"
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

Result<FileOutcome> ReconcileFile(store::Tx& tx, IdGenerator& ids, Instant now, const fraud::Screening* screening,
                                  Date d, const std::vector<recon::FileLine>& file, const recon::MatchRules& rules) {
  FileOutcome out;
  TRANCHE_ASSIGN_OR_RETURN(out.day, recon::ReconcileDay(tx, ids, now, d, file, rules));
  TRANCHE_ASSERT(out.day.charged_back.size() == out.day.result.chargebacks.size());
  for (const servicing::Collection& c : out.day.charged_back) {
    TRANCHE_ASSIGN_OR_RETURN(const checkout::Order order, OrderOfCollection(tx, c));
    TRANCHE_RETURN_IF_ERROR(LabelOrderFraud(tx, ids, now, screening, order, "chargeback", kChargebackLabeller));
    TRANCHE_ASSIGN_OR_RETURN(const std::int64_t written_off, ChargeOffOrderAsFraud(tx, ids, now, order.id));
    out.fraud_charge_offs += written_off;
  }
  return out;
}

}  // namespace tranche::ops
