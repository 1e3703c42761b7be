#include "ops/collections.h"

#include "ledger/posting.h"
#include "ops/events.h"
#include "ops/outbox.h"
#include "ops/send_open.h"
#include "origination/origination.h"
#include "servicing/postings.h"

namespace tranche::ops {

namespace {

using servicing::Collection;
using servicing::CollectionStatus;

Status PostEntry(store::Tx& tx, const ledger::JournalEntry& e) {
  return ledger::Post(tx.ledger(), e).status();
}

// Applies a collected amount to the plan and posts it.
Status ApplyCollected(store::Tx& tx, IdGenerator& ids, Instant now, const Collection& c) {
  TRANCHE_ASSIGN_OR_RETURN(auto found, tx.plans().Find(c.plan_id));
  TRANCHE_ASSERT(found.has_value());  // collections reference their plan
  // A pause that ended today moved the due dates the allocation goes by; interest to
  // date is booked on the principal before the payment.
  TRANCHE_ASSIGN_OR_RETURN(lending::Plan plan,
                           origination::BookInterest(tx, ids, now, servicing::AsOf(std::move(*found), c.business_date)));
  const bool payable = servicing::AcceptsPayments(plan);
  if (c.payoff && plan.status == lending::PlanStatus::kActive) {
    plan = servicing::WaiveUnaccruedInterest(std::move(plan), servicing::QuotePayoff(plan));
  }
  // What the plan still owes takes the payment; anything beyond it is owed back.
  const Money balance = payable ? servicing::Balance(plan) : Money::Zero(c.amount.currency());
  const Money applied = c.amount.minor() < balance.minor() ? c.amount : balance;
  servicing::PaymentAllocation a = servicing::PaymentAllocation::None(c.amount.currency());
  if (!applied.is_zero()) {
    TRANCHE_ASSIGN_OR_RETURN(a, servicing::AllocatePayment(plan, applied, c.business_date));
  }
  TRANCHE_RETURN_IF_ERROR(PostEntry(tx, servicing::PaymentEntry({ids.Next("je"), c.id, c.consumer_id, now}, a,
                                                                plan.charge_off_reason,
                                                                Checked(c.amount.Minus(applied)))));
  if (applied.is_zero()) return Status::Ok();
  plan = servicing::ApplyPayment(std::move(plan), a);
  const bool paid_off = plan.status == lending::PlanStatus::kPaidOff;
  if (paid_off) {
    TRANCHE_ASSIGN_OR_RETURN(plan, origination::ClosePlan(tx, ids, now, std::move(plan)));
  }
  TRANCHE_RETURN_IF_ERROR(tx.plans().Update(plan));
  TRANCHE_RETURN_IF_ERROR(PublishPaymentSucceeded(tx, ids, now, c, plan));
  if (!paid_off) return Status::Ok();
  TRANCHE_RETURN_IF_ERROR(PublishPlanPaidOff(tx, ids, now, plan));
  return NotifyConsumer(tx, ids, now, plan.consumer_id, "plan_paid_off", "Your plan is paid off",
                        "Plan " + plan.id + " is paid in full. Thank you.");
}

Status ReportFailure(store::Tx& tx, IdGenerator& ids, Instant now, const Collection& c) {
  TRANCHE_ASSIGN_OR_RETURN(auto plan, tx.plans().Find(c.plan_id));
  TRANCHE_ASSERT(plan.has_value());
  TRANCHE_RETURN_IF_ERROR(PublishPaymentFailed(tx, ids, now, c, *plan));
  return NotifyConsumer(tx, ids, now, c.consumer_id, "payment_failed", "We could not take your payment",
                        "A payment of " + FormatMoney(c.amount) + " for plan " + c.plan_id +
                            " failed (" + c.failure_code + "). Please check your payment method.");
}

payments::CollectRequest RequestOf(const Collection& c) {
  return {c.id, c.consumer_id, c.method, c.amount};
}

payments::MovementRecord MovementOf(const Collection& c) {
  return {c.status, c.processor_ref, c.failure_code, c.resolved_at};
}

}  // namespace

Result<Collection> RecordOutcome(store::Tx& tx, IdGenerator& ids, Instant now, std::string_view collection_id,
                                 const payments::ProcessorReply& reply) {
  TRANCHE_ASSIGN_OR_RETURN(auto found, tx.collections().Find(collection_id));
  TRANCHE_ASSERT(found.has_value());
  Collection c = std::move(*found);
  const std::optional<payments::MovementRecord> next = payments::ApplyReply(MovementOf(c), reply, now);
  if (!next) return c;  // resolved already: the outcome recorded first stands
  c.status = next->state;
  c.processor_ref = next->reference;
  c.failure_code = next->failure_code;
  c.resolved_at = next->resolved_at;
  TRANCHE_RETURN_IF_ERROR(tx.collections().Update(c));
  if (c.status == CollectionStatus::kFailed) TRANCHE_RETURN_IF_ERROR(ReportFailure(tx, ids, now, c));
  if (c.status == CollectionStatus::kSucceeded) TRANCHE_RETURN_IF_ERROR(ApplyCollected(tx, ids, now, c));
  return c;
}

payments::ProcessorReply AskProcessor(OpsContext& ctx, const Collection& pending) {
  return pending.status == CollectionStatus::kUnknown ? ctx.processor.Resolve(RequestOf(pending))
                                                      : ctx.processor.Collect(RequestOf(pending));
}

Result<Collection> Execute(OpsContext& ctx, const Collection& pending) {
  const payments::ProcessorReply reply = AskProcessor(ctx, pending);
  std::optional<Collection> out;
  TRANCHE_RETURN_IF_ERROR(ctx.store.Write([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(out, RecordOutcome(tx, ctx.ids, ctx.clock.Now(), pending.id, reply));
    return Status::Ok();
  }));
  return std::move(*out);
}

Result<CollectionRun> RunOpenCollections(OpsContext& ctx, Instant at) {
  CollectionRun run;
  TRANCHE_RETURN_IF_ERROR(SendOpen<Collection>(
      ctx.store,
      [](store::Tx& tx, CollectionStatus status, const std::string& after) {
        return tx.collections().ListInStatus(status, after, kMovementBatch);
      },
      [&](const Collection& c, bool resolve) {
        return resolve ? ctx.processor.Resolve(RequestOf(c)) : ctx.processor.Collect(RequestOf(c));
      },
      [&](store::Tx& tx, const Collection& c, const payments::ProcessorReply& reply) -> Status {
        TRANCHE_RETURN_IF_ERROR(RecordOutcome(tx, ctx.ids, at, c.id, reply).status());
        ++run.attempted;
        run.succeeded += reply.outcome == payments::Outcome::kSucceeded ? 1 : 0;
        run.failed += reply.outcome == payments::Outcome::kFailed ? 1 : 0;
        run.unknown += reply.outcome == payments::Outcome::kUnknown ? 1 : 0;
        return Status::Ok();
      }));
  return run;
}

namespace {

// Records the processor's reply for a consumer refund; true when it was paid.
Result<bool> RecordRefund(store::Tx& tx, IdGenerator& ids, Instant now, servicing::ConsumerRefund r,
                          const payments::ProcessorReply& reply) {
  // Refunds keep no failure code: a failed one is simply still owed.
  const std::optional<payments::MovementRecord> next =
      payments::ApplyReply({r.status, r.processor_ref, "", r.resolved_at}, reply, now);
  if (!next) return false;
  r.status = next->state;
  r.processor_ref = next->reference;
  r.resolved_at = next->resolved_at;
  TRANCHE_RETURN_IF_ERROR(tx.consumer_refunds().Update(r));
  if (r.status != CollectionStatus::kSucceeded) return false;  // still owed: tried again next time
  TRANCHE_RETURN_IF_ERROR(
      PostEntry(tx, servicing::ConsumerRefundEntry({ids.Next("je"), r.id, r.consumer_id, now}, r.amount)));
  TRANCHE_RETURN_IF_ERROR(NotifyConsumer(tx, ids, now, r.consumer_id, "refund_sent", "Money is on its way back",
                                         FormatMoney(r.amount) + " was sent back to your payment method."));
  return true;
}

}  // namespace

Result<std::int64_t> RefundConsumers(OpsContext& ctx, Instant at) {
  std::int64_t paid = 0;
  // Owed amounts become pending refunds; then unknown ones are resolved and pending ones sent.
  TRANCHE_RETURN_IF_ERROR(ctx.store.Write([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(auto owed, tx.consumer_refunds().ListOwed(10'000));
    for (const servicing::OwedRefund& o : owed) {
      TRANCHE_ASSIGN_OR_RETURN(payments::PaymentMethod method, tx.payment_methods().Find(o.consumer_id));
      TRANCHE_RETURN_IF_ERROR(tx.consumer_refunds().Insert(
          {ctx.ids.Next("crf"), o.consumer_id, o.amount, method, CollectionStatus::kPending, "", at}));
    }
    return Status::Ok();
  }));
  TRANCHE_RETURN_IF_ERROR(SendOpen<servicing::ConsumerRefund>(
      ctx.store,
      [](store::Tx& tx, CollectionStatus status, const std::string& after) {
        return tx.consumer_refunds().ListInStatus(status, after, kMovementBatch);
      },
      [&](const servicing::ConsumerRefund& r, bool resolve) {
        const payments::CollectRequest request{r.id, r.consumer_id, r.method, r.amount};
        return resolve ? ctx.processor.ResolveRefund(request) : ctx.processor.Refund(request);
      },
      [&](store::Tx& tx, const servicing::ConsumerRefund& r, const payments::ProcessorReply& reply) -> Status {
        TRANCHE_ASSIGN_OR_RETURN(bool done, RecordRefund(tx, ctx.ids, at, r, reply));
        paid += done ? 1 : 0;
        return Status::Ok();
      }));
  return paid;
}

}  // namespace tranche::ops
