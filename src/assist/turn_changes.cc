// The changes a turn states for an explicit yes (turn.h), and the refusals of what the
// rules forbid.
#include "assist/turn.h"

#include "lending/schedule.h"
#include "servicing/servicing.h"

namespace tranche::assist::policy_detail {

void Turn::Propose(Action a) {
  d_.proposed = a;
  d_.next.pending = std::move(a);
}

// A payment asked for speaks of paying, an amount or a purchase: "any romantic
// restaurants that take bookings for two?" read as a payoff is out of scope.
bool Turn::SpeaksOfPaying() const {
  if (call_ != nullptr || SpeaksOfMoneyOwed(folded_) || FindAmount(folded_, false)) return true;
  // "wait no make it 40" revises the payment waiting for a yes.
  const bool revising = state_.pending && (state_.pending->type == ActionType::kPay ||
                                           state_.pending->type == ActionType::kPayoff);
  if (revising && (FindAmount(folded_, true) || NamesAnotherPlanInstead(*state_.pending))) return true;
  // "just take 150 to be safe": a bare sum beside a verb of paying.
  if (FindAmount(folded_, true) && HasAnyPhrase(folded_, {"take", "charge", "put", "dra", "buchen"})) return true;
  if (MatchMerchant(folded_, MerchantNames(ActivePlansOrAll())) || SpeaksOfNextInstalment(folded_)) return true;
  // "ok money is there now, take it now" right after a failed payment was explained: that
  // payment; "kan ni dra den missade betalningen": the missed one.
  const bool after_a_failure = state_.last_question == "payment_failed" && !state_.focus_plan.empty();
  if (after_a_failure && HasAnyPhrase(folded_, {"take it", "charge it", "run it", "dra den", "buch sie", "zieh sie"})) {
    return true;
  }
  if (HasAnyPhrase(folded_, {"the missed", "missed one", "missed payment", "missade", "verpasste",
                             "fehlgeschlagene"})) {
    return true;
  }
  return HasAnyPhrase(folded_, {"payoff", "paying", "repay", "settle", "clear", "everything", "the rest",
                                "remaining", "all of it", "charge", "charged", "money towards", "money toward",
                                "put some money",
                                "put money", "chip away", "knock", "pay down", "pay something", "pay a bit",
                                "pay some", "lösa", "betalar", "bezahlen", "abbezahlen",
                                "slutbetala", "resten", "allt", "zahlen", "begleichen", "ablösen", "tilgen", "alles",
                                "den rest", "overdue part", "overdue one", "fee included", "catch up"});
}

// The sum the message names, else the one named before "which purchase?" was answered.
// The sum the message names to pay (a sum told as refunded is none), else the one
// awaited from the turn before.
std::optional<std::int64_t> Turn::NamedAmount() const {
  if (const auto slot = FindAmount(WithoutRefundedSums(folded_), false); slot && slot->minor) return *slot->minor;
  if (awaited_amount_minor_ > 0) return awaited_amount_minor_;
  return std::nullopt;
}

// The plan a payment or payoff (`intent`) is for, when one can be paid now; null when
// none can, with what stands in the way said (no word of paying, which plan, a payment
// already in flight).
const PlanFacts* Turn::PlanToPay(const std::string& intent) {
  if (!SpeaksOfPaying()) {
    Say("out_of_scope");
    return nullptr;
  }
  const PlanFacts* p = OnePlanFor(intent);
  if (p == nullptr) return nullptr;
  if (p->payment_in_flight) {
    d_.refusals.push_back("payment_in_progress");
    Say("refuse_in_flight", {p->merchant});
    return nullptr;
  }
  return p;
}

void Turn::Pay() {
  const PlanFacts* p = PlanToPay("pay_now");
  if (p == nullptr) return;
  std::int64_t amount = 0;
  if (call_ != nullptr && call_->amount_minor) {
    amount = *call_->amount_minor;
  } else if (const auto count = FindInstalmentCount(folded_)) {
    // "two instalments' worth": the next `count` unpaid instalments.
    for (std::size_t k = 0; k < p->unpaid.size() && k < static_cast<std::size_t>(*count); ++k) {
      amount += p->unpaid[k].unpaid_minor;
    }
  } else if (auto slot = FindAmount(WithoutCardDigits(WithoutRefundedSums(folded_), false), true)) {
    amount = slot->rest ? p->payoff_minor : slot->minor.value_or(0);
  } else {
    amount = awaited_amount_minor_;
  }
  // "missed saltmarsh payment. total owed? pay all now": the late fees in the sum are said.
  bool fees_in_it = amount == p->payoff_minor;
  if (amount <= 0) {
    // No amount named: what is due now, else the next instalment.
    for (const auto& i : p->unpaid) {
      if (i.overdue) amount += i.unpaid_minor;
    }
    amount += p->fees_unpaid_minor;
    fees_in_it = true;
    if (amount == 0 && !p->unpaid.empty()) amount = p->unpaid.front().unpaid_minor;
    amount = std::min(amount, p->payoff_minor);
  }
  if (amount > p->payoff_minor) return RefuseOverpayment(*p, amount);
  if (amount <= 0) return Say("nothing_due", {p->merchant});
  if (fees_in_it && p->fees_unpaid_minor > 0) SayTheFeesInTheSum(*p);
  Action a{ActionType::kPay, p->id, p->order_id, p->merchant, p->currency, amount};
  Say("confirm_pay", {Money(amount, p->currency), MethodWord(account_.method_type), account_.method_last4, p->merchant});
  Propose(std::move(a));
}

// More than the plan owes is refused with the most that can be taken; "120 bucks at the
// smaller plan n be done w it": that most is the payoff, stated and run only on a yes.
// A refund on the plan, which makes what is owed less than the purchase's instalments
// left would suggest, with how it was applied.
void Turn::SayTheFeesInTheSum(const PlanFacts& p) {
  TRANCHE_ASSERT(p.fees_unpaid_minor > 0);
  Say("fees_in_the_sum", {p.merchant, Money(p.fees_unpaid_minor, p.currency)});
}

void Turn::ExplainARefund(const PlanFacts& p) {
  if (p.refunded_minor <= 0) return;
  Say("refund_applied", {p.merchant, Money(p.refunded_minor, p.currency), Money(p.outstanding_minor, p.currency)});
}

void Turn::RefuseOverpayment(const PlanFacts& p, std::int64_t amount_minor) {
  TRANCHE_ASSERT(amount_minor > p.payoff_minor);
  d_.refusals.push_back("overpayment");
  Say("refuse_overpay", {Money(amount_minor, p.currency), Money(p.payoff_minor, p.currency), p.merchant});
  ExplainARefund(p);
  if (p.payoff_minor <= 0) return;
  Action a{ActionType::kPayoff, p.id, p.order_id, p.merchant, p.currency, p.payoff_minor};
  Say("confirm_payoff", {p.merchant, Money(p.payoff_minor, p.currency), MethodWord(account_.method_type),
                         account_.method_last4});
  Propose(std::move(a));
}

// `text` without the digits of a card the message names ("will the next retry use the
// 8830 card?"), which are no sum; `card_in_view`: a card is what the message is about.
std::string Turn::WithoutCardDigits(std::string text, bool card_in_view) const {
  const auto card = FindLast4(folded_);
  if (!card) return text;
  // Only digits named as a card's ("the 8830 card", "ending 8830"), or any four beside a
  // card refused ("Bitte mit der 7731 bezahlen"): "betala 1500 på Rookery nu" names a sum.
  const std::vector<std::string> words = Words(folded_);
  bool named_as_a_card = card_in_view;
  for (std::size_t k = 0; k < words.size(); ++k) {
    if (words[k] != *card) continue;
    for (std::size_t near = (k >= 3 ? k - 3 : 0); near < words.size() && near <= k + 1; ++near) {
      named_as_a_card = named_as_a_card || In(words[near], {"card", "kort", "kortet", "karte", "ending", "ends",
                                                             "endet", "endung", "slutar", "endziffern", "visa",
                                                             "mastercard"});
    }
  }
  if (!named_as_a_card) return text;
  // The digits as a whole word only ("12500" keeps its "2500").
  std::string out;
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t found = text.find(*card, at);
    if (found == std::string::npos) break;
    const std::size_t end = found + card->size();
    const bool whole = (found == 0 || !IsDigitByte(text[found - 1])) && (end == text.size() || !IsDigitByte(text[end]));
    out.append(text, at, found - at);
    if (!whole) out.append(*card);
    at = end;
  }
  out.append(text, at, std::string::npos);
  return out;
}

