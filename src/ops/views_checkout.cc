// Wire views of checkout: schedules, offers, sessions and authorization results.
#include "ops/views.h"
#include "risk/policy_decider.h"

namespace tranche::ops {

namespace {

// What the shopper is told of a fraud block: the generic decline, never the reason.
std::vector<risk::Reason> GenericDecline(const risk::Decision& approved) {
  risk::Decision declined = approved;
  declined.outcome = risk::Outcome::kDeclined;
  declined.reasons.clear();
  return risk::ShopperReasons(declined);
}

}  // namespace

Json ScheduleJson(const lending::Schedule& s) {
  Json installments = Json::array();
  for (const auto& i : s.installments) {
    installments.push_back({{"due_date", FormatDate(i.due_date)}, {"amount", i.amount.minor()}});
  }
  Json out = {{"product", lending::ProductName(s.product)}, {"installments", std::move(installments)}};
  if (lending::IsFinancing(s.product)) {
    out["apr_bps"] = s.apr_bps;
    out["amount_financed"] = s.amount_financed.minor();
    out["finance_charge"] = s.finance_charge.minor();
    out["total_of_payments"] = s.total_of_payments.minor();
  }
  return out;
}

Json OfferJson(const checkout::Offer& o) {
  Json offer = ScheduleJson(o.preview);
  if (lending::IsFinancing(o.preview.product)) {
    offer["min_apr_bps"] = o.min_apr_bps;
    offer["max_apr_bps"] = o.max_apr_bps;
  }
  return offer;
}

Json SessionJson(const origination::SessionView& v) {
  const checkout::CheckoutSession& s = v.session;
  Json lines = Json::array();
  for (const auto& l : s.draft.lines) {
    lines.push_back({{"name", l.name}, {"quantity", l.quantity},
                     {"unit_price", l.unit_price.minor()}, {"total_amount", l.total_amount.minor()}});
  }
  Json offers = Json::array();
  for (const auto& o : v.offers) offers.push_back(OfferJson(o));
  Json body = {{"id", s.id},
               {"object", "checkout_session"},
               {"status", checkout::SessionStatusName(v.status)},
               {"currency", CurrencyCode(s.draft.amount.currency())},
               {"amount", s.draft.amount.minor()},
               {"order_lines", std::move(lines)},
               {"merchant_reference", s.draft.merchant_reference},
               {"created_at", FormatRfc3339(s.created_at)},
               {"expires_at", FormatRfc3339(s.expires_at)},
               {"offers", std::move(offers)}};
  body["consumer"] = s.draft.consumer_email ? Json{{"email", *s.draft.consumer_email}} : Json(nullptr);
  return body;
}

Json AuthorizeJson(const origination::AuthorizeOutcome& o) {
  const risk::DecisionRecord& d = o.decision;
  Json body = {{"object", "authorization_result"},
               {"session_id", d.session_id},
               {"decision_id", d.id},
               {"product", lending::ProductName(d.request.terms.kind)},
               {"currency", CurrencyCode(d.request.amount.currency())}};
  if (!o.authorization) {
    body["status"] = "declined";
    const bool blocked = d.decision.outcome == risk::Outcome::kApproved;  // credit approved, fraud blocked
    body["reasons"] = ReasonsJson(blocked ? GenericDecline(d.decision) : risk::ShopperReasons(d.decision));
    return body;
  }
  TRANCHE_ASSERT_MSG(o.schedule.has_value(), "an approval carries its schedule");
  const checkout::Authorization& a = *o.authorization;
  body["status"] = "approved";
  body["authorization_id"] = a.id;
  body["amount"] = a.amount.minor();
  body["expires_at"] = FormatRfc3339(a.expires_at);
  if (lending::IsFinancing(a.product)) body["apr_bps"] = a.apr_bps;
  body["schedule"] = ScheduleJson(*o.schedule);
  // Held for a fraud review: capture waits until it is accepted.
  if (o.review) body["fraud_status"] = fraud::ReviewStatusName(o.review->status);
  return body;
}

Json ConsumerDecisionJson(const origination::ConsumerDecision& d) {
  Json body = DecisionJson(d.record);
  if (d.fraud_blocked) {
    body["outcome"] = "declined";
    body["reasons"] = ReasonsJson(GenericDecline(d.record.decision));
  }
  return body;
}

}  // namespace tranche::ops
