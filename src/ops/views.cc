#include "ops/views.h"

#include "servicing/servicing.h"

namespace tranche::ops {

namespace {

Json OptionalDate(const std::optional<Date>& d) { return d ? Json(FormatDate(*d)) : Json(nullptr); }

}  // namespace

Json OrderJson(const checkout::Order& o) {
  const checkout::OrderAmounts& a = o.state.amounts;
  Json body = {{"id", o.id},
               {"object", "order"},
               {"status", checkout::OrderStatusName(o.state.status)},
               {"currency", CurrencyCode(a.authorized.currency())},
               {"amount", a.authorized.minor()},
               {"captured_amount", a.captured.minor()},
               {"refunded_amount", a.refunded.minor()},
               {"released_amount", a.released.minor()},
               {"remaining_authorized_amount", checkout::RemainingAuthorized(o.state).minor()},
               {"authorization_id", o.authorization_id},
               {"authorization_expires_at", FormatRfc3339(o.state.authorization_expires_at)},
               {"merchant_reference", o.merchant_reference},
               {"product", lending::ProductName(o.product)},
               {"consumer_id", o.consumer_id},
               {"created_at", FormatRfc3339(o.created_at)}};
  if (lending::IsFinancing(o.product)) body["apr_bps"] = o.apr_bps;
  return body;
}

Json CaptureJson(const checkout::CaptureRecord& c) {
  Json body = {{"id", c.id},
               {"object", "capture"},
               {"order_id", c.order_id},
               {"amount", c.amount.minor()},
               {"plan_id", c.plan_id},
               {"created_at", FormatRfc3339(c.created_at)}};
  body["shipping_info"] = c.shipping ? Json{{"carrier", c.shipping->carrier},
                                            {"tracking_number", c.shipping->tracking_number}}
                                     : Json(nullptr);
  return body;
}

Json RefundJson(const checkout::RefundRecord& r) {
  return {{"id", r.id},
          {"object", "refund"},
          {"order_id", r.order_id},
          {"amount", r.amount.minor()},
          {"refunded_to_consumer", r.to_consumer.minor()},
          {"reason", r.reason},
          {"issued_by", r.refunded_by.empty() ? "merchant" : "operator"},
          {"created_at", FormatRfc3339(r.created_at)}};
}

Json CapturedJson(const origination::Captured& c, Date today) {
  Json body = CaptureJson(c.capture);
  body["plan"] = PlanJson(c.plan, today);
  body["order"] = OrderJson(c.order);
  return body;
}

Json RefundedJson(const origination::Refunded& r, Date today) {
  Json body = RefundJson(r.refund);
  body["order"] = OrderJson(r.order);
  body["plans"] = Json::array();
  for (const lending::Plan& p : r.plans) body["plans"].push_back(PlanJson(p, today));
  return body;
}

Json PlanJson(const lending::Plan& stored, Date today) {
  // A pause over by today is shown ended, and interest accrued to date.
  const lending::Plan p = servicing::ToDate(stored, today);
  Json installments = Json::array();
  for (const lending::PlanInstallment& i : p.installments) {
    installments.push_back({{"number", i.number},
                            {"due_date", FormatDate(i.due_date)},
                            {"amount", i.amount().minor()},
                            {"principal", i.principal.minor()},
                            {"interest", i.interest.minor()},
                            {"paid_amount", i.paid.minor()},
                            {"interest_paid", i.interest_paid.minor()},
                            {"late_fee_charged", i.late_fee_charged},
                            {"status", lending::InstallmentStatusName(servicing::StatusOn(p, i, today))}});
  }
  const bool paused = servicing::IsPaused(p, today);
  Json body = {{"id", p.id},
               {"object", "plan"},
               {"order_id", p.order_id},
               {"capture_id", p.capture_id},
               {"merchant_id", p.merchant_id},
               {"product", lending::ProductName(p.product)},
               {"status", lending::PlanStatusName(p.status)},
               {"currency", CurrencyCode(p.amount.currency())},
               {"amount", p.amount.minor()},
               {"outstanding_balance", lending::Outstanding(p).minor()},
               {"outstanding_principal", lending::OutstandingPrincipal(p).minor()},
               {"fees_charged", p.fees_charged.minor()},
               {"fees_paid", p.fees_paid.minor()},
               {"balance", servicing::Balance(p).minor()},
               {"amount_due", servicing::AmountDue(p, today).minor()},
               {"days_past_due", servicing::DaysPastDue(p, today)},
               {"bucket", lending::BucketName(p.bucket)},
               {"paused_until", paused ? OptionalDate(p.paused_until) : Json(nullptr)},
               {"pause_reason", paused ? Json(p.pause_reason) : Json(nullptr)},
               {"extended", p.extended},
               {"charged_off_on", OptionalDate(p.charged_off_on)},
               {"charge_off_reason", p.status == lending::PlanStatus::kChargedOff
                                         ? Json(lending::ChargeOffReasonName(p.charge_off_reason))
                                         : Json(nullptr)},
               {"recovered", p.recovered.minor()},
               {"installments", std::move(installments)},
               {"created_at", FormatRfc3339(p.created_at)}};
  if (lending::IsFinancing(p.product)) {
    body["apr_bps"] = p.apr_bps;
    body["interest_accrued"] = p.interest_accrued.minor();
  }
  return body;
}

Json CollectionJson(const servicing::Collection& c) {
  return {{"id", c.id},
          {"object", "payment"},
          {"plan_id", c.plan_id},
          {"source", c.source},
          {"business_date", FormatDate(c.business_date)},
          {"attempt", c.attempt},
          {"amount", c.amount.minor()},
          {"currency", CurrencyCode(c.amount.currency())},
          {"payoff", c.payoff},
          {"status", servicing::CollectionStatusName(c.status)},
          {"failure_code", c.failure_code.empty() ? Json(nullptr) : Json(c.failure_code)},
          {"processor_reference", c.processor_ref.empty() ? Json(nullptr) : Json(c.processor_ref)},
          {"payment_method", {{"type", payments::MethodTypeName(c.method.type)}, {"last4", c.method.last4}}},
          {"created_at", FormatRfc3339(c.created_at)}};
}

Json DisputeJson(const servicing::Dispute& d) {
  return {{"id", d.id},
          {"object", "dispute"},
          {"order_id", d.order_id},
          {"merchant_id", d.merchant_id},
          {"reason", d.reason},
          {"status", servicing::DisputeStatusName(d.status)},
          {"resolution", d.resolution == servicing::DisputeResolution::kNone
                             ? Json(nullptr)
                             : Json(servicing::DisputeResolutionName(d.resolution))},
          {"merchant_response", d.merchant_response.empty() ? Json(nullptr) : Json(d.merchant_response)},
          {"opened_on", FormatDate(d.opened_on)},
          {"created_at", FormatRfc3339(d.created_at)},
          {"updated_at", FormatRfc3339(d.updated_at)}};
}

Json ContactJson(const servicing::Contact& c) {
  return {{"id", c.id},
          {"object", "customer_contact"},
          {"channel", servicing::ContactChannelName(c.channel)},
          {"reason", c.reason},
          {"consumer_id", c.consumer_id ? Json(*c.consumer_id) : Json(nullptr)},
          {"handled_by", c.handled_by},
          {"started_at", FormatRfc3339(c.started_at)},
          {"handled_seconds", c.handled_seconds},
          {"note", c.note},
          {"created_at", FormatRfc3339(c.created_at)}};
}

Json SettlementJson(const settlement::Settlement& s, bool with_lines) {
  Json body = {{"id", s.id},
               {"object", "settlement"},
               {"merchant_id", s.merchant_id},
               {"currency", CurrencyCode(s.currency())},
               {"business_date", FormatDate(s.business_date)},
               {"captures", s.captures.minor()},
               {"fees", s.fees.minor()},
               {"refunds", s.refunds.minor()},
               {"adjustments", s.adjustments.minor()},
               {"carried_in", s.carried_in.minor()},
               {"net", s.net.minor()},
               {"payout_id", s.payout_id.empty() ? Json(nullptr) : Json(s.payout_id)},
               {"payout_held", s.payout_held()},
               {"created_at", FormatRfc3339(s.created_at)}};
  if (!with_lines) return body;
  Json lines = Json::array();
  for (const settlement::Line& l : s.lines) {
    lines.push_back({{"kind", settlement::LineKindName(l.kind)},
                     {"object_id", l.object_id},
                     {"entry_id", l.entry_id},
                     {"gross", l.gross.minor()},
                     {"fee", l.fee.minor()},
                     {"net", l.net.minor()},
                     {"posted_at", FormatRfc3339(l.posted_at)}});
  }
  body["lines"] = std::move(lines);
  return body;
}

Json PayoutJson(const settlement::Payout& p) {
  return {{"id", p.id},
          {"object", "payout"},
          {"settlement_id", p.settlement_id},
          {"merchant_id", p.merchant_id},
          {"amount", p.amount.minor()},
          {"currency", CurrencyCode(p.amount.currency())},
          {"status", settlement::PayoutStatusName(p.status)},
          {"rail_reference", p.rail_ref.empty() ? Json(nullptr) : Json(p.rail_ref)},
          {"failure_code", p.failure_code.empty() ? Json(nullptr) : Json(p.failure_code)},
          {"created_at", FormatRfc3339(p.created_at)}};
}

Json DebtWriteOffJson(const settlement::DebtWriteOff& w) {
  return {{"id", w.id},
          {"object", "merchant_write_off"},
          {"merchant_id", w.merchant_id},
          {"amount", w.amount.minor()},
          {"currency", CurrencyCode(w.amount.currency())},
          {"journal_entry_id", w.entry_id},
          {"written_off_by", w.written_off_by},
          {"reason", w.reason},
          {"created_at", FormatRfc3339(w.written_off_at)}};
}

Json ReasonsJson(const std::vector<risk::Reason>& reasons) {
  Json out = Json::array();
  for (const risk::Reason& r : reasons) out.push_back({{"code", r.code}, {"message", r.message}});
  return out;
}

Json DecisionJson(const risk::DecisionRecord& d) {
  return Json{{"id", d.id},
              {"object", "credit_decision"},
              {"session_id", d.session_id},
              {"merchant_id", d.merchant_id},
              {"product", lending::ProductName(d.request.terms.kind)},
              {"currency", CurrencyCode(d.request.amount.currency())},
              {"amount", d.request.amount.minor()},
              {"outcome", d.decision.outcome == risk::Outcome::kApproved ? "approved" : "declined"},
              {"reasons", ReasonsJson(d.decision.reasons)},
              {"created_at", FormatRfc3339(d.created_at)}};
}

namespace {

Json RuleHitJson(const fraud::RuleHit& h) {
  return {{"line", h.line}, {"action", fraud::ActionName(h.action)}, {"rule", h.text}};
}

Json FeatureValueJson(const fraud::FeatureValue& v) {
  if (const auto* d = std::get_if<double>(&v)) return *d;
  if (const auto* t = std::get_if<std::string>(&v)) return *t;
  return nullptr;
}

Json OptionalJson(const std::optional<std::string>& s) { return s ? Json(*s) : Json(nullptr); }
Json OptionalJson(const std::optional<Instant>& t) { return t ? Json(FormatRfc3339(*t)) : Json(nullptr); }

}  // namespace

Json FraudDecisionJson(const fraud::FraudDecision& d) {
  Json hits = Json::array();
  for (const fraud::RuleHit& h : d.hits) hits.push_back(RuleHitJson(h));
  Json features = Json::object();
  for (const auto& [name, value] : d.features) features[name] = FeatureValueJson(value);
  Json members = Json::array();
  for (const auto& [list, value] : d.members) members.push_back({{"list", list}, {"value", value}});
  Json score = nullptr;
  if (d.score) {
    score = {{"score", d.score->score}, {"reasons", d.score->reasons}, {"model_version", d.score->model_version}};
  }
  return {{"id", d.id},
          {"object", "fraud_decision"},
          {"session_id", d.session_id},
          {"merchant_id", d.merchant_id},
          {"consumer_id", d.consumer_id},
          {"credit_decision_id", d.credit_decision_id},
          {"currency", CurrencyCode(d.amount.currency())},
          {"amount", d.amount.minor()},
          {"action", fraud::ActionName(d.action)},
          {"decided_by", d.decided_by},
          {"rule", d.rule ? RuleHitJson(*d.rule) : Json(nullptr)},
          {"hits", std::move(hits)},
          {"features", std::move(features)},
          {"score", std::move(score)},
          {"list_members", std::move(members)},
          {"rules_version", d.rules_version},
          {"review_threshold", d.thresholds.review_at},
          {"block_threshold", d.thresholds.block_at},
          {"created_at", FormatRfc3339(d.created_at)}};
}

Json ReviewJson(const fraud::Review& r, Instant now) {
  return {{"id", r.id},
          {"object", "fraud_review"},
          {"status", fraud::ReviewStatusName(r.status)},
          {"fraud_decision_id", r.fraud_decision_id},
          {"authorization_id", r.authorization_id},
          {"merchant_id", r.merchant_id},
          {"consumer_id", r.consumer_id},
          {"currency", CurrencyCode(r.amount.currency())},
          {"amount", r.amount.minor()},
          {"age_seconds", fraud::Age(r, now).count()},
          {"claimed_by", OptionalJson(r.claimed_by)},
          {"claimed_at", OptionalJson(r.claimed_at)},
          {"decided_by", OptionalJson(r.decided_by)},
          {"decided_at", OptionalJson(r.decided_at)},
          {"note", r.note},
          {"created_at", FormatRfc3339(r.created_at)}};
}

Json ReconExceptionJson(const recon::ExceptionRecord& r) {
  const recon::ReconException& e = r.exception;
  return {{"id", r.id},
          {"object", "reconciliation_exception"},
          {"status", r.resolved() ? "resolved" : "open"},
          {"kind", recon::ExceptionKindName(e.kind)},
          {"reference", e.reference},
          {"type", recon::LineKindName(e.line_kind)},
          {"date", FormatDate(e.date)},
          {"currency", CurrencyCode(e.currency)},
          {"expected_amount", e.expected_minor},
          {"actual_amount", e.actual_minor},
          {"open_amount", r.resolved() ? 0 : e.open_minor()},
          {"claimed_by", OptionalJson(r.claimed_by)},
          {"claimed_at", OptionalJson(r.claimed_at)},
          {"resolution", r.resolution ? Json(recon::ResolutionName(*r.resolution)) : Json(nullptr)},
          {"resolved_by", OptionalJson(r.resolved_by)},
          {"resolved_at", OptionalJson(r.resolved_at)},
          {"note", r.note},
          {"journal_entry_id", r.journal_entry_id.empty() ? Json(nullptr) : Json(r.journal_entry_id)},
          {"created_at", FormatRfc3339(r.created_at)}};
}

namespace {

double AutoMatchRate(std::int64_t auto_resolved, std::int64_t lines) {
  return lines == 0 ? 1.0 : static_cast<double>(auto_resolved) / static_cast<double>(lines);
}

Json MinorByCurrencyJson(const std::map<Currency, std::int64_t>& amounts) {
  Json out = Json::object();
  for (const auto& [currency, minor] : amounts) out[std::string(CurrencyCode(currency))] = minor;
  return out;
}

}  // namespace

Json ReconRunJson(const recon::RunRecord& r) {
  return {{"object", "reconciliation_run"},
          {"date", FormatDate(r.date)},
          {"lines", r.lines},
          {"matched", r.matched},
          {"matched_late", r.matched_late},
          {"duplicates", r.duplicates},
          {"written_off", r.written_off},
          {"chargebacks", r.chargebacks},
          {"exceptions", r.exceptions},
          {"auto_match_rate", AutoMatchRate(r.auto_resolved(), r.lines)},
          {"created_at", FormatRfc3339(r.created_at)}};
}

Json ReconSummaryJson(const recon::Summary& s) {
  Json runs = Json::array();
  for (const recon::RunRecord& r : s.runs) runs.push_back(ReconRunJson(r));
  return {{"object", "reconciliation_summary"},
          {"last_date", s.last_date ? Json(FormatDate(*s.last_date)) : Json(nullptr)},
          {"open_exceptions", s.open.count},
          {"unreconciled", MinorByCurrencyJson(s.open.unreconciled_minor)},
          {"runs", std::move(runs)}};
}

Json ReconDayJson(const FileOutcome& f) {
  const recon::DayOutcome& d = f.day;
  const recon::DayResult& r = d.result;
  std::map<Currency, std::int64_t> unreconciled;
  for (const recon::ReconException& e : r.exceptions) unreconciled[e.currency] += e.open_minor();
  Json exceptions = Json::array();
  for (const recon::ExceptionRecord& e : d.exceptions) exceptions.push_back(ReconExceptionJson(e));
  return {{"date", FormatDate(r.date)},
          {"lines", r.lines},
          {"matched", r.matched},
          {"matched_late", r.matched_late},
          {"duplicates", r.duplicates},
          {"written_off", r.written_off},
          {"chargebacks", static_cast<std::int64_t>(r.chargebacks.size())},
          {"fraud_charge_offs", f.fraud_charge_offs},
          {"auto_match_rate", AutoMatchRate(r.auto_resolved(), r.lines)},
          {"exceptions", std::move(exceptions)},
          {"unreconciled", MinorByCurrencyJson(unreconciled)},
          {"awaiting", d.awaiting}};
}

Json RulesVersionJson(const fraud::RulesVersion& v) {
  return {{"object", "fraud_rules"},
          {"version", v.version},
          {"source", v.source},
          {"rule_count", v.rule_count},
          {"review_threshold", v.thresholds.review_at},
          {"block_threshold", v.thresholds.block_at},
          {"created_by", v.version == 0 ? Json(nullptr) : Json(v.created_by)},
          {"created_at", v.version == 0 ? Json(nullptr) : Json(FormatRfc3339(v.created_at))}};
}

Json FraudListJson(const fraud::FraudList& l, bool with_entries) {
  Json body = {{"object", "fraud_list"},
               {"name", l.name},
               {"version", l.version},
               {"entry_count", l.entries.size()},
               {"updated_by", l.updated_by},
               {"updated_at", FormatRfc3339(l.updated_at)}};
  if (with_entries) body["entries"] = l.entries;
  return body;
}

Json ListVersionJson(const fraud::ListVersion& v) {
  return {{"object", "fraud_list_version"},
          {"name", v.name},
          {"version", v.version},
          {"added", v.change.added},
          {"removed", v.change.removed},
          {"entry_count", v.entry_count},
          {"changed_by", v.changed_by},
          {"changed_at", FormatRfc3339(v.changed_at)}};
}

namespace {

Json BacktestBucketJson(const fraud::BacktestBucket& b) {
  Json amounts = Json::array();
  for (const auto& [currency, minor] : b.amount_minor) {
    amounts.push_back({{"currency", CurrencyCode(currency)}, {"amount", minor}});
  }
  return {{"count", b.count},
          {"amounts", std::move(amounts)},
          {"labelled_fraud", b.fraud},
          {"labelled_legitimate", b.legitimate},
          {"unlabelled", b.unknown},
          {"example_decision_ids", b.examples}};
}

Json OptionalRatio(const std::optional<double>& r) { return r ? Json(*r) : Json(nullptr); }

}  // namespace

Json FraudBacktestJson(const FraudBacktestOutcome& outcome) {
  TRANCHE_ASSERT(outcome.summary.has_value());
  const fraud::BacktestSummary& s = *outcome.summary;
  Json rules = Json::array();
  for (const fraud::BacktestRule& r : s.rules) {
    rules.push_back({{"line", r.line},
                     {"action", fraud::ActionName(r.action)},
                     {"text", r.text},
                     {"fired", r.fired},
                     {"decided", r.decided},
                     {"fired_on_labelled_fraud", r.fired_on_fraud}});
  }
  return {{"object", "fraud_backtest"},
          {"since", FormatDate(DateOf(outcome.window.from))},
          {"until", FormatDate(DateOf(outcome.window.to - std::chrono::days(1)))},
          {"replayed", s.replayed},
          {"max_decisions", s.max_decisions},
          {"limit_reached", s.limit_reached},
          {"lists", s.lists},
          {"lists_as_of", "now"},
          {"thresholds", "each decision's own, as stored"},
          {"would_block", BacktestBucketJson(s.block)},
          {"would_review", BacktestBucketJson(s.review)},
          {"would_allow", BacktestBucketJson(s.allow)},
          {"newly_blocked", BacktestBucketJson(s.newly_blocked)},
          {"newly_reviewed", BacktestBucketJson(s.newly_reviewed)},
          {"newly_allowed", BacktestBucketJson(s.newly_allowed)},
          {"unchanged", s.unchanged},
          {"labelled_fraud", s.labelled_fraud},
          {"labelled_legitimate", s.labelled_legitimate},
          {"fraud_caught", s.caught},
          {"fraud_caught_before", s.caught_before},
          {"recall", OptionalRatio(s.recall)},
          {"precision", OptionalRatio(s.precision)},
          {"rules", std::move(rules)}};
}

Json FraudStatusJson(const fraud::Review& r, const std::optional<checkout::Order>& order) {
  return {{"object", "fraud_status"},
          {"authorization_id", r.authorization_id},
          {"fraud_status", fraud::ReviewStatusName(r.status)},
          {"order", order ? OrderJson(*order) : Json(nullptr)}};
}

Json DecisionSummaryJson(const risk::DecisionSummary& s) {
  Json days = Json::array();
  for (const risk::DecisionDay& d : s.days) {
    days.push_back({{"date", FormatDate(d.date)}, {"approved", d.approved}, {"declined", d.declined}});
  }
  Json reasons = Json::array();
  for (const risk::ReasonCount& r : s.decline_reasons) {
    reasons.push_back({{"code", r.code}, {"message", r.message}, {"count", r.count}});
  }
  return {{"object", "decision_summary"},
          {"from", FormatDate(s.from)},
          {"to", FormatDate(s.to)},
          {"decisions", s.approved + s.declined},
          {"approved", s.approved},
          {"declined", s.declined},
          {"truncated", s.truncated},
          {"days", std::move(days)},
          {"decline_reasons", std::move(reasons)}};
}

namespace {

// {allow, review, block, review_pending, review_accepted, review_rejected} into `j`.
void PutDecisionCounts(Json& j, const fraud::DecisionCounts& c) {
  j["allow"] = c.allow;
  j["review"] = c.review;
  j["block"] = c.block;
  j["review_pending"] = c.review_pending;
  j["review_accepted"] = c.review_accepted;
  j["review_rejected"] = c.review_rejected;
}

}  // namespace

Json FraudDecisionSummaryJson(const FraudDecisionSummary& s) {
  Json days = Json::array();
  for (const fraud::DecisionDayCounts& d : s.days) {
    Json day = {{"date", FormatDate(d.date)}};
    PutDecisionCounts(day, d.counts);
    days.push_back(std::move(day));
  }
  Json j = {{"object", "fraud_decision_summary"},
            {"from", FormatDate(s.range.first)},
            {"to", FormatDate(s.range.last)},
            {"decisions", s.total.decisions()}};
  PutDecisionCounts(j, s.total);
  j["days"] = std::move(days);
  return j;
}

Json AutomationReportJson(const AutomationReport& r) {
  Json j = Json::parse(automation::ScorecardJson(r.scorecard, &r.queue_ages));
  j["object"] = "automation_scorecard";
  j["since"] = FormatDate(r.range.first);
  j["until"] = FormatDate(r.range.last);
  j["limit_per_type"] = kMaxAutomationItemsPerType;
  j["limited"] = Json::array();
  for (automation::WorkType t : r.limited) j["limited"].push_back(automation::WorkTypeName(t));
  return j;
}

}  // namespace tranche::ops
