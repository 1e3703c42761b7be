#include "ops/plan_actions.h"

#include <algorithm>

#include "ledger/posting.h"
#include "ops/events.h"
#include "recon/reconcile.h"
#include "servicing/postings.h"
#include "servicing/servicing.h"

namespace tranche::ops {

namespace {

using lending::Plan;
using servicing::Dispute;

Status DisputeUpdate(store::Tx& tx, IdGenerator& ids, Instant now, const Dispute& d, const std::string& what) {
  return NotifyConsumer(tx, ids, now, d.consumer_id, "dispute_update", "Your reported problem: " + what,
                        "Dispute " + d.id + " about order " + d.order_id + " is " +
                            std::string(servicing::DisputeStatusName(d.status)) + ".");
}

// Pauses every active plan of the order; returns them.
Result<std::vector<Plan>> PauseOrderPlans(store::Tx& tx, std::string_view order_id, Date today, int days,
                                          const std::string& reason) {
  TRANCHE_ASSIGN_OR_RETURN(std::vector<Plan> plans, tx.plans().ListByOrder(order_id));
  std::vector<Plan> paused;
  for (Plan& p : plans) {
    if (p.status != lending::PlanStatus::kActive) continue;
    TRANCHE_ASSIGN_OR_RETURN(Plan next, servicing::Pause(std::move(p), today, days, reason));
    TRANCHE_RETURN_IF_ERROR(tx.plans().Update(next));
    paused.push_back(std::move(next));
  }
  return paused;
}

Status ResumeOrderPlans(store::Tx& tx, std::string_view order_id, Date today) {
  TRANCHE_ASSIGN_OR_RETURN(std::vector<Plan> plans, tx.plans().ListByOrder(order_id));
  for (Plan& p : plans) {
    if (!p.paused_from) continue;
    TRANCHE_RETURN_IF_ERROR(tx.plans().Update(servicing::Resume(std::move(p), today)));
  }
  return Status::Ok();
}

// The refund a dispute resolved for the consumer becomes: everything still captured.
Status RefundDisputed(store::Tx& tx, const origination::Context& ctx, const Dispute& d) {
  TRANCHE_ASSIGN_OR_RETURN(checkout::Order o, origination::LoadOrder(tx, d.merchant_id, d.order_id, ctx.now));
  const Money refundable = checkout::Refundable(o.state);
  if (refundable.is_zero()) return Status::Ok();
  return origination::Refund(tx, ctx, d.merchant_id, d.order_id, refundable.minor(), "dispute " + d.id).status();
}

// A purchase the consumer did not make, written off by the lender: the order's plans
// charged off as fraud, and what the consumer paid towards it owed back to them (the next
// close pays it to their method). The merchant keeps its money.
// Refused while a payment on the order is in flight: what the consumer paid is given
// back whole, so it must be known first.
Status WriteOffDisputed(store::Tx& tx, const origination::Context& ctx, const Dispute& d) {
  TRANCHE_ASSIGN_OR_RETURN(auto order, tx.orders().FindOrder(d.order_id));
  TRANCHE_ASSERT_MSG(order.has_value(), "a dispute's order exists");
  TRANCHE_ASSIGN_OR_RETURN(std::vector<Plan> plans, tx.plans().ListByOrder(d.order_id));
  for (const Plan& p : plans) {
    TRANCHE_ASSIGN_OR_RETURN(const bool in_flight, tx.collections().HasOpen(p.id));
    if (in_flight) {
      return Status::Conflict("payment_in_progress",
                              "a payment on this order is still being processed; decide once it has settled");
    }
  }
  TRANCHE_RETURN_IF_ERROR(ChargeOffOrderAsFraud(tx, ctx.ids, ctx.now, d.order_id).status());
  TRANCHE_ASSIGN_OR_RETURN(const std::int64_t paid_minor, recon::OrderLeftMinor(tx, d.order_id));
  if (paid_minor == 0) return Status::Ok();
  const servicing::EntryContext entry{ctx.ids.Next("je"), d.id, d.consumer_id, ctx.now};
  const Money paid(paid_minor, order->state.amounts.captured.currency());
  return ledger::Post(tx.ledger(), servicing::FraudRefundEntry(entry, d.order_id, paid)).status();
}

Status Resolved(store::Tx& tx, const origination::Context& ctx, const Dispute& d) {
  switch (d.resolution) {
    case servicing::DisputeResolution::kRefunded:
      TRANCHE_RETURN_IF_ERROR(RefundDisputed(tx, ctx, d));
      break;
    case servicing::DisputeResolution::kMerchantUpheld:
      TRANCHE_RETURN_IF_ERROR(ResumeOrderPlans(tx, d.order_id, DateOf(ctx.now)));
      break;
    case servicing::DisputeResolution::kWrittenOff:
      TRANCHE_RETURN_IF_ERROR(WriteOffDisputed(tx, ctx, d));
      break;
    case servicing::DisputeResolution::kNone:
      TRANCHE_ASSERT_MSG(false, "a resolved dispute has a resolution");
  }
  TRANCHE_RETURN_IF_ERROR(tx.disputes().Update(d));
  TRANCHE_RETURN_IF_ERROR(PublishDisputeResolved(tx, ctx.ids, ctx.now, d));
  return DisputeUpdate(tx, ctx.ids, ctx.now, d, std::string(servicing::DisputeOutcomeForConsumer(d.resolution)));
}

}  // namespace

namespace {

// The consumer's own plan as stored (plan_not_found for anyone else's).
Result<Plan> FindConsumerPlan(store::Tx& tx, std::string_view consumer_id, std::string_view plan_id) {
  TRANCHE_ASSIGN_OR_RETURN(auto p, tx.plans().Find(plan_id));
  if (!p || p->consumer_id != consumer_id) return Status::NotFound("plan_not_found", "no such plan", "id");
  return std::move(*p);
}

}  // namespace

Result<Plan> LoadConsumerPlan(store::Tx& tx, Date today, std::string_view consumer_id, std::string_view plan_id) {
  TRANCHE_ASSIGN_OR_RETURN(Plan p, FindConsumerPlan(tx, consumer_id, plan_id));
  return servicing::ToDate(std::move(p), today);
}

Result<servicing::Collection> StartPayment(store::Tx& tx, IdGenerator& ids, Instant now, std::string_view consumer_id,
                                           std::string_view plan_id, std::int64_t amount_minor) {
  TRANCHE_ASSIGN_OR_RETURN(Plan plan, LoadConsumerPlan(tx, DateOf(now), consumer_id, plan_id));
  // The amount is in the plan's currency: the request names none.
  const Money amount(amount_minor, plan.amount.currency());
  TRANCHE_RETURN_IF_ERROR(servicing::AllocatePayment(plan, amount, DateOf(now)).status());
  bool payoff = false;
  if (plan.status == lending::PlanStatus::kActive) {
    // Paying the day's quote pays the plan off with interest to date only; more than the
    // quote would pay interest not yet earned.
    const servicing::PayoffQuote q = servicing::QuotePayoff(plan);
    payoff = amount == q.amount;
    if (amount.minor() > q.amount.minor()) {
      return Status::BusinessRule("overpayment", "the amount is more than the payoff amount of " +
                                                     std::to_string(q.amount.minor()), "amount");
    }
  }
  TRANCHE_ASSIGN_OR_RETURN(bool in_flight, tx.collections().HasOpen(plan.id));
  if (in_flight) return Status::Conflict("payment_in_progress", "a payment on this plan is still being processed");
  TRANCHE_ASSIGN_OR_RETURN(payments::PaymentMethod method, tx.payment_methods().Find(consumer_id));
  servicing::Collection c{ids.Next("col"), plan.id, plan.consumer_id, "consumer", DateOf(now), 0,
                          amount, payoff, method,
                          servicing::CollectionStatus::kPending, "", "", now};
  TRANCHE_ASSIGN_OR_RETURN(bool inserted, tx.collections().Insert(c));
  TRANCHE_ASSERT(inserted);  // consumer payments are not unique per day
  return c;
}

Result<PaymentStart> StartOrFindPayment(store::Tx& tx, IdGenerator& ids, Instant now, std::string_view consumer_id,
                                        std::string_view plan_id, std::int64_t amount_minor,
                                        std::optional<servicing::PaymentRequest> request, Instant valid_from) {
  if (!request) {
    TRANCHE_ASSIGN_OR_RETURN(servicing::Collection c, StartPayment(tx, ids, now, consumer_id, plan_id, amount_minor));
    return PaymentStart{std::move(c), true};
  }
  TRANCHE_ASSERT(request->consumer_id == consumer_id);
  TRANCHE_ASSIGN_OR_RETURN(auto earlier, tx.collections().FindRequest(consumer_id, request->key));
  if (earlier && earlier->recorded_at >= valid_from) {
    if (earlier->request_hash != request->request_hash) {
      return Status::InvalidArgument("idempotency_error",
                                     "this Idempotency-Key was already used with different parameters",
                                     "Idempotency-Key");
    }
    TRANCHE_ASSIGN_OR_RETURN(auto found, tx.collections().Find(earlier->collection_id));
    TRANCHE_ASSERT_MSG(found.has_value() && found->consumer_id == consumer_id,
                       "a payment request links the consumer's own collection");
    return PaymentStart{std::move(*found), false};
  }
  TRANCHE_ASSIGN_OR_RETURN(servicing::Collection c,
                           StartPayment(tx, ids, now, consumer_id, plan_id, amount_minor));
  request->collection_id = c.id;
  TRANCHE_RETURN_IF_ERROR(tx.collections().LinkRequest(*request));
  return PaymentStart{std::move(c), true};
}

Result<Plan> ExtendDueDate(store::Tx& tx, Instant now, std::string_view consumer_id, std::string_view plan_id,
                           int number, int days) {
  // Stored as found: an extension moves a date, not the principal interest accrues on.
  TRANCHE_ASSIGN_OR_RETURN(Plan plan, FindConsumerPlan(tx, consumer_id, plan_id));
  TRANCHE_ASSIGN_OR_RETURN(Plan next,
                           servicing::Extend(servicing::AsOf(std::move(plan), DateOf(now)), number, days, DateOf(now)));
  TRANCHE_RETURN_IF_ERROR(tx.plans().Update(next));
  return next;
}

Status LabelOrderFraud(store::Tx& tx, IdGenerator& ids, Instant now, const fraud::Screening* screening,
                       const checkout::Order& order, std::string_view source, std::string_view said_by) {
  TRANCHE_ASSIGN_OR_RETURN(auto authorization, tx.orders().FindAuthorization(order.authorization_id));
  TRANCHE_ASSERT_MSG(authorization.has_value(), "an order's authorization exists");
  TRANCHE_ASSIGN_OR_RETURN(auto decision, tx.fraud_decisions().FindByCredit(authorization->decision_id));
  if (!decision) return Status::Ok();
  TRANCHE_ASSIGN_OR_RETURN(auto labels, tx.fraud_labels().ListOfDecision(decision->id));
  if (std::any_of(labels.begin(), labels.end(), [](const fraud::Label& l) { return l.fraud; })) return Status::Ok();
  const fraud::Label label{ids.Next("flb"), decision->id,       authorization->id, true, std::string(source),
                          std::string(said_by), now};
  return origination::StoreLabel(tx, screening, label, decision->merchant_id, decision->created_at);
}

Result<std::int64_t> ChargeOffOrderAsFraud(store::Tx& tx, IdGenerator& ids, Instant now, std::string_view order_id) {
  TRANCHE_ASSIGN_OR_RETURN(std::vector<Plan> plans, tx.plans().ListByOrder(order_id));
  const Date today = DateOf(now);
  std::int64_t written_off = 0;
  for (Plan& p : plans) {
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

Result<Dispute> OpenDispute(store::Tx& tx, IdGenerator& ids, Instant now, std::string_view consumer_id,
                            std::string_view order_id, std::string reason, const fraud::Screening* screening) {
  if (!servicing::IsDisputeReason(reason)) {
    return Status::InvalidArgument("invalid_reason",
                                   "reason must be not_received, returned, wrong_item, not_as_described or unauthorized",
                                   "reason");
  }
  TRANCHE_ASSIGN_OR_RETURN(auto order, tx.orders().FindOrder(order_id));
  if (!order || order->consumer_id != consumer_id) {
    return Status::NotFound("order_not_found", "no such order", "order_id");
  }
  if (order->state.amounts.captured.is_zero()) {
    return Status::BusinessRule("order_not_captured", "nothing was charged for this order yet", "order_id");
  }
  TRANCHE_ASSIGN_OR_RETURN(auto open, tx.disputes().FindUnresolved(order_id));
  if (open) return Status::Conflict("dispute_exists", "a problem with this order is already being handled");
  const Date today = DateOf(now);
  Dispute d{ids.Next("dsp"), order->id, order->merchant_id, order->consumer_id, std::move(reason),
            servicing::DisputeStatus::kOpen, servicing::DisputeResolution::kNone, "", today, now, now};
  TRANCHE_RETURN_IF_ERROR(tx.disputes().Insert(d));
  if (d.reason == "unauthorized") {
    TRANCHE_RETURN_IF_ERROR(LabelOrderFraud(tx, ids, now, screening, *order, "dispute", order->consumer_id));
  }
  TRANCHE_RETURN_IF_ERROR(
      PauseOrderPlans(tx, order_id, today, servicing::kDisputePauseDays, "dispute").status());
  TRANCHE_RETURN_IF_ERROR(PublishDisputeOpened(tx, ids, now, d));
  TRANCHE_RETURN_IF_ERROR(DisputeUpdate(tx, ids, now, d, "received; payments are paused for 21 days"));
  return d;
}

Result<std::vector<Plan>> RegisterReturn(store::Tx& tx, IdGenerator& ids, Instant now, std::string_view merchant_id,
                                         std::string_view order_id) {
  TRANCHE_ASSIGN_OR_RETURN(checkout::Order o, origination::LoadOrder(tx, merchant_id, order_id, now));
  if (o.state.amounts.captured.is_zero()) {
    return Status::BusinessRule("order_not_captured", "nothing was captured on this order");
  }
  TRANCHE_ASSIGN_OR_RETURN(std::vector<Plan> paused,
                           PauseOrderPlans(tx, order_id, DateOf(now), servicing::kReturnPauseDays, "return"));
  TRANCHE_RETURN_IF_ERROR(PublishReturnRegistered(tx, ids, now, o, paused));
  TRANCHE_RETURN_IF_ERROR(NotifyConsumer(tx, ids, now, o.consumer_id, "return_registered",
                                         "Your return was registered",
                                         "Payments for order " + o.id + " are paused for 28 days."));
  return paused;
}

Result<Dispute> RespondToDispute(store::Tx& tx, const origination::Context& ctx, std::string_view merchant_id,
                                 std::string_view dispute_id, bool accept, std::string note) {
  TRANCHE_ASSIGN_OR_RETURN(auto found, tx.disputes().Find(dispute_id));
  if (!found || found->merchant_id != merchant_id) return Status::NotFound("dispute_not_found", "no such dispute", "id");
  TRANCHE_ASSIGN_OR_RETURN(Dispute d, servicing::Respond(std::move(*found), accept, std::move(note), ctx.now));
  if (d.status == servicing::DisputeStatus::kResolved) {
    TRANCHE_RETURN_IF_ERROR(Resolved(tx, ctx, d));
    return d;
  }
  TRANCHE_RETURN_IF_ERROR(tx.disputes().Update(d));
  TRANCHE_RETURN_IF_ERROR(DisputeUpdate(tx, ctx.ids, ctx.now, d, "the merchant contested it; we are reviewing"));
  return d;
}

Result<Dispute> DecideDispute(store::Tx& tx, const origination::Context& ctx, std::string_view dispute_id,
                              servicing::DisputeResolution resolution) {
  TRANCHE_ASSIGN_OR_RETURN(auto found, tx.disputes().Find(dispute_id));
  if (!found) return Status::NotFound("dispute_not_found", "no such dispute", "id");
  TRANCHE_ASSIGN_OR_RETURN(Dispute d, servicing::Decide(std::move(*found), resolution, ctx.now));
  TRANCHE_RETURN_IF_ERROR(Resolved(tx, ctx, d));
  return d;
}

}  // namespace tranche::ops
