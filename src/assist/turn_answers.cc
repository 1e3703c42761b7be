// The answers of a turn (turn.h): questions answered from the account and the policy
// documents, changing nothing.
#include "assist/turn.h"

#include "lending/schedule.h"
#include "servicing/servicing.h"

namespace tranche::assist::policy_detail {

void Turn::Answer(const std::string& intent) {
  if (intent == "next_payment") {
    if (uneven_split_) ExplainUnevenSplit();
    return NextPayment();
  }
  if (intent == "balance" || intent == "list_plans") return Balance(intent == "list_plans" || each_plan_);
  if (intent == "payment_schedule") return Schedule();
  if (intent == "payment_history") return History();
  if (intent == "payment_failed") return Failed();
  if (intent == "autopay") return Autopay();
  if (intent == "refund_status") return Refunds();
  if (intent == "return_item" || intent == "cancel_order") return MerchantMatters();
  if (intent == "late_fee") return LateFees();
  if (intent == "dispute_status") return DisputeStatus();
  if (intent == "pause_payments") return Pauses();
  if (intent == "declined_checkout") return Declines();
  if (intent == "spending_limit") return Limit(false);
  if (intent == "increase_limit") return Limit(true);
  if (intent == "apr_interest") return Apr();
  if (intent == "update_contact_details") return Say("email_change");
  if (intent == "fees_overview") {
    Knowledge(intent);
    if (!ExplainPaidAmount()) ExplainUnrecognisedCharge();
    return;
  }
  if (intent == "how_it_works" || intent == "credit_check" || intent == "login_problem") return Knowledge(intent);
  if (intent == "greeting") return Say("greeting");
  if (intent == "thanks") return Say("thanks");
  if (intent == "goodbye") return Say("goodbye");
  if (intent == "affirm" || intent == "deny") return Say("nothing_pending");
  if (intent == "pay_now") return Pay();
  if (intent == "payoff") return Payoff();
  if (intent == "extend_due_date") return Extend();
  if (intent == "change_payment_method") return ChangeMethod();
  if (IsReportIntent(intent)) return Dispute(intent);
  Say("out_of_scope");
}

// A purchase that does not divide evenly puts the leftover cents on the first
// instalment (lending's schedule); said for each interest-free plan where it did.
void Turn::ExplainUnevenSplit() {
  for (const PlanFacts* p : SelectPlans(false)) {
    if (p->apr_bps != 0) continue;
    const auto schedule = lending::BuildSchedule(p->product, tranche::Money(p->amount_minor, p->currency),
                                                 account_.today, 0);
    if (!schedule.ok() || schedule->installments.size() < 2) continue;
    const tranche::Money first = schedule->installments[0].amount;
    const tranche::Money other = schedule->installments[1].amount;
    if (first == other) continue;
    Say("uneven_split", {p->merchant, Money(first.minor(), p->currency), Money(other.minor(), p->currency)});
  }
}

void Turn::NextPayment() {
  // "the date and the amount of the next payment for the pram? And also the full amount
  // I owe in total": the plan of the sentence that asks for the next payment.
  std::vector<const PlanFacts*> plans = SelectPlans(true);
  std::vector<const PlanFacts*> active;
  for (const PlanFacts& p : account_.plans) {
    if (p.active) active.push_back(&p);
  }
  // Two or more shops named ("Wann ist die nächste Zahlung für Little Acorns …? Und wann
  // ist die Zahlung für Glimmer fällig?") are each answered.
  const bool each_named = !PlansOfTwoShopsAskedAfter(active).empty();
  if (active.size() > 1 && ModelPlan() == nullptr && !each_named) {
    if (const PlanFacts* p = PlanOfTheSentences(active, SpeaksOfNextInstalment)) plans = {p};
  }
  if (plans.empty() || !plans.front()->active) return Say("no_plans");
  Focus(plans);
  for (const PlanFacts* p : plans) {
    if (p->paused_until) {
      SayPaused(*p);
    } else if (p->unpaid.empty()) {
      Say("nothing_due", {p->merchant});
    } else {
      const InstalmentFacts& i = p->unpaid.front();
      Say(i.overdue ? "next_payment_overdue" : "next_payment",
          {p->merchant, Money(i.unpaid_minor, p->currency), r_.Day(i.due)});
    }
  }
}

void Turn::Balance(bool all) {
  const auto plans = all ? ActivePlansOrAll() : SelectPlans(true);
  if (plans.empty() || !plans.front()->active) return Say("no_plans");
  if (!all) Focus(plans);
  for (const PlanFacts* p : plans) {
    Say("balance_plan", {p->merchant, Money(p->outstanding_minor, p->currency), std::to_string(p->unpaid.size())});
  }
  if (plans.size() > 1 || account_.plans.size() > 1) Say("balance_total", {Money(account_.outstanding_minor)});
}

void Turn::Schedule() {
  const auto plans = SelectPlans(true);
  if (plans.empty() || !plans.front()->active) return Say("no_plans");
  Focus(plans);
  for (const PlanFacts* p : plans) {
    Say("schedule_intro", {p->merchant});
    for (const auto& i : p->unpaid) {
      Say("schedule_line", {std::to_string(i.number), Money(i.unpaid_minor, p->currency), r_.Day(i.due)});
    }
  }
}

// "Varför drog ni 32,50 från mitt kort i morse?", "a tranche charge on my bank statement
// today": the one plan whose last payment was of that sum, or else of today; null when
// none or several were.
const PlanFacts* Turn::PlanPaidAsTold() const {
  const auto only = [&](const auto& paid_so) -> const PlanFacts* {
    const PlanFacts* found = nullptr;
    for (const PlanFacts& p : account_.plans) {
      if (!p.last_payment || !paid_so(*p.last_payment)) continue;
      if (found != nullptr) return nullptr;
      found = &p;
    }
    return found;
  };
  // A bare number counts too ("drog ni 32,50"): only a payment of exactly that sum matches.
  if (const auto sum = FindAmount(folded_, true); sum && sum->minor) {
    if (const PlanFacts* p = only([&](const PaymentFacts& paid) { return paid.amount_minor == *sum->minor; })) {
      return p;
    }
  }
  if (!HasAnyPhrase(folded_, {"today", "todays", "today's", "this morning", "i morse", "idag", "i dag", "heute"})) {
    return nullptr;
  }
  return only([&](const PaymentFacts& paid) { return paid.on == account_.today; });
}

void Turn::History() {
  std::vector<const PlanFacts*> plans = SelectPlans(false);
  if (const PlanFacts* p = PlanPaidAsTold()) plans = {p};
  if (plans.empty()) return Say("no_plans");
  Focus(plans);
  bool autopay = false;
  for (const PlanFacts* p : plans) {
    if (!p->last_payment) {
      Say("no_payments_yet", {p->merchant});
      continue;
    }
    Say("last_payment", {p->merchant, Money(p->last_payment->amount_minor, p->currency), r_.Day(p->last_payment->on)});
    autopay = autopay || p->last_payment->autopay;
  }
  if (autopay) Say("autopay_instalment");
  Say("method_on_file", {MethodWord(account_.method_type), account_.method_last4});
}

std::string Turn::FailureText(const std::string& code) const {
  if (code == "insufficient_funds" || code == "expired_card" || code == "processor_error") {
    return r_.Say("failure_" + code);
  }
  return r_.Say("failure_other");
}

std::string Turn::MethodWord(const std::string& type) const {
  return r_.Say(type == "bank_account" ? "method_bank_account" : "method_card");
}

void Turn::Failed() {
  bool any = false;
  for (const PlanFacts* p : SelectPlans(false)) {
    if (!p->last_failure) continue;
    any = true;
    d_.next.focus_plan = p->id;
    const PaymentFacts& f = *p->last_failure;
    Say("payment_failed", {p->merchant, Money(f.amount_minor, p->currency), r_.Day(f.on), FailureText(f.failure)});
    if (f.next_retry) {
      Say("retry_on", {r_.Day(*f.next_retry)});
    } else {
      Say("no_more_retries");
    }
  }
  if (!any) Say("no_failures");
  Say("method_on_file", {MethodWord(account_.method_type), account_.method_last4});
}

void Turn::Autopay() {
  Say("autopay");
  Say("method_on_file", {MethodWord(account_.method_type), account_.method_last4});
  NextPayment();
}

void Turn::Refunds() {
  const auto plans = SelectPlans(false);
  bool any = false;
  for (const PlanFacts* p : plans) {
    if (p->refunded_minor <= 0) continue;
    any = true;
    d_.next.focus_plan = p->id;
    ExplainARefund(*p);
    // The instalment still due next is what such a consumer is looking at.
    if (p->active && !p->unpaid.empty() && !p->paused_until) {
      const InstalmentFacts& i = p->unpaid.front();
      Say(i.overdue ? "next_payment_overdue" : "next_payment", {p->merchant, Money(i.unpaid_minor, p->currency), r_.Day(i.due)});
    }
  }
  if (any) return;
  // "I'm returning the boots - what happens to my payments meanwhile?": no refund yet,
  // but how a return works is the question.
  if (HasAnyPhrase(folded_, {"returning", "return", "send back", "sending back", "sent back", "skickar tillbaka",
                             "skickat tillbaka", "returnerar", "retur", "zurückschicken", "zurücksenden",
                             "schicke zurück", "retoure"})) {
    Knowledge("return_item");
  }
  Say("refund_none", {plans.size() == 1 ? plans.front()->merchant : std::string("the merchant")});
}

void Turn::MerchantMatters() {
  const auto plans = SelectPlans(false);
  if (delivery_asked_) {
    const PlanFacts* reported = ReportedAlready("not_received");
    const std::string who = reported != nullptr ? reported->merchant
                            : plans.size() == 1 ? plans.front()->merchant
                                                : r_.List(MerchantNames(plans));
    return Say("delivery_merchant", {who});
  }
  Knowledge("return_item");
  Say("contact_merchant", {plans.size() == 1 ? plans.front()->merchant : r_.List(MerchantNames(plans))});
}

void Turn::LateFees() {
  Say("late_fee_rule", {Money(servicing::kLateFeeMinor)});
  for (const PlanFacts* p : SelectPlans(false)) {
    if (p->fees_unpaid_minor <= 0) continue;
    Say("late_fee_current", {Money(p->fees_unpaid_minor, p->currency), p->merchant});
    // Why the payment was late, when a collection of it failed.
    if (const auto& f = p->last_failure) {
      Say("payment_failed",
          {p->merchant, Money(f->amount_minor, p->currency), r_.Day(f->on), FailureText(f->failure)});
    }
  }
  // "wtf is this 37.50 charge from u yday": a sum with no currency, which must still be a
  // payment's exactly.
  ExplainPaidAmount(true);
}

// A question about fees that names an amount the consumer's last payment on a plan was
// ("why was I charged $20?") is answered with that payment too: a charge a consumer
// does not recognise is most often their own instalment, not a fee.
// Whether it explained one. `bare_ok`: a number without a currency counts ("a 39.99
// charge"); it must still equal a payment exactly.
bool Turn::ExplainPaidAmount(bool bare_ok) {
  // "a charge of roughly 88 dollars", "~88", "like 88 bucks": the whole dollars named.
  const auto like_a_sum = [&] {  // "like 88", not "I'd like"
    for (std::size_t at = folded_.find("like "); at != std::string::npos; at = folded_.find("like ", at + 1)) {
      const std::size_t next = at + 5;
      if (next < folded_.size() && (IsDigitByte(folded_[next]) || folded_[next] == '$')) return true;
    }
    return false;
  };
  const bool approximate = folded_.find('~') != std::string::npos || like_a_sum() ||
                           HasAnyPhrase(folded_, {"roughly", "about", "around", "approximately", "ungefär", "cirka",
                                                  "ca", "runt", "etwa", "ungefähr", "rund", "circa"});
  const auto slot = FindAmount(folded_, bare_ok || approximate);
  if (!slot || !slot->minor) return false;
  const auto matches = [&](std::int64_t paid_minor) {
    return approximate ? paid_minor / 100 == *slot->minor / 100 : paid_minor == *slot->minor;
  };
  // The merchant a consumer guesses at may not be the one the payment was for ("the
  // only thing I got recently was some books"): the amount decides among all plans.
  // Two plans' instalments of one amount on one day ("two payments of $30 yesterday,
  // was I charged twice?") are both explained.
  for (const auto& plans : {SelectPlans(false), AllPlans()}) {
    bool explained = false;
    for (const PlanFacts* p : plans) {
      if (!p->last_payment || !matches(p->last_payment->amount_minor)) continue;
      SayLastPayment(*p);
      explained = true;
    }
    if (explained) return true;
  }
  return false;
}

std::vector<const PlanFacts*> Turn::AllPlans() const {
  std::vector<const PlanFacts*> all;
  for (const auto& p : account_.plans) all.push_back(&p);
  return all;
}

// A charge the consumer names by its amount ("a 39.99 charge from tranche I didn't
// make?"), equal to a payment of their own, is that payment: it is explained, whatever
// the words around it were read as, and nothing is proposed. Whether it explained one.
namespace {

// "charge of 32.50 today?? what is that": what a charge was, asked.
constexpr std::string_view kWhatItWas[] = {"what is that", "what's that", "whats that", "what was that",
                                           "what is this", "what's this", "whats this", "what was it",
                                           "what is it for", "what was it for", "vad är det", "vad var det",
                                           "was ist das", "was war das"};

}  // namespace

bool Turn::ExplainsAChargeOfTheirOwn() {
  const std::string& i = reading_.intent;
  // Fee questions explain a payment they name beside the fee rules (LateFees, fees_overview).
  if (i == "late_fee" || i == "fees_overview" || i == "payment_history") return false;
  // "refund where?? still being charged sixty dollars": the refund's answer names the
  // payments still to come.
  if (i == "refund_status" || uneven_split_) return false;
  // "After the $20 you took on Saturday, what's my balance now?", "Will I be charged $20
  // again on Friday?": the balance or the next charge, asked beside a sum taken and
  // nothing asked of it ("random 20.00 came out … what is it. whens the next" asks both).
  if ((i == "balance" || i == "next_payment") &&
      HasAnyPhrase(folded_, {"balance", "owe", "again", "next", "left", "saldo", "skyldig", "kvar", "nästa", "igen",
                             "offen", "nächste", "wieder"}) &&
      !HasAnyPhrase(folded_, kWhatItWas) &&
      !HasAnyPhrase(folded_, {"what is it", "what was this", "what for", "why", "varför", "wofür", "warum"})) {
    return false;
  }
  // "a debit of $31 on my card I can't place" reads as a card change; one naming no card
  // to switch to is about the charge.
  const bool card_words_only = i == "change_payment_method" && !FindLast4(folded_, account_.method_last4);
  // "charge of 32.50 today?? what is that": asked what a charge was, read as a payment.
  // "what was the 37.50 charge today?" asks it of the charge by name.
  const bool asks_what_it_was =
      i == "pay_now" && (HasAnyPhrase(folded_, kWhatItWas) ||
                         (HasAnyPhrase(folded_, {"what was the", "what is the", "what's the", "whats the"}) &&
                          WordThenWord(Words(folded_), {"the"}, {"charge", "debit", "dragning", "abbuchung"}, 3) &&
                          !In(Words(folded_).front(), kWordsOfPaying)));
  if (IsWriteIntent(i) && i != "dispute_unauthorized" && !card_words_only && !asks_what_it_was) return false;
  const bool past = HasAnyPhrase(folded_, {"charged", "debit", "debited", "took", "taken", "deducted", "withdrawal",
                                           "came out", "went out", "gone out",
                                           "transaction", "dragning", "dragit", "drog", "drogs", "dragits", "abbuchung",
                                           "abgebucht", "belastung", "lastschrift", "payment to you",
                                           "payment to tranche", "bank statement", "bank app", "my statement",
                                           "kontoutdrag", "kontoauszug"});
  if (!past && !HasAnyPhrase(folded_, {"charge", "take"})) return false;
  // "Could you just charge me 150 dollars so that it's covered?" asks for a charge, not
  // about one.
  if (!past && (PoliteRequest() || HasAnyPhrase(folded_, {"charge me", "just charge", "please charge", "just take",
                                                          "please take"}))) {
    return false;
  }
  if (!ExplainPaidAmount(true)) return false;
  d_.intent = "payment_history";
  AnswerFurtherQuestions(d_.intent);  // "… Why was I charged at checkout?"
  return true;
}

// A charge the consumer speaks of without an amount ("unknown charge from tranche") is
// most often their own latest instalment: that payment is named beside the fee rules.
void Turn::ExplainUnrecognisedCharge() {
  if (!HasAnyPhrase(folded_, {"charge", "charged", "debit", "debited", "dragning", "dragningen", "dragit",
                              "abbuchung", "abgebucht", "belastung"})) {
    return;
  }
  const PlanFacts* latest = nullptr;
  for (const auto& p : account_.plans) {
    if (p.last_payment && (latest == nullptr || p.last_payment->on > latest->last_payment->on)) latest = &p;
  }
  if (latest != nullptr) SayLastPayment(*latest);
}

void Turn::SayLastPayment(const PlanFacts& p) {
  Focus({&p});
  Say("last_payment", {p.merchant, Money(p.last_payment->amount_minor, p.currency), r_.Day(p.last_payment->on)});
  if (p.last_payment->autopay) Say("autopay_instalment");
}

void Turn::DisputeStatus() {
  bool any = false;
  for (const PlanFacts* p : SelectPlans(false)) {
    if (p->dispute_status.empty()) continue;
    any = true;
    Say("dispute_state", {p->merchant, r_.Say("dispute_state_" + p->dispute_status)});
    if (p->paused_until) SayPaused(*p);
  }
  if (!any) Say("no_disputes");
}

// A paused plan's pause; one a reported problem made says how long such a pause is.
// Precondition: p.paused_until.
void Turn::SayPaused(const PlanFacts& p) {
  TRANCHE_ASSERT(p.paused_until.has_value());
  Say(HasOpenReport(p) ? "paused_by_report" : "paused_until", {p.merchant, r_.Day(*p.paused_until)});
  pauses_said_.push_back(p.id);
}

bool Turn::PauseSaid(const PlanFacts& p) const {
  return std::find(pauses_said_.begin(), pauses_said_.end(), p.id) != pauses_said_.end();
}

void Turn::Pauses() {
  Say("pause_rule");  // how long each kind of pause is, said once
  for (const PlanFacts* p : SelectPlans(false)) {
    if (!p->paused_until) continue;
    Say("paused_until", {p->merchant, r_.Day(*p->paused_until)});
    pauses_said_.push_back(p->id);
  }
}

void Turn::Declines() {
  if (account_.declines.empty()) return Say("no_declines");
  const DeclineFacts& d = account_.declines.front();
  Say("decline", {d.merchant, Money(d.amount_minor, d.currency), r_.Day(d.on), r_.List(DeclineReasons(d))});
  const auto has_reason = [&](std::string_view code) {
    return std::find(d.reason_codes.begin(), d.reason_codes.end(), code) != d.reason_codes.end();
  };
  // A payment past due: which one, so that paying it is the next step.
  if (has_reason("overdue_balance")) {
    for (const PlanFacts& p : account_.plans) {
      if (p.unpaid.empty() || !p.unpaid.front().overdue) continue;
      const InstalmentFacts& i = p.unpaid.front();
      Say("next_payment_overdue", {p.merchant, Money(i.unpaid_minor, p.currency), r_.Day(i.due)});
      // With its late fees, the sum that clears it ("$89.00 … $96.00 in all").
      if (p.fees_unpaid_minor > 0) {
        std::int64_t overdue_minor = p.fees_unpaid_minor;
        for (const InstalmentFacts& u : p.unpaid) {
          if (u.overdue) overdue_minor += u.unpaid_minor;
        }
        Say("overdue_to_clear", {Money(overdue_minor, p.currency), p.merchant});
      }
    }
  }
  // Over what was left to spend: what is left now is the answer to "how much can I?".
  if (has_reason("exceeds_available_credit") && account_.limit_minor) {
    Say("limit", {Money(*account_.limit_minor), Money(account_.available_minor)});
  }
}

// In the reply's language where the code is known (the decider's message otherwise),
// without a closing stop: the template ends the sentence.
std::vector<std::string> Turn::DeclineReasons(const DeclineFacts& d) const {
  std::vector<std::string> out;
  for (std::size_t k = 0; k < d.reasons.size(); ++k) {
    const std::string id = k < d.reason_codes.size() ? "decline_reason_" + d.reason_codes[k] : "";
    std::string text = Replies::Has(id) ? r_.Say(id) : d.reasons[k];
    while (!text.empty() && text.back() == '.') text.pop_back();
    // Joined into one sentence: "… pay it first and this purchase is more …".
    const bool capitalised_word = text.size() > 1 && std::isupper(static_cast<unsigned char>(text[0])) != 0 &&
                                  std::islower(static_cast<unsigned char>(text[1])) != 0;
    if (k > 0 && capitalised_word) text[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
    out.push_back(std::move(text));
  }
  return out;
}

void Turn::Limit(bool asked_to_change) {
  if (asked_to_change) {
    d_.refusals.push_back("limit_change");
    Say("limit_no_change");
  }
  if (!account_.limit_minor) return Say("limit_unknown");
  Say("limit", {Money(*account_.limit_minor), Money(account_.available_minor)});
}

void Turn::Apr() {
  bool financing = false;
  bool free = false;
  for (const PlanFacts* p : SelectPlans(false)) {
    if (lending::IsFinancing(p->product)) {
      financing = true;
      Say("apr_plan", {p->merchant, r_.Percent(p->apr_bps)});
    } else {
      free = true;
    }
  }
  // "is there a catch with the interest if i pay it off early?"
  if (financing && SpeaksOfPayingOffEarly()) Say("payoff_interest_to_date");
  if (free || !financing) Say("apr_free");
}

bool Turn::SpeaksOfPayingOffEarly() const {
  return HasAnyPhrase(folded_, {"pay off", "paying off", "pay it off", "paying it off", "payoff", "clear it early",
                                "pay early", "paying early", "i förtid", "lösa", "vorzeitig", "ablösen",
                                "ablöse"});
}

void Turn::Knowledge(const std::string& intent) {
  // The intent's name steers the search towards its section when the words are few.
  std::string query(folded_);
  if (intent == "how_it_works") query += " pay in 4 works instalments";
  // "What APR did I get on the sofa? And she uses pay in 4: can you explain how that one
  // works?": pay in 4 asked after by its name is the section, whatever else is said.
  if (intent == "how_it_works" && AsksHowPayIn4Works(folded_)) query = "how does pay in 4 work instalments";
  if (intent == "fees_overview") query += " fees late fee";
  if (intent == "credit_check") query += " credit check bureau";
  if (intent == "login_problem") query += " log in code";
  if (intent == "return_item") query += " returns refunds";
  auto passage = knowledge_.Answer(query, r_.language());
  if (passage) {
    Add(passage->text);
  } else {
    Say("out_of_scope");
  }
}

}  // namespace tranche::assist::policy_detail
