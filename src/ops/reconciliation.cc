#include "ops/reconciliation.h"

#include "ledger/posting.h"
#include "ops/events.h"
#include "ops/plan_actions.h"
#include "servicing/postings.h"
#include "servicing/servicing.h"

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

// Writes off the order's active plans as fraud: the card's owner did not pay, so no
// later instalment is taken from it. A plan paid off, closed or charged off already
// stays as it is.
Status ChargeOffOrderAsFraud(store::Tx& tx, IdGenerator& ids, Instant now, const checkout::Order& order) {
  TRANCHE_ASSIGN_OR_RETURN(std::vector<lending::Plan> plans, tx.plans().ListByOrder(order.id));
  const Date today = DateOf(now);
  for (lending::Plan& p : plans) {
    if (p.status != lending::PlanStatus::kActive) continue;
    const servicing::DayResult r = servicing::ChargeOffAsFraud(std::move(p), today);
    const servicing::EntryContext ctx{ids.Next("je"), r.plan.id, r.plan.consumer_id, now};
    TRANCHE_RETURN_IF_ERROR(ledger::Post(tx.ledger(), servicing::ChargeOffEntry(ctx, r)).status());
    TRANCHE_RETURN_IF_ERROR(tx.plans().Update(r.plan));
    TRANCHE_RETURN_IF_ERROR(PublishPlanChargedOff(tx, ids, now, r.plan, today));
  }
  return Status::Ok();
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
    TRANCHE_RETURN_IF_ERROR(ChargeOffOrderAsFraud(tx, ids, now, order));
  }
  return out;
}

}  // namespace tranche::ops
