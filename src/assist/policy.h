// The assistant's policy (pure): what to say and do for one consumer message, given what
// understanding made of it, the conversation so far and the consumer's own account.
// Enforced here in code, outside any model:
//   - only the logged-in consumer's account is ever read or changed (the facts given);
//   - a change is first stated exactly (amount, date, card, plan) and runs only on an
//     explicit yes in the very next message; a no, or anything else, changes nothing;
//   - what the rules forbid is refused with the reason: a second extension, more than
//     14 days, paying more than is owed, someone else's card;
//   - fee waivers, hardship, account closure, data deletion, bereavement, complaints,
//     legal threats, reported fraud, two misunderstood messages in a row, or asking for
//     a person hand the conversation to people;
//   - claims of staff authority and instructions embedded in messages are refused and
//     never unlock anything; full card numbers are never repeated or stored.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "assist/account.h"
#include "assist/knowledge.h"
#include "assist/model_proposal.h"
#include "assist/understanding.h"
#include "core/status.h"

namespace tranche::assist {

// Below this confidence a message counts as not understood (unless the policy's own
// rules recognise it); two in a row hand off.
inline constexpr double kMinConfidence = 0.35;
inline constexpr int kMisunderstandingsBeforeHandoff = 2;

enum class ActionType : std::uint8_t { kPay, kPayoff, kExtend, kChangeMethod, kDispute };
std::string_view ActionTypeName(ActionType t);  // payment, payoff, extension, payment_method, dispute
std::optional<ActionType> ParseActionType(std::string_view name);

// A change to the account, stated to the consumer before it runs.
struct Action {
  ActionType type = ActionType::kPay;
  std::string plan_id;
  std::string order_id;
  std::string merchant;
  Currency currency = Currency::kUSD;
  std::int64_t amount_minor = 0;  // pay, payoff
  int installment = 0;            // extend
  int days = 0;                   // extend
  std::string last4 = {};         // change of payment method
  std::string method_type = "card";
  std::string reason = {};        // dispute
  friend bool operator==(const Action&, const Action&) = default;
};

enum class HandoffReason : std::uint8_t {
  kRequested, kFeeWaiver, kHardship, kCloseAccount, kDeleteData, kBereavement, kComplaint, kLegalThreat,
  kFraud, kMisunderstanding
};
std::string_view HandoffReasonName(HandoffReason r);

// What the conversation carries from one message to the next.
struct DialogueState {
  Language language = Language::kEnglish;
  bool language_known = false;
  int low_confidence_streak = 0;
  std::optional<Action> pending = {};  // stated, waiting for a yes
  std::string awaiting_intent;         // a question was asked to complete this intent
  std::int64_t awaiting_amount_minor = 0;  // the sum named with it ("pay 30 bucks off one of my plans")
  std::string focus_plan;              // the plan last talked about
  bool refused_someone_else = false;   // the last reply declined to speak of another's account
  bool refused_by_rule = false;        // the last reply refused what the rules forbid
  bool refused_others_card = false;    // the last reply refused a card in someone else's name
  // The question the last reply answered ("and the other one?" asks it of the other plan).
  std::string last_question;
  // The plan in focus was reached as "the other one": said again, it is the same plan.
  bool focus_is_the_other = false;
  // A problem with goods told of and not reported yet ("not_received", "wrong_item"):
  // "ok report it on the rookery books order" reports it.
  std::string problem_told;
};

struct Understanding {
  IntentPrediction prediction;
  Language language = Language::kEnglish;
  double language_confidence = 1.0;  // the detector's probability for `language`
  // Each clause's reading when the message has two or more (assist/clauses.h): a
  // further question in it is answered too, and an in-scope clause read with
  // kSureClauseConfidence stands for a whole message read as out of scope or unsure.
  std::vector<IntentPrediction> clauses = {};
};

// A clause's reading counts only with at least this confidence: a clause is short, and
// a wrong extra answer costs more than a missing one (the consumer can ask again).
inline constexpr double kSureClauseConfidence = 0.6;
// A question clause in a message that names one of the consumer's own shops, when the
// message as a whole reads as out of scope, stands for it from this confidence.
inline constexpr double kShopClauseConfidence = 0.45;
// At most this many further questions of one message are answered.
inline constexpr std::size_t kMaxFurtherAnswers = 2;

// Below this a language guess does not overrule the conversation's language (nor, on a
// first message, English): the
// detector's wrong guesses on questions outside the BNPL vocabulary ("Should I buy Tesla
// stock?" read as Swedish at 0.74) sit under it, and a consumer changes language
// mid-conversation in whole sentences, which it reads with more confidence.
inline constexpr double kSureLanguageConfidence = 0.8;

struct Decision {
  std::string reply;
  Language language = Language::kEnglish;
  std::string intent;  // what the message was taken as
  double confidence = 0;
  std::optional<Action> execute = {};   // confirmed now: the shell runs it, then asks Outcome
  std::optional<Action> proposed = {};  // stated now, runs only on a yes next
  std::vector<std::string> refusals;    // rule codes refused this turn
  std::optional<HandoffReason> handoff = {};
  bool redact = false;  // the message held a card number: store it redacted
  DialogueState next;
};

// The language to answer `text` in: the one it was written in, except that a short
// message ("ok", "ja") or one the detector is unsure of keeps the conversation's, and an
// unsure first message is answered in English.
Language ReplyLanguage(const DialogueState& state, const Understanding& u, std::string_view text);

// `model`, when given, is what a language model proposed for this message. It is
// followed only where the rules above leave room: never past a card number, a claim of
// staff authority, embedded instructions, someone else's data, a pending change's yes or
// no, or a hand-off the message itself calls for. Its tool calls go through the same
// checks as the built-in understanding's (a plan must be the consumer's own; amounts,
// days and extensions within the rules), its changes are stated in the policy's own
// words and wait for a yes, and its free replies are shown with card numbers redacted.
// An empty proposal, or a call to a tool or topic the policy does not know, leaves the
// message to the built-in understanding.
Decision Decide(const DialogueState& state, const Understanding& u, std::string_view text, const AccountFacts& account,
                const Knowledge& knowledge, const ModelProposal* model = nullptr);

// The reply while people have the conversation (handed off or claimed): nothing
// automatic, only that a colleague will reply, and, when the message names a purchase of
// the consumer's, that they will look at it ("the greyday electronics one, not mine"
// after "fraud on my account"), so the consumer knows it was heard.
Decision WhileWithPeople(const DialogueState& state, std::string_view text, const AccountFacts& account);

// Whether Decide would follow a model's proposal for this message at all: false past the
// guards and for a pending change's yes or no, so the shell asks a model only when its
// answer can matter (a round trip costs far more than deciding twice).
bool LeavesRoomForModel(const DialogueState& state, const Understanding& u, std::string_view text,
                        const AccountFacts& account, const Knowledge& knowledge);

// The reply once the shell ran `action`: `result` is its outcome, `after` the account
// after it.
std::string Outcome(const Action& action, const Status& result, const AccountFacts& after, Language language);

// `text` with every card number replaced, for storing and showing.
std::string RedactCardNumbers(std::string_view text);

}  // namespace tranche::assist