// "charge 200 to my dads card 7741 for brackenridge outdoor, keep extra as credit": a
// sum over what the plan owes is refused too, with what it owes, when the card it was to
// come from is refused; nothing is stated in its place (the card was theirs to choose).
void Turn::RefuseASumOverWhatIsOwed() {
  const auto plans = SelectPlans(true);
  if (plans.size() != 1) return;
  const PlanFacts& p = *plans.front();
  // The card's digits ("my dads card 7741") are no sum, nor is a bare number away from a
  // verb of paying ("staff ID OPS-2231").
  const std::string text = WithoutCardDigits(WithoutRefundedSums(folded_), true);
  // "The desk was $1,200. Can I pay what's left with my dad's card": a price is no sum
  // to pay; one beside a verb of paying, or with the extra to be kept, is.
  const bool to_pay = BareSumBesideAVerbOfPaying(text);
  const bool extra_kept = HasAnyPhrase(text, {"extra", "credit", "the rest", "left over", "leftover", "tillgodo",
                                              "över", "guthaben", "zu viel"});
  if (!to_pay && !extra_kept) return;
  const auto slot = FindAmount(text, to_pay);
  if (!slot || !slot->minor || *slot->minor <= p.payoff_minor) return;
  d_.refusals.push_back("overpayment");
  Say("refuse_overpay", {Money(*slot->minor, p.currency), Money(p.payoff_minor, p.currency), p.merchant});
}

