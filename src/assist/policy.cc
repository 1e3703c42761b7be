#include "assist/policy.h"

#include "assist/replies.h"
#include "assist/slots.h"
#include "assist/text.h"
#include "assist/turn.h"

namespace tranche::assist {

using policy_detail::FindPlan;
using policy_detail::NextPaymentOf;
using policy_detail::Turn;

std::string_view ActionTypeName(ActionType t) {
  switch (t) {
    case ActionType::kPay: return "payment";
    case ActionType::kPayoff: return "payoff";
    case ActionType::kExtend: return "extension";
    case ActionType::kChangeMethod: return "payment_method";
    case ActionType::kDispute: return "dispute";
  }
  return "payment";
}

std::optional<ActionType> ParseActionType(std::string_view name) {
  for (ActionType t : {ActionType::kPay, ActionType::kPayoff, ActionType::kExtend, ActionType::kChangeMethod,
                       ActionType::kDispute}) {
    if (ActionTypeName(t) == name) return t;
  }
  return std::nullopt;
}

std::string_view HandoffReasonName(HandoffReason r) {
  switch (r) {
    case HandoffReason::kRequested: return "requested";
    case HandoffReason::kFeeWaiver: return "fee_waiver";
    case HandoffReason::kHardship: return "hardship";
    case HandoffReason::kCloseAccount: return "close_account";
    case HandoffReason::kDeleteData: return "delete_data";
    case HandoffReason::kBereavement: return "bereavement";
    case HandoffReason::kComplaint: return "complaint";
    case HandoffReason::kLegalThreat: return "legal_threat";
    case HandoffReason::kFraud: return "fraud";
    case HandoffReason::kMisunderstanding: return "misunderstanding";
  }
  return "requested";
}

Language ReplyLanguage(const DialogueState& state, const Understanding& u, std::string_view text) {
  const bool unsure = u.language_confidence < kSureLanguageConfidence;
  // A first message has no conversation language to keep: an unsure guess gives way to
  // English, which more customers read than any one wrong guess ("stock tips?" is not
  // Swedish because its letters could be).
  if (!state.language_known) return unsure ? Language::kEnglish : u.language;
  // Short messages say little about their language; an unsure guess, not enough to switch.
  const bool weak = Words(Fold(text)).size() < 3 || unsure;
  return weak ? state.language : u.language;
}

Decision Decide(const DialogueState& state, const Understanding& u, std::string_view text, const AccountFacts& account,
                const Knowledge& knowledge, const ModelProposal* model) {
  return Turn(state, u, text, account, knowledge, model).Run();
}

Decision WhileWithPeople(const DialogueState& state, std::string_view text, const AccountFacts& account) {
  Decision d;
  d.language = state.language;
  d.next = state;
  d.redact = HasCardNumber(text);
  const Replies r(d.language);
  d.reply = r.Say("handoff_waiting");
  std::vector<std::string> merchants;
  for (const PlanFacts& p : account.plans) merchants.push_back(p.merchant);
  if (const auto named = MatchMerchant(Fold(text), merchants); named && !d.redact) {
    d.reply += ' ' + r.Say("handoff_purchase", {merchants[*named]});
  }
  return d;
}

bool LeavesRoomForModel(const DialogueState& state, const Understanding& u, std::string_view text,
                        const AccountFacts& account, const Knowledge& knowledge) {
  Turn turn(state, u, text, account, knowledge, nullptr);
  (void)turn.Run();
  return turn.model_has_room();
}

std::string Outcome(const Action& a, const Status& result, const AccountFacts& after, Language language) {
  const Replies r(language);
  if (!result.ok()) {
    if (result.code() == "payment_failed") {
      return r.Say("pay_failed", {r.Amount(a.amount_minor, a.currency), r.Say("failure_" + result.message())});
    }
    if (result.code() == "payment_pending") return r.Say("pay_pending", {r.Amount(a.amount_minor, a.currency)});
    return r.Say("action_refused", {result.message()});
  }
  const PlanFacts* p = FindPlan(after, a.plan_id);
  switch (a.type) {
    case ActionType::kPay:
    case ActionType::kPayoff:
      if (p == nullptr || !p->active) return r.Say("done_payoff", {r.Amount(a.amount_minor, a.currency), a.merchant});
      return r.Say("done_pay", {r.Amount(a.amount_minor, a.currency), a.merchant, r.Amount(p->outstanding_minor, p->currency)});
    case ActionType::kExtend: {
      Date due = after.today;
      if (p != nullptr) {
        for (const auto& i : p->unpaid) {
          if (i.number == a.installment) due = i.due;
        }
      }
      return r.Say("done_extend", {std::to_string(a.installment), a.merchant, r.Day(due)});
    }
    case ActionType::kChangeMethod: {
      // The first payment the new card will meet, so the consumer knows when it is used.
      std::vector<const PlanFacts*> active;
      for (const PlanFacts& plan : after.plans) {
        if (plan.active) active.push_back(&plan);
      }
      const PlanFacts* first = NextPaymentOf(active);
      std::string reply = r.Say("done_method", {a.last4});
      if (first != nullptr) {
        // A payment that failed and waits for its retry is overdue, not coming up.
        const InstalmentFacts& next = first->unpaid.front();
        reply += ' ' + r.Say(next.overdue ? "next_payment_overdue" : "next_payment",
                             {first->merchant, r.Amount(next.unpaid_minor, first->currency), r.Day(next.due)});
      }
      return reply;
    }
    case ActionType::kDispute:
      return r.Say("done_dispute", {a.merchant, p != nullptr && p->paused_until ? r.Day(*p->paused_until)
                                                                                  : r.Day(AddDays(after.today, 21))});
  }
  return "";
}

std::string RedactCardNumbers(std::string_view text) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    // The longest run of digits with single spaces or dashes between them.
    std::size_t j = i;
    int digits = 0;
    std::size_t last_digit_end = i;
    while (j < text.size()) {
      if (text[j] >= '0' && text[j] <= '9') {
        ++digits;
        ++j;
        last_digit_end = j;
      } else if ((text[j] == ' ' || text[j] == '-') && digits > 0 && j + 1 < text.size() && text[j + 1] >= '0' &&
                 text[j + 1] <= '9') {
        ++j;
      } else {
        break;
      }
    }
    if (digits >= 12) {
      out += "[card number removed]";
      i = last_digit_end;
    } else if (digits > 0) {
      out.append(text.substr(i, last_digit_end - i));
      i = last_digit_end;
    } else {
      out.push_back(text[i]);
      ++i;
    }
  }
  return out;
}

}  // namespace tranche::assist
