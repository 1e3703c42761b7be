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
// stays as it is. Returns how many plans it wrote off.
Result<std::int64_t> ChargeOffOrderAsFraud(store::Tx& tx, IdGenerator& ids, Instant now, const checkout::Order& order) {
  TRANCHE_ASSIGN_OR_RETURN(std::vector<lending::Plan> plans, tx.plans().ListByOrder(order.id));
  const Date today = DateOf(now);
  std::int64_t written_off = 0;
  for (lending::Plan& p : plans) {
    if (p.status != lending::PlanStatus::kActive) continue;
    ++written_off;
    const servicing::DayResult r = servicing::ChargeOffAsFraud(std::move(p), today);
    const servicing::EntryContext ctx{ids.Next("je"), r.plan.id, r.plan.consumer_id, now};
    TRANCHE_RETURN_IF_ERROR(ledger::Post(tx.ledger(), servicing::ChargeOffEntry(ctx, r)).status());
    TRANCHE_RETURN_IF_ERROR(tx.plans().Update(r.plan));
    TRANCHE_RETURN_IF_ERROR(PublishPlanChargedOff(tx, ids, now, r.plan, today));
  }
  return written_off;
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
    TRANCHE_ASSIGN_OR_RETURN(const std::int64_t written_off, ChargeOffOrderAsFraud(tx, ids, now, order));
    out.fraud_charge_offs += written_off;
  }
  return out;
}

}  // namespace tranche::ops