void Turn::Payoff() {
  const PlanFacts* p = PlanToPay("payoff");
  if (p == nullptr) return;
  if (auto slot = FindAmount(folded_, false); slot && slot->minor && *slot->minor > p->payoff_minor) {
    return RefuseOverpayment(*p, *slot->minor);
  }
  // "pay $200 off my plan" names less than the whole: a payment of that amount. Not when
  // the whole is asked for in so many words ("the complete remaining amount at once").
  if (const auto named = NamedAmount();
      call_ == nullptr && named && *named > 0 && *named < p->payoff_minor && !AsksToPayOff(folded_)) {
    d_.intent = "pay_now";
    return Pay();
  }
  if (p->payoff_minor <= 0) return Say("nothing_due", {p->merchant});
  // "pay off velvet threads, 120 left rite": a balance thought larger than it is, which
  // a refund explains; so does "Has the refund been applied … I'd like to pay off
  // whatever is left today", the refund asked about.
  const auto thought = FindAmount(folded_, true);
  if ((thought && thought->minor && *thought->minor > p->payoff_minor) || SpeaksOfARefundOrReturn(folded_)) {
    ExplainARefund(*p);
  }
  // A financing plan owes its scheduled interest too; paying off today costs less.
  if (p->outstanding_minor != p->payoff_minor) {
    Say("balance_plan", {p->merchant, Money(p->outstanding_minor, p->currency), std::to_string(p->unpaid.size())});
  }
  if (p->apr_bps != 0 && NamesTheRate(folded_)) Say("payoff_interest_to_date");
  if (OnlyAsksAboutIt(folded_)) return Say("payoff_quote", {p->merchant, Money(p->payoff_minor, p->currency)});
  if (p->fees_unpaid_minor > 0) SayTheFeesInTheSum(*p);
  Action a{ActionType::kPayoff, p->id, p->order_id, p->merchant, p->currency, p->payoff_minor};
  Say("confirm_payoff", {p->merchant, Money(p->payoff_minor, p->currency), MethodWord(account_.method_type),
                         account_.method_last4});
  Propose(std::move(a));
}

