#include "ops/events.h"

#include "ops/views.h"
#include "webhooks/webhook.h"

namespace tranche::ops {

namespace {

// Writes an event of `type` about `object` with a delivery for each of the merchant's
// endpoints subscribed to it.
Status Publish(store::Tx& tx, IdGenerator& ids, Instant now, const std::string& merchant_id, const std::string& type,
               Json object) {
  TRANCHE_ASSERT(webhooks::IsEventType(type));
  const std::string id = ids.Next("evt");
  const Json payload = {{"id", id}, {"object", "event"}, {"type", type}, {"created_at", FormatRfc3339(now)},
                        {"data", {{"object", std::move(object)}}}};
  const std::string body = payload.dump(-1, ' ', false, Json::error_handler_t::replace);
  return tx.webhooks().Publish(webhooks::Event{id, merchant_id, type, body, now}, ids).status();
}

Json PaymentJson(const servicing::Collection& payment, const lending::Plan& plan, Date today) {
  return {{"payment", CollectionJson(payment)}, {"plan", PlanJson(plan, today)}};
}

class OutboxOrderEvents final : public origination::OrderEvents {
 public:
  Status Authorized(store::Tx& tx, const origination::Context& ctx, const checkout::Order& order) const override {
    return Publish(tx, ctx.ids, ctx.now, order.merchant_id, "order.authorized", OrderJson(order));
  }
  Status Captured(store::Tx& tx, const origination::Context& ctx, const origination::Captured& c) const override {
    return Publish(tx, ctx.ids, ctx.now, c.order.merchant_id, "order.captured", CapturedJson(c, DateOf(ctx.now)));
  }
  Status Refunded(store::Tx& tx, const origination::Context& ctx, const origination::Refunded& r) const override {
    return Publish(tx, ctx.ids, ctx.now, r.order.merchant_id, "order.refunded", RefundedJson(r, DateOf(ctx.now)));
  }
  Status Cancelled(store::Tx& tx, const origination::Context& ctx, const checkout::Order& order) const override {
    return Publish(tx, ctx.ids, ctx.now, order.merchant_id, "order.cancelled", OrderJson(order));
  }
  Status FraudStatusChanged(store::Tx& tx, const origination::Context& ctx, const fraud::Review& review,
                            const std::optional<checkout::Order>& order) const override {
    return Publish(tx, ctx.ids, ctx.now, review.merchant_id, "order.fraud_status_changed",
                   FraudStatusJson(review, order));
  }
};

}  // namespace

const origination::OrderEvents& OrderEventsOutbox() {
  static const OutboxOrderEvents events;
  return events;
}

Status PublishReturnRegistered(store::Tx& tx, IdGenerator& ids, Instant now, const checkout::Order& order,
                               const std::vector<lending::Plan>& paused) {
  Json plans = Json::array();
  for (const lending::Plan& p : paused) plans.push_back(PlanJson(p, DateOf(now)));
  return Publish(tx, ids, now, order.merchant_id, "order.return_registered",
                 {{"order_id", order.id}, {"plans", std::move(plans)}});
}

Status PublishPaymentSucceeded(store::Tx& tx, IdGenerator& ids, Instant now, const servicing::Collection& payment,
                               const lending::Plan& plan) {
  return Publish(tx, ids, now, plan.merchant_id, "plan.payment_succeeded", PaymentJson(payment, plan, DateOf(now)));
}

Status PublishPaymentFailed(store::Tx& tx, IdGenerator& ids, Instant now, const servicing::Collection& payment,
                            const lending::Plan& plan) {
  return Publish(tx, ids, now, plan.merchant_id, "plan.payment_failed", PaymentJson(payment, plan, DateOf(now)));
}

Status PublishPlanPaidOff(store::Tx& tx, IdGenerator& ids, Instant now, const lending::Plan& plan) {
  return Publish(tx, ids, now, plan.merchant_id, "plan.paid_off", PlanJson(plan, DateOf(now)));
}

Status PublishPlanChargedOff(store::Tx& tx, IdGenerator& ids, Instant now, const lending::Plan& plan,
                             Date business_date) {
  return Publish(tx, ids, now, plan.merchant_id, "plan.charged_off", PlanJson(plan, business_date));
}

Status PublishDisputeOpened(store::Tx& tx, IdGenerator& ids, Instant now, const servicing::Dispute& dispute) {
  return Publish(tx, ids, now, dispute.merchant_id, "dispute.opened", DisputeJson(dispute));
}

Status PublishDisputeResolved(store::Tx& tx, IdGenerator& ids, Instant now, const servicing::Dispute& dispute) {
  return Publish(tx, ids, now, dispute.merchant_id, "dispute.resolved", DisputeJson(dispute));
}

Status PublishPayoutPaid(store::Tx& tx, IdGenerator& ids, Instant now, const settlement::Payout& payout) {
  return Publish(tx, ids, now, payout.merchant_id, "payout.paid", PayoutJson(payout));
}

Status PublishOnboardingDecided(store::Tx& tx, IdGenerator& ids, Instant now, const merchants::Merchant& merchant) {
  return Publish(tx, ids, now, merchant.id, "merchant.onboarding_decided", OwnMerchantJson(merchant));
}

}  // namespace tranche::ops
