#include "origination/origination.h"

#include <algorithm>

#include "checkout/postings.h"
#include "fraud/engine_source.h"
#include "ledger/posting.h"
#include "origination/exposure.h"
#include "servicing/postings.h"

namespace tranche::origination {

namespace {

using checkout::Order;

Status NoSuchOrder(std::string_view id) {
  return Status::NotFound("order_not_found", "no order " + std::string(id.substr(0, 64)), "id");
}

// Finds or registers the consumer behind an authorization. `consistent` reports
// whether the presented identity matches the one registered under the email. A known
// consumer's stored profile is never changed here: whoever holds a client token may
// present anything for an email they know, so what they present stays with the
// decision (ApplicantOf).
Result<merchants::Consumer> ResolveConsumer(store::Tx& tx, const Context& ctx,
                                            const merchants::Consumer& presented, bool* consistent) {
  TRANCHE_ASSIGN_OR_RETURN(auto known, tx.consumers().FindByEmail(presented.email));
  if (!known) {
    merchants::Consumer fresh = presented;
    fresh.id = ctx.ids.Next("con");
    fresh.created_at = ctx.now;
    TRANCHE_RETURN_IF_ERROR(tx.consumers().Insert(fresh));
    *consistent = true;
    return fresh;
  }
  *consistent = merchants::IdentityConsistent(*known, presented);
  return std::move(*known);
}

risk::Applicant ApplicantOf(const merchants::Consumer& presented) {
  const merchants::Address address = presented.address.value_or(merchants::Address{});
  return {presented.given_name, presented.family_name, presented.phone, address.line1,
          address.city,         address.postal_code,   address.country};
}

// The adverse-action notice: the principal reasons go to the consumer's own address,
// not to the shopper at checkout (risk::ShopperReasons).
notify::Notification DeclineNotice(IdGenerator& ids, const merchants::Consumer& consumer,
                                   const merchants::Merchant& merchant, const risk::DecisionRecord& d) {
  std::string body = "A purchase of " + FormatMoney(d.request.amount) + " at " + merchant.name +
                     " with tranche was not approved. The principal reasons:\n";
  for (const risk::Reason& r : d.decision.reasons) body += "- " + r.message + "\n";
  body += "You can see this decision in your tranche account. If you did not make this purchase, "
          "nothing was charged and you can ignore this message.";
  return {ids.Next("ntf"), consumer.id, "email", "credit_declined", consumer.email,
          "Your tranche purchase was not approved", std::move(body), d.created_at};
}

fraud::AuthorizationFacts FactsOf(const checkout::CheckoutSession& session, const merchants::Consumer& consumer,
                                  const AuthorizeRequest& r, Instant now) {
  return {session.id,
          session.merchant_id,
          consumer.id,
          r.presented.email,
          session.draft.amount,
          r.presented.address ? r.presented.address->country : "",
          r.device.ip,
          r.device.ip_country,
          r.device.fingerprint,
          std::nullopt,  // the payment method: looked up by the caller
          now};
}

// The consumer's payment method as the feature engine keys it; none when they never
// set one. Read through the payments port (the payment method is that aggregate's, the
// key is fraud's), not the fraud decisions' port: fraud stores nothing about it.
Result<std::optional<std::string>> PaymentMethodKeyOf(store::Tx& tx, std::string_view consumer_id) {
  TRANCHE_ASSIGN_OR_RETURN(std::optional<payments::PaymentMethod> m, tx.payment_methods().FindSet(consumer_id));
  if (!m) return std::optional<std::string>();
  return std::optional<std::string>(fraud::PaymentMethodKey(consumer_id, payments::MethodTypeName(m->type), m->last4));
}

// Authorizations and captures follow a session only an active merchant could open; a
// re-screening may since have sent the merchant back to review, and an operator may
// then have rejected it (merchants/merchant.h). Until it is active again it authorizes
// and captures nothing.
Result<merchants::Merchant> LoadActiveMerchant(store::Tx& tx, std::string_view id) {
  TRANCHE_ASSIGN_OR_RETURN(auto m, tx.merchants().Find(id));
  TRANCHE_ASSERT_MSG(m.has_value(), "an order's merchant exists");
  TRANCHE_RETURN_IF_ERROR(merchants::CheckTrading(*m));
  return std::move(*m);
}

}  // namespace

Result<AuthorizeOutcome> Authorize(store::Tx& tx, const Context& ctx, const AuthorizeRequest& r) {
  TRANCHE_ASSERT(r.presented.date_of_birth.has_value());
  TRANCHE_ASSIGN_OR_RETURN(auto session, tx.sessions().Find(r.session_id));
  if (!session) {
    return Status::NotFound("session_not_found", "no checkout session " + r.session_id.substr(0, 64), "id");
  }
  const checkout::SessionStatus status = checkout::EffectiveStatus(*session, ctx.now);
  if (status != checkout::SessionStatus::kOpen) {
    return Status::BusinessRule("session_not_open", "this checkout session is " +
                                                        std::string(checkout::SessionStatusName(status)));
  }
  const Money amount = session->draft.amount;
  TRANCHE_ASSIGN_OR_RETURN(merchants::Merchant merchant, LoadActiveMerchant(tx, session->merchant_id));
  const auto terms = merchants::TermsFor(merchant, r.product, amount.currency());
  if (!terms) {
    return Status::BusinessRule("product_not_offered",
                                "this merchant does not offer " + std::string(lending::ProductName(r.product)),
                                "product");
  }
  bool consistent = true;
  TRANCHE_ASSIGN_OR_RETURN(merchants::Consumer consumer,
                           ResolveConsumer(tx, ctx, r.presented, &consistent));
  TRANCHE_ASSIGN_OR_RETURN(risk::Exposure exposure,
                           LoadExposure(tx, consumer.id, amount.currency(), ctx.now));
  risk::DecisionRequest request{*terms, amount, DateOf(ctx.now), *r.presented.date_of_birth,
                                exposure, consistent, std::nullopt, consumer.id};
  if (ctx.decider.WantsProfile()) {
    const risk::Identity who{consumer.email, consumer.family_name, *r.presented.date_of_birth};
    request.profile = risk::WithTrancheHistory(ctx.bureau.Lookup(who), exposure.months_overdue);
  }
  AuthorizeOutcome out{risk::DecisionRecord{ctx.ids.Next("dec"), session->id, merchant.id, consumer.id,
                                            request, ctx.decider.Decide(request), ctx.now,
                                            ApplicantOf(r.presented)},
                       std::nullopt};
  const risk::Decision& d = out.decision.decision;
  TRANCHE_ASSERT(d.reasons.size() <= risk::kMaxDeclineReasons);
  TRANCHE_ASSERT((d.outcome == risk::Outcome::kApproved) == d.reasons.empty());
  TRANCHE_RETURN_IF_ERROR(tx.decisions().Insert(out.decision));
  if (d.outcome != risk::Outcome::kApproved) {
    TRANCHE_RETURN_IF_ERROR(tx.notifications().Insert(DeclineNotice(ctx.ids, consumer, merchant, out.decision)));
    return out;
  }

  if (ctx.fraud != nullptr) {
    fraud::AuthorizationFacts facts = FactsOf(*session, consumer, r, ctx.now);
    TRANCHE_ASSIGN_OR_RETURN(facts.payment_method, PaymentMethodKeyOf(tx, consumer.id));
    const fraud::ScreeningReads reads{tx.fraud_rules(), tx.fraud_lists(), tx.fraud_decisions()};
    TRANCHE_ASSIGN_OR_RETURN(out.fraud, fraud::Screen(reads, *ctx.fraud, ctx.ids, facts, out.decision.id));
    TRANCHE_RETURN_IF_ERROR(tx.fraud_decisions().Insert(*out.fraud));
    // The feature engine learns of the authorization, whatever was decided (blocked
    // attempts count in the velocity features too), once it is durable: undone with
    // this transaction, it was never seen.
    tx.OnCommit([&source = ctx.fraud->source, facts = std::move(facts)] { source.Record(facts); });
    // Blocked: declined like a credit decline to the shopper, but nobody is told why
    // (the reason stays with the stored decision, for operators).
    if (out.fraud->action == fraud::Action::kBlock) return out;
  }

  TRANCHE_ASSIGN_OR_RETURN(out.schedule, lending::BuildSchedule(r.product, amount, DateOf(ctx.now), d.apr_bps));
  if (!exposure.credit_limit) TRANCHE_RETURN_IF_ERROR(tx.consumers().SetLimit(consumer.id, d.credit_limit));
  out.authorization = checkout::Authorization{
      ctx.ids.Next("auth"), session->id, merchant.id,  consumer.id,
      out.decision.id,      r.product,   amount,       d.apr_bps,
      ctx.now,              ctx.now + checkout::kAuthorizationLifetime, std::nullopt};
  TRANCHE_RETURN_IF_ERROR(tx.orders().InsertAuthorization(*out.authorization));
  TRANCHE_RETURN_IF_ERROR(tx.sessions().SetStatus(session->id, checkout::SessionStatus::kComplete));
  if (out.fraud && out.fraud->action == fraud::Action::kReview) {
    out.review = fraud::Review{ctx.ids.Next("frv"), out.fraud->id, out.authorization->id, merchant.id, consumer.id,
                               amount, fraud::ReviewStatus::kPending, std::nullopt, std::nullopt, std::nullopt,
                               std::nullopt, "", ctx.now};
    TRANCHE_RETURN_IF_ERROR(tx.fraud_reviews().Insert(*out.review));
  }
  return out;
}

Result<std::vector<ConsumerDecision>> ListConsumerDecisions(store::Tx& tx, std::string_view consumer_id,
                                                            std::string_view after_id, std::size_t limit) {
  TRANCHE_ASSIGN_OR_RETURN(auto records, tx.decisions().ListByConsumer(consumer_id, after_id, limit));
  std::vector<ConsumerDecision> out;
  out.reserve(records.size());
  for (risk::DecisionRecord& r : records) {
    bool blocked = false;
    // Only credit approvals were screened.
    if (r.decision.outcome == risk::Outcome::kApproved) {
      TRANCHE_ASSIGN_OR_RETURN(auto screened, tx.fraud_decisions().FindByCredit(r.id));
      blocked = screened && screened->action == fraud::Action::kBlock;
    }
    out.push_back({std::move(r), blocked});
  }
  return out;
}

Result<Order> CreateOrder(store::Tx& tx, const Context& ctx, std::string_view merchant_id,
                          std::string_view authorization_id, std::string merchant_reference) {
  TRANCHE_ASSIGN_OR_RETURN(auto a, tx.orders().FindAuthorization(authorization_id));
  // Another merchant's authorization is as unknown as a missing one.
  if (!a || a->merchant_id != merchant_id) {
    return Status::NotFound("authorization_not_found",
                            "no authorization " + std::string(authorization_id.substr(0, 64)),
                            "authorization_id");
  }
  if (a->order_id) {
    return Status::Conflict("authorization_already_used",
                            "order " + *a->order_id + " was already created from this authorization");
  }
  TRANCHE_ASSIGN_OR_RETURN(auto review, tx.fraud_reviews().FindByAuthorization(a->id));
  if (review && review->status == fraud::ReviewStatus::kRejected) {
    return Status::BusinessRule("authorization_rejected", "the authorization was released after a fraud review",
                                "authorization_id");
  }
  if (ctx.now >= a->expires_at) {
    return Status::BusinessRule("authorization_expired", "the authorization has expired",
                                "authorization_id");
  }
  const Order order{ctx.ids.Next("ord"), a->merchant_id, a->consumer_id, a->id,
                    std::move(merchant_reference), a->product, a->apr_bps,
                    checkout::NewOrder(a->amount, a->created_at), ctx.now};
  TRANCHE_RETURN_IF_ERROR(tx.orders().InsertOrder(order));
  TRANCHE_RETURN_IF_ERROR(tx.orders().AttachOrder(a->id, order.id));
  TRANCHE_RETURN_IF_ERROR(ctx.events.Authorized(tx, ctx, order));
  return order;
}

Result<Order> LoadAnyOrder(store::Tx& tx, std::string_view order_id, Instant now) {
  TRANCHE_ASSIGN_OR_RETURN(auto o, tx.orders().FindOrder(order_id));
  if (!o) return NoSuchOrder(order_id);
  o->state = checkout::Expire(o->state, now);
  return std::move(*o);
}

Result<Order> LoadOrder(store::Tx& tx, std::string_view merchant_id, std::string_view order_id,
                        Instant now) {
  TRANCHE_ASSIGN_OR_RETURN(Order o, LoadAnyOrder(tx, order_id, now));
  if (o.merchant_id != merchant_id) return NoSuchOrder(order_id);
  return o;
}

Result<Captured> Capture(store::Tx& tx, const Context& ctx, std::string_view merchant_id,
                         std::string_view order_id, std::int64_t amount_minor,
                         std::optional<checkout::ShippingInfo> shipping) {
  TRANCHE_ASSIGN_OR_RETURN(Order order, LoadOrder(tx, merchant_id, order_id, ctx.now));
  TRANCHE_ASSIGN_OR_RETURN(auto review, tx.fraud_reviews().FindByAuthorization(order.authorization_id));
  if (review && review->status == fraud::ReviewStatus::kPending) {
    return Status::BusinessRule("fraud_review_pending",
                                "the order is held for a fraud review; it can be captured once accepted");
  }
  const Money amount(amount_minor, order.state.amounts.authorized.currency());
  TRANCHE_ASSIGN_OR_RETURN(checkout::OrderState next, checkout::Capture(order.state, amount, ctx.now));
  auto schedule = lending::BuildSchedule(order.product, amount, DateOf(ctx.now), order.apr_bps);
  if (!schedule.ok()) {
    return Status::BusinessRule("capture_too_small", schedule.status().message(), "amount");
  }
  TRANCHE_ASSIGN_OR_RETURN(merchants::Merchant merchant, LoadActiveMerchant(tx, merchant_id));
  const checkout::CaptureRecord capture{ctx.ids.Next("cap"), order.id, ctx.ids.Next("pln"), amount,
                                        std::move(shipping), ctx.now};
  lending::Plan plan = lending::MakePlan(capture.plan_id, *schedule, ctx.now);
  plan.order_id = order.id;
  plan.capture_id = capture.id;
  plan.consumer_id = order.consumer_id;
  plan.merchant_id = order.merchant_id;
  Captured out{std::move(order), capture, std::move(plan)};
  out.order.state = next;
  TRANCHE_RETURN_IF_ERROR(tx.plans().Insert(out.plan));
  TRANCHE_RETURN_IF_ERROR(tx.orders().InsertCapture(out.capture));
  TRANCHE_RETURN_IF_ERROR(tx.orders().UpdateOrderState(out.order));
  const checkout::PostingContext posting{ctx.ids.Next("je"), out.capture.id, out.order.consumer_id,
                                         out.order.merchant_id, ctx.now};
  TRANCHE_ASSIGN_OR_RETURN(auto posted, ledger::Post(tx.ledger(),
                                                     checkout::CaptureEntry(posting, amount, merchant.pricing)));
  TRANCHE_ASSERT(!posted.replayed);  // the capture id is new
  TRANCHE_RETURN_IF_ERROR(ctx.events.Captured(tx, ctx, out));
  return out;
}

namespace {

// `order` refunded by `refunded_by` (empty: its merchant).
Result<Refunded> RefundOrder(store::Tx& tx, const Context& ctx, Order order, std::int64_t amount_minor,
                             std::string reason, std::string refunded_by) {
  const Money amount(amount_minor, order.state.amounts.authorized.currency());
  TRANCHE_ASSIGN_OR_RETURN(checkout::OrderState next, checkout::Refund(order.state, amount));
  TRANCHE_ASSIGN_OR_RETURN(std::vector<lending::Plan> plans, tx.plans().ListByOrder(order.id));
  TRANCHE_ASSIGN_OR_RETURN(lending::OrderRefundAllocation allocation,
                           lending::AllocateOrderRefund(plans, amount));
  lending::RefundAllocation flat{{}, allocation.to_consumer, false};
  std::int64_t written_off = 0;
  for (std::size_t k = 0; k < plans.size(); ++k) {
    const auto& cut = allocation.reductions[k];
    flat.reductions.insert(flat.reductions.end(), cut.begin(), cut.end());
    const bool touched = std::any_of(cut.begin(), cut.end(), [](Money m) { return !m.is_zero(); });
    if (!touched) continue;
    if (plans[k].status == lending::PlanStatus::kChargedOff) {
      for (Money m : cut) written_off += m.minor();
    }
    // The days before today earned interest on the principal the refund reduces.
    TRANCHE_ASSIGN_OR_RETURN(plans[k], BookInterest(tx, ctx.ids, ctx.now, std::move(plans[k])));
    plans[k] = lending::ApplyReductions(plans[k], cut);
    if (plans[k].status == lending::PlanStatus::kClosed) {
      TRANCHE_ASSIGN_OR_RETURN(plans[k], ClosePlan(tx, ctx.ids, ctx.now, std::move(plans[k])));
    }
    TRANCHE_RETURN_IF_ERROR(tx.plans().Update(plans[k]));
  }
  Refunded out{std::move(order),
               checkout::RefundRecord{ctx.ids.Next("rfd"), "", amount, allocation.to_consumer,
                                      std::move(reason), ctx.now, std::move(refunded_by)},
               std::move(plans)};
  out.refund.order_id = out.order.id;
  out.order.state = next;
  TRANCHE_RETURN_IF_ERROR(tx.orders().InsertRefund(out.refund));
  TRANCHE_RETURN_IF_ERROR(tx.orders().UpdateOrderState(out.order));
  const checkout::PostingContext posting{ctx.ids.Next("je"), out.refund.id, out.order.consumer_id,
                                         out.order.merchant_id, ctx.now};
  TRANCHE_ASSIGN_OR_RETURN(auto posted,
                           ledger::Post(tx.ledger(), checkout::RefundEntry(posting, amount, flat, written_off)));
  TRANCHE_ASSERT(!posted.replayed);  // the refund id is new
  TRANCHE_RETURN_IF_ERROR(ctx.events.Refunded(tx, ctx, out));
  return out;
}

}  // namespace

Result<Refunded> Refund(store::Tx& tx, const Context& ctx, std::string_view merchant_id,
                        std::string_view order_id, std::int64_t amount_minor, std::string reason) {
  TRANCHE_ASSIGN_OR_RETURN(Order order, LoadOrder(tx, merchant_id, order_id, ctx.now));
  return RefundOrder(tx, ctx, std::move(order), amount_minor, std::move(reason), "");
}

Result<Refunded> RefundForMerchant(store::Tx& tx, const Context& ctx, std::string_view operator_id,
                                   std::string_view order_id, std::int64_t amount_minor, std::string reason) {
  TRANCHE_ASSERT(!operator_id.empty() && !reason.empty());
  TRANCHE_ASSIGN_OR_RETURN(Order order, LoadAnyOrder(tx, order_id, ctx.now));
  TRANCHE_ASSIGN_OR_RETURN(std::optional<merchants::Merchant> m, tx.merchants().Find(order.merchant_id));
  TRANCHE_ASSERT_MSG(m.has_value(), "an order's merchant exists");
  if (merchants::CheckTrading(*m).ok()) {
    return Status::Conflict("merchant_trading", "the merchant trades: it refunds its own orders");
  }
  return RefundOrder(tx, ctx, std::move(order), amount_minor, std::move(reason), std::string(operator_id));
}

Result<lending::Plan> BookInterest(store::Tx& tx, IdGenerator& ids, Instant now, lending::Plan plan) {
  const Date through = AddDays(DateOf(now), -1);
  servicing::Accrual a = servicing::AccrueThrough(std::move(plan), through);
  if (!a.interest.is_zero()) {
    const servicing::EntryContext entry{ids.Next("je"), a.plan.id, a.plan.consumer_id, now};
    TRANCHE_RETURN_IF_ERROR(ledger::Post(tx.ledger(), servicing::AccrualEntry(entry, through, a.interest)).status());
  }
  return std::move(a.plan);
}

Result<lending::Plan> ClosePlan(store::Tx& tx, IdGenerator& ids, Instant now, lending::Plan plan) {
  servicing::Closure c = servicing::ClosePlan(std::move(plan));
  if (c.needs_entry()) {
    TRANCHE_RETURN_IF_ERROR(
        ledger::Post(tx.ledger(), servicing::ClosureEntry({ids.Next("je"), c.plan.id, c.plan.consumer_id, now}, c))
            .status());
  }
  return std::move(c.plan);
}

Result<Order> Cancel(store::Tx& tx, const Context& ctx, std::string_view merchant_id,
                     std::string_view order_id) {
  TRANCHE_ASSIGN_OR_RETURN(Order order, LoadOrder(tx, merchant_id, order_id, ctx.now));
  TRANCHE_ASSIGN_OR_RETURN(order.state, checkout::Cancel(order.state));
  TRANCHE_RETURN_IF_ERROR(tx.orders().UpdateOrderState(order));
  TRANCHE_RETURN_IF_ERROR(ctx.events.Cancelled(tx, ctx, order));
  return order;
}

Result<std::size_t> ExpireAuthorizations(store::Tx& tx, Instant now) {
  TRANCHE_ASSIGN_OR_RETURN(std::vector<Order> due, tx.orders().ListExpired(now, kMaxExpiriesPerSweep));
  for (Order& o : due) {
    const checkout::OrderState before = o.state;
    o.state = checkout::Expire(o.state, now);
    TRANCHE_ASSERT(o.state.status != before.status || o.state.amounts.released != before.amounts.released);
    TRANCHE_RETURN_IF_ERROR(tx.orders().UpdateOrderState(o));
  }
  return due.size();
}

}  // namespace tranche::origination
