// JSON views of orders and servicing objects, shared by the API and the events
// (events.h), so a webhook carries exactly what the API shows.
#pragma once

#include "ops/outbox.h"
#include "origination/origination.h"
#include "servicing/collection.h"
#include "servicing/dispute.h"
#include "settlement/payout.h"
#include "settlement/settlement.h"

namespace tranche::ops {

Json OrderJson(const checkout::Order& o);
Json CaptureJson(const checkout::CaptureRecord& c);
Json RefundJson(const checkout::RefundRecord& r);
// The capture with the plan it started and the order after it (plans as on `today`).
Json CapturedJson(const origination::Captured& c, Date today);
// The refund with the order after it and every plan of the order (as on `today`).
Json RefundedJson(const origination::Refunded& r, Date today);

// A plan with its instalments and servicing state as they stand on `today`.
Json PlanJson(const lending::Plan& p, Date today);
Json CollectionJson(const servicing::Collection& c);
Json DisputeJson(const servicing::Dispute& d);
Json SettlementJson(const settlement::Settlement& s, bool with_lines);
Json PayoutJson(const settlement::Payout& p);

// Adverse-action reasons as [{code, message}].
Json ReasonsJson(const std::vector<risk::Reason>& reasons);
// A consumer's own credit decision with every principal reason (the shopper at
// checkout sees only risk::ShopperReasons; the consumer sees why).
Json DecisionJson(const risk::DecisionRecord& d);

}  // namespace tranche::ops