// "if not, then I pay the rate now", "annars betalar jag", "wenn das nicht geht, dann
// zahle ich": a payment offered should the change asked for not be possible.
bool Turn::OffersToPayInstead() const {
  return HasAnyPhrase(folded_, {"if not", "if no", "if it is not possible", "if it's not possible", "if you cannot",
                                "if you can't", "if that's not possible", "if that is not possible", "otherwise",
                                "om det inte går", "annars", "wenn das nicht geht", "wenn nicht", "sonst",
                                "ansonsten", "falls nicht"}) &&
         HasAnyPhrase(folded_, {"pay", "betalar", "betala", "zahle", "zahlen", "bezahle", "bezahlen"});
}

void Turn::Extend() {
  const auto several = OneOfSeveralToExtend();
  const PlanFacts* p = several ? *several : OnePlanFor("extend_due_date");
  if (p == nullptr) return;
  if (p->extended) {
    d_.refusals.push_back("extension_used");
    Say("refuse_second_extension", {p->merchant});
    NextPayment();  // the date it stays due on
    // "If it is not possible, then I pay the rate of 45,50 now": the payment offered
    // instead is stated, to run on a yes.
    if (OffersToPayInstead()) Pay();
    return;
  }
  int days = call_ != nullptr && call_->days ? *call_->days
                                             : NamedExtensionDays(NextDue(*p)).value_or(servicing::kMaxExtensionDays);
  if (days > servicing::kMaxExtensionDays) {
    // Refused with the reason; what the rules allow is offered instead, stated exactly
    // and run only on a yes like any change.
    d_.refusals.push_back("extension_too_long");
    Say("refuse_long_extension", {std::to_string(days)});
    days = servicing::kMaxExtensionDays;
  }
  // "I reported the wobbly wheel … how long does that last?": a report's pause says how
  // long such a pause is.
  if (p->paused_until && HasOpenReport(*p)) return SayPaused(*p);
  if (p->paused_until) return Say("refuse_paused", {p->merchant, r_.Day(*p->paused_until)});
  if (p->unpaid.empty()) return Say("nothing_due", {p->merchant});
  const InstalmentFacts& i = p->unpaid.front();
  if (i.overdue) {
    d_.refusals.push_back("installment_overdue");
    return Say("refuse_overdue_extension", {std::to_string(i.number)});
  }
  Action a{ActionType::kExtend, p->id, p->order_id, p->merchant, p->currency, 0, i.number, days};
  const bool stated = StateExtension(a);  // i is the plan's first unpaid instalment
  TRANCHE_ASSERT(stated);
  Propose(std::move(a));
}

// "push back both my Lumen Home and Kestrel Audio payments by three weeks": of the plans
// named (or all, for "both"), each whose one extension is used is refused with the
// reason; the one left is the plan to extend (null when none is). Nothing when fewer
// than two are asked for or several are left: then which one is asked.
std::optional<const PlanFacts*> Turn::OneOfSeveralToExtend() {
  if (ModelPlan() != nullptr) return std::nullopt;
  const bool each = HasAnyPhrase(folded_, {"both", "all my", "each", "båda", "alla mina", "beide", "alle meine"});
  std::vector<const PlanFacts*> active, asked;
  for (const PlanFacts& p : account_.plans) {
    if (!p.active) continue;
    active.push_back(&p);
    if (MatchMerchant(folded_, {p.merchant})) asked.push_back(&p);
  }
  if (asked.size() < 2 && each) asked = active;
  if (asked.size() < 2) return std::nullopt;
  std::vector<const PlanFacts*> open;
  for (const PlanFacts* p : asked) {
    if (!p->extended) {
      open.push_back(p);
      continue;
    }
    d_.refusals.push_back("extension_used");
    Say("refuse_second_extension", {p->merchant});
  }
  if (open.empty()) return nullptr;
  if (open.size() > 1) return std::nullopt;
  d_.next.focus_plan = open.front()->id;
  return open.front();
}

