// The wire format: JSON views of every object the API and the events show, in one
// module, so a webhook carries exactly what the API shows and a handler only parses,
// calls a use case and renders. Checkout objects are in views_checkout.cc, parties
// (consumers, merchants, keys, notifications, payment methods, webhook endpoints) and
// ledger objects in views_accounts.cc, orders and servicing in views.cc, the assistant's
// conversations and hand-offs in views_assistant.cc, the models report in views_models.cc.
#pragma once

#include "assist/conversation.h"
#include "assist/metrics.h"
#include "fraud/decision.h"
#include "ledger/balance.h"
#include "ledger/entry.h"
#include "ledger/posting.h"
#include "notify/notification.h"
#include "onboarding/consumer_login.h"
#include "onboarding/onboarding.h"
#include "ops/automation.h"
#include "ops/fraud_backtest.h"
#include "ops/fraud_summary.h"
#include "ops/models.h"
#include "ops/outbox.h"
#include "ops/reconciliation.h"
#include "origination/exposure.h"
#include "origination/origination.h"
#include "origination/sessions.h"
#include "payments/payments.h"
#include "recon/reconcile.h"
#include "risk/decision_summary.h"
#include "servicing/collection.h"
#include "servicing/contact.h"
#include "servicing/dispute.h"
#include "settlement/payout.h"
#include "settlement/settlement.h"
#include "webhooks/webhook.h"

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
Json ContactJson(const servicing::Contact& c);
Json SettlementJson(const settlement::Settlement& s, bool with_lines);
Json PayoutJson(const settlement::Payout& p);
Json DebtWriteOffJson(const settlement::DebtWriteOff& w);

// Adverse-action reasons as [{code, message}].
Json ReasonsJson(const std::vector<risk::Reason>& reasons);
// A consumer's own credit decision with every principal reason (the shopper at
// checkout sees only risk::ShopperReasons; the consumer sees why).
Json DecisionJson(const risk::DecisionRecord& d);
// Checkouts for the operator dashboard: decisions per day and principal decline reasons.
Json DecisionSummaryJson(const risk::DecisionSummary& s);
// The automation scorecard of a range: the scorecard's own JSON (what `tranche report
// automation` writes) with the range and the types whose read reached its limit.
Json AutomationReportJson(const AutomationReport& r);
// The Models page: each served model's card and champion and challenger side by side
// (views_models.cc).
Json ModelsJson(const ModelsReport& r);

// Checkout (views_checkout.cc).
// A schedule as previewed or granted: the instalments and, for financing, the
// disclosures (APR, amount financed, finance charge, total of payments).
Json ScheduleJson(const lending::Schedule& s);
// An offer: its preview and, for financing, the APR range the merchant's terms allow.
Json OfferJson(const checkout::Offer& o);
// Without the client token: the creating use case's caller adds it, once.
Json SessionJson(const origination::SessionView& v);
// What the shopper sees of a decision: approvals with their schedule, declines with
// only the reasons that follow from what they typed (risk::ShopperReasons).
Json AuthorizeJson(const origination::AuthorizeOutcome& o);
// The decision as its consumer sees it: DecisionJson, except that a fraud block reads
// as the generic decline the shopper was given (the real reason is for operators).
Json ConsumerDecisionJson(const origination::ConsumerDecision& d);

// Parties and the ledger (views_accounts.cc).
Json ConsumerJson(const merchants::Consumer& c, const std::vector<origination::CreditLine>& credit);
Json LoginChallengeJson(std::chrono::seconds expires_in);
Json ConsumerTokenJson(const onboarding::ConsumerToken& t);
Json NotificationJson(const notify::Notification& n);
Json PaymentMethodJson(const payments::PaymentMethod& m);
Json MerchantJson(const merchants::Merchant& m);
// A merchant's view of itself: its onboarding status without the check's findings or
// the reviewer's note.
Json OwnMerchantJson(const merchants::Merchant& m);
// A newly issued key with its secret, shown this once.
Json KeyJson(const onboarding::Issued& k);
Json WebhookEndpointJson(const webhooks::Endpoint& e);
Json WebhookDeliveryJson(const webhooks::Delivery& d);
// The answer to a deletion: {id, object, deleted: true}.
Json DeletedJson(std::string_view id, std::string_view object);
Json JournalEntryJson(const ledger::JournalEntry& e);
Json TrialBalanceJson(const std::vector<ledger::CurrencyTotals>& trial_balance, Instant as_of);
// The account without its lines; the caller pages those (LedgerAccountLineJson).
Json LedgerAccountJson(std::string_view id, const ledger::AccountRef& ref, const ledger::AccountBalance& b);
Json LedgerAccountLineJson(const ledger::AccountLine& l);
// Fraud, for operators: a decision with its inputs, rule hits and score; a review with
// its SLA age at `now`; a rule set version; a list (entries optional); a list version.
Json FraudDecisionJson(const fraud::FraudDecision& d);
Json ReviewJson(const fraud::Review& r, Instant now);
Json RulesVersionJson(const fraud::RulesVersion& v);
Json FraudListJson(const fraud::FraudList& l, bool with_entries);
Json ListVersionJson(const fraud::ListVersion& v);
// A backtest's summary (ops/fraud_backtest.h). Precondition: outcome.summary is set.
Json FraudBacktestJson(const FraudBacktestOutcome& outcome);
// Fraud decisions per day for the dashboard: each date's counts by action and review
// status, and the range's totals.
Json FraudDecisionSummaryJson(const FraudDecisionSummary& s);
// For the merchant (order.fraud_status_changed): the authorization's fraud status and
// its order, if created — never the reviewer's note or the reasons.
Json FraudStatusJson(const fraud::Review& r, const std::optional<checkout::Order>& order);

// Reconciliation, for operators: an exception with what stays unreconciled and how it
// was resolved; one file date's run (auto-match rate = automatically resolved lines /
// lines); the summary (last date, open exceptions and their money per currency, runs);
// a day's outcome as `tranche reconcile` prints it.
Json ReconExceptionJson(const recon::ExceptionRecord& r);
Json ReconRunJson(const recon::RunRecord& r);
Json ReconSummaryJson(const recon::Summary& s);
Json ReconDayJson(const FileOutcome& f);

// The assistant: a message; a conversation {id, object, status, language, turns,
// created_at, handoff, outcome}; with its messages (a transcript); a turn's answer {reply,
// language, intent, actions:[{type,status,details}], pending_confirmation, handoff}; a
// hand-off queue entry (the transcript and the consumer).
Json MessageJson(const assist::Message& m);
Json ConversationJson(const assist::Conversation& c);
Json TranscriptJson(const assist::Transcript& t);
Json TurnJson(const assist::Turn& t);
Json HandoffJson(const assist::Transcript& t);
// The assistant's operating metrics (`tranche report assistant --json`): the window,
// then overall, per intent and per language, each with counts, rates and quantiles.
Json AssistantMetricsJson(const assist::AssistantMetrics& m);

}  // namespace tranche::ops
