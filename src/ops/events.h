// Every webhook event's body is rendered here and nowhere else: one function per event
// type, each writing its event to the outbox in the caller's transaction with the
// objects as the API shows them (views.h). The use cases call these, so the same change
// sends the same body whichever path made it.
#pragma once

#include "origination/origination.h"
#include "servicing/collection.h"
#include "servicing/dispute.h"
#include "settlement/payout.h"
#include "settlement/settlement.h"

namespace tranche::ops {

// order.authorized, order.captured, order.refunded, order.cancelled and
// order.fraud_status_changed, for the
// origination use cases (origination::Context::events).
const origination::OrderEvents& OrderEventsOutbox();

// order.return_registered: the plans the return paused.
Status PublishReturnRegistered(store::Tx& tx, IdGenerator& ids, Instant now, const checkout::Order& order,
                               const std::vector<lending::Plan>& paused);
// plan.payment_succeeded and plan.payment_failed: the payment and its plan after it.
Status PublishPaymentSucceeded(store::Tx& tx, IdGenerator& ids, Instant now, const servicing::Collection& payment,
                               const lending::Plan& plan);
Status PublishPaymentFailed(store::Tx& tx, IdGenerator& ids, Instant now, const servicing::Collection& payment,
                            const lending::Plan& plan);
Status PublishPlanPaidOff(store::Tx& tx, IdGenerator& ids, Instant now, const lending::Plan& plan);
// The plan as it stands on `business_date`, the date whose close charged it off.
Status PublishPlanChargedOff(store::Tx& tx, IdGenerator& ids, Instant now, const lending::Plan& plan,
                             Date business_date);
Status PublishDisputeOpened(store::Tx& tx, IdGenerator& ids, Instant now, const servicing::Dispute& dispute);
Status PublishDisputeResolved(store::Tx& tx, IdGenerator& ids, Instant now, const servicing::Dispute& dispute);
Status PublishPayoutPaid(store::Tx& tx, IdGenerator& ids, Instant now, const settlement::Payout& payout);
// merchant.onboarding_decided: the merchant as it sees itself (status only) after an
// operator's decision.
Status PublishOnboardingDecided(store::Tx& tx, IdGenerator& ids, Instant now, const merchants::Merchant& merchant);

}  // namespace tranche::ops