// The extension `a` in so many words: which payment, from and to which date. False when
// its plan or instalment is no longer unpaid on the account.
bool Turn::StateExtension(const Action& a) {
  TRANCHE_ASSERT(a.type == ActionType::kExtend);
  const PlanFacts* p = FindPlan(account_, a.plan_id);
  if (p == nullptr) return false;
  const auto i = std::find_if(p->unpaid.begin(), p->unpaid.end(),
                              [&](const InstalmentFacts& x) { return x.number == a.installment; });
  if (i == p->unpaid.end()) return false;
  Say("confirm_extend", {std::to_string(i->number), Money(i->unpaid_minor, p->currency), p->merchant,
                         r_.Day(i->due), r_.Day(AddDays(i->due, a.days)), std::to_string(a.days)});
  return true;
}

void Turn::ChangeMethod() {
  const auto last4 = call_ != nullptr && !call_->last4.empty() ? std::optional<std::string>(call_->last4)
                                                                : FindLast4(folded_, account_.method_last4);
  if (!last4) {
    d_.next.awaiting_intent = "change_payment_method";
    return Say("ask_last4");
  }
  if (*last4 == account_.method_last4) return Say("same_card", {*last4});
  Action a;
  a.type = ActionType::kChangeMethod;
  a.last4 = *last4;
  a.method_type = call_ != nullptr && !call_->method_type.empty() ? call_->method_type
                  : NamesABankAccount()                               ? "bank_account"
                                                                      : "card";
  Say("confirm_method", {MethodWord(account_.method_type), account_.method_last4, *last4});
  Propose(std::move(a));
}

// "watch never came, u still charging me in 2 days?" with no shop named: the one
// purchase whose same problem is reported already, if there is exactly one.
const PlanFacts* Turn::ReportedAlready(const std::string& reason) const {
  if (call_ != nullptr || MatchMerchant(folded_, MerchantNames(AllPlans()))) return nullptr;
  const PlanFacts* found = nullptr;
  for (const PlanFacts& p : account_.plans) {
    if (!p.active || p.dispute_status.empty() || p.dispute_status == "resolved" || p.dispute_reason != reason) {
      continue;
    }
    if (found != nullptr) return nullptr;
    found = &p;
  }
  return found;
}

void Turn::Dispute(const std::string& intent) {
  // The reason of the report waiting, or of the problem told before, where it agrees with
  // the kind of report read (never for a purchase disowned, which is fraud's).
  const bool revising = state_.pending && state_.pending->type == ActionType::kDispute;
  const std::string before = revising ? state_.pending->reason : state_.problem_told;
  const bool agrees = !before.empty() && intent != "dispute_unauthorized" && ReportIntentOf(before) == intent;
  std::string reason = call_ != nullptr ? call_->reason : FindDisputeReason(folded_).value_or(agrees ? before : "");
  if (reason.empty()) {
    reason = intent == "dispute_not_received" ? "not_received"
             : intent == "dispute_unauthorized" ? "unauthorized"
                                                : "wrong_item";
  }
  const PlanFacts* p = ReportedAlready(reason);
  if (p == nullptr) p = OnePlanFor(intent);
  if (p == nullptr) return;
  // A purchase the consumer says they never made means someone else may hold their
  // details or their account: the security team looks into it (and into what else that
  // someone did), not a report the consumer confirms on one purchase.
  if (reason == "unauthorized") return HandOver(HandoffReason::kFraud, p);
  if (HasOpenReport(*p)) {
    Say("dispute_exists", {p->merchant, DisputeReasonText(p->dispute_reason),
                           p->paused_until ? r_.Day(*p->paused_until) : r_.Day(account_.today)});
    // "it's paused — do I still owe anything?": what is owed stays owed, paused.
    return Say("balance_plan", {p->merchant, Money(p->outstanding_minor, p->currency), std::to_string(p->unpaid.size())});
  }
  Action a{ActionType::kDispute, p->id, p->order_id, p->merchant, p->currency};
  a.reason = reason;
  Say("dispute_offer", {p->merchant, DisputeReasonText(reason)});
  Say("confirm_dispute");
  Propose(std::move(a));
}

}  // namespace tranche::assist::policy_detail
