// One consumer message's turn through the policy (policy.h): the class behind Decide and
// LeavesRoomForModel, and the helpers its parts share. Private to the policy: included
// only by policy.cc and the turn*.cc files, which hold the class's parts:
//   turn.cc          the flow of a turn (Run), hand-offs, following a model's proposal;
//   turn_reading.cc, turn_reading_questions.cc, turn_reading_changes.cc
//                    the Read* rules that correct or complete the classifier's reading
//                    from the message's own words: what the message is about, questions
//                    of money, changes and hand-offs;
//   turn_asks.cc     the questions those rules ask of the message and the account;
//   turn_plans.cc    which of the consumer's plans a message speaks of;
//   turn_answers.cc  the answers to questions, from the account and the documents;
//   turn_changes.cc  the changes a turn states for a yes (pay, pay off, extend, a card,
//                    a dispute) and the refusals of what the rules forbid.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "assist/cues.h"
#include "assist/policy.h"
#include "assist/replies.h"
#include "assist/slots.h"
#include "assist/text.h"

namespace tranche::assist::policy_detail {

// The recognisers of cues.h are the vocabulary every rule of the policy is written in.
using namespace cues;

std::optional<HandoffReason> HandoffFromIntent(std::string_view intent);

std::string_view HandoffIntro(HandoffReason r);

// A problem with an order reported: each opens a dispute.
bool IsReportIntent(std::string_view i);

bool IsWriteIntent(std::string_view i);

// Questions answered from the account or the policy documents alone: several of them can
// be answered in one reply without changing anything.
bool IsQuestionIntent(std::string_view i);

// The clause read with the most confidence, at least `min_confidence`, among those
// `wanted` accepts; null when there is none. `first`: the earliest such clause instead.
template <typename Wanted>
const IntentPrediction* SureClause(const std::vector<IntentPrediction>& clauses, Wanted wanted, bool first = false,
                                   double min_confidence = kSureClauseConfidence) {
  const IntentPrediction* best = nullptr;
  for (const IntentPrediction& c : clauses) {
    if (!wanted(c.intent) || c.confidence < min_confidence) continue;
    if (first) return &c;
    if (best == nullptr || c.confidence > best->confidence) best = &c;
  }
  return best;
}

// The reading a message is taken as: the whole message's, or, when that is out of scope
// or unsure, its surest clause read as a question with kSureClauseConfidence: a question
// among sentences of context ("I've lost track with three purchases ... what do I owe
// altogether?") reads as out of scope as a whole.
IntentPrediction MessageReading(const Understanding& u);

const PlanFacts* FindPlan(const AccountFacts& a, const std::string& id);

std::optional<HandoffReason> ParseHandoffReason(std::string_view name);

// The intent a model's tool call stands for; empty when the policy does not know it.
std::string IntentOfCall(const ToolCall& call);

// A model's free reply as it may be shown: card numbers redacted, at most
// kMaxModelReplyBytes, cut at a character boundary.
std::string ModelReply(std::string_view reply);

// Whether the message holds a word of the intent's subject, for the intents a classifier
// is overconfident about on messages of other subjects (Turn::ReadUngroundedIntent);
// true for every other intent. (Limits and hardship are asked about in too many ways —
// "how high can my order be", "my hours got cut" — for a list of words to vouch for them.)
bool HasSubjectOf(std::string_view intent, std::string_view s);

// Of `plans`, the one whose next unpaid instalment is due first, if any is unpaid.
const PlanFacts* NextPaymentOf(const std::vector<const PlanFacts*>& plans);

// The report of an order problem asked for instead of a waiting payment ("the speaker
// still hasn't arrived … can I report it instead?"): its reading, when the message tells
// of the problem and asks to report or flag it.
std::optional<std::string> ReportInstead(std::string_view s);
// The report intent of a problem with goods ("not_received" → "dispute_not_received",
// "wrong_item" and "not_as_described" → "dispute_wrong_item").
std::string ReportIntentOf(std::string_view reason);
// Whether a dispute reason is a problem with goods a report covers ("not_received",
// "wrong_item", "not_as_described"), not a purchase disowned or goods sent back.
bool IsAProblemWithGoods(std::string_view reason);
// Whether the plan has a reported problem still open (its pause is a report's).
bool HasOpenReport(const PlanFacts& p);

class Turn {
 public:
  Turn(const DialogueState& state, const Understanding& u, std::string_view text, const AccountFacts& account,
       const assist::Knowledge& knowledge, const ModelProposal* model);
  // Whether the last Run reached the point where a model's proposal is followed.
  bool model_has_room() const { return model_has_room_; }
  Decision Run();

 private:
  // ---- turn.cc: the stages of Run, in order ----
  void ReadTheMessage();
  std::optional<Decision> GuardTheAccount();
  // The guards of GuardTheAccount, in its order.
  std::optional<Decision> RefuseACardNumber();
  void BlockWritesOnAClaimOrInstructions();
  std::optional<Decision> RefuseAResplit();
  std::optional<Decision> HandOverABereavement();
  std::optional<Decision> RefuseAnothersPlan();
  std::optional<Decision> RefuseAnothersCard();
  std::optional<Decision> RefuseAnothersAccount();
  std::optional<Decision> RefuseAnothersCardForTheWaitingChange();
  std::optional<Decision> ResolveTheWaitingChange();
  // What a message says to the change waiting for its yes (ReadTheAnswer).
  struct WaitingAnswer {
    bool holds_off = false;  // "before you do anything, tell me …": no yes yet
    bool yes = false;        // a yes, or the waiting terms taken in so many words
    bool plain_yes = false;  // a yes that asks nothing else
    bool pays = false;       // the change waiting is a payment or a payoff
  };
  WaitingAnswer ReadTheAnswer() const;
  std::optional<Decision> RunOnAYes(const WaitingAnswer& answer);
  std::optional<Decision> AnswerWhileItWaits(const WaitingAnswer& answer);
  // The answers of AnswerWhileItWaits, in the order it tries them (the waiting
  // extension's two rules come first; they and the report's exclude each other).
  std::optional<Decision> AnswerOfTheWaitingExtension(const WaitingAnswer& answer);
  std::optional<Decision> KeepTheReportWaiting(const WaitingAnswer& answer);
  std::optional<Decision> AnswerOfTheWaitingPayment(const WaitingAnswer& answer);
  std::optional<Decision> AnswerAQuestionWhileItWaits(const WaitingAnswer& answer);
  std::optional<Decision> DropTheWaitingChange(const WaitingAnswer& answer);
  std::optional<Decision> RefuseOrHandOver();
  Decision Respond();
  // ---- turn_reading.cc: what the message is about ----
  void ReadOrderProblem();
  void ReadWhatIfReported();
  void ReadClauseAboutTheirShop();
  void ReadUngroundedIntent();
  void ReadReturnAsReport();
  void ReadPaymentRequest();
  void ReadDeliveryQuestion();
  void Reread(const IntentPrediction& reading);
  void ReadSameQuestionOfTheOther();
  void ReadNewCard();
  void ReadContactDetailsChange();
  // ---- turn_reading_questions.cc: questions of money ----
  void ReadBalanceOfEach();
  void ReadBalanceOfAShop();
  void ReadBalanceByName();
  void ReadRoomToSpend();
  void ReadLimitByName();
  void ReadSumToKeepAsCredit();
  void ReadChargeNotAFee();
  void ReadFeeByItsAmount();
  void ReadPausedPlanAskedAfter();
  void ReadQuestionNotPayment();
  void ReadPayoffWords();
  void ReadClosingAPlan();
  void ReadPartNotPayoff();
  void ReadRefundQuestion();
  void ReadRateQuestion();
  void ReadFailedPayment();
  void ReadWhichPurchaseBySuperlative();
  void ReadHowOftenCharged();
  void ReadWhatIsComingUp();
  void ReadHowItWorks();
  void ReadAChargeAskedAfter();
  void ReadMissingAPayment();
  void ReadInstalmentsWorth();
  void ReadRetryQuestion();
  void ReadFeesQuestion();
  void ReadUnevenSplit();
  void ReadPaymentNotExtension();
  // ---- turn_reading_changes.cc: changes and hand-offs ----
  void ReadGreetingThatAsks();
  void ReadDeclineWords();
  void ReadPayNowRequest();
  void ReadPayingEarly();
  void ReadMoreTime();
  void ReadFeeWaiverWithoutAFee();
  void ReadHardshipNoClauseTells();
  Decision WaiverNotOnTheAccount();
  void ReadLegalThreatWithoutTheLaw();
  void ReadPayingDeclined();
  void ReadPayingTheFee();
  void ReadWaiverAsked();
  bool ReadRevisedChange();
  bool TakesTheWaitingTerms(std::string_view s) const;
  // ---- turn_asks.cc: the questions the Read* rules ask ----
  bool AsksOffTopic() const;
  bool StatesAWish() const;
  bool PoliteRequest() const;
  bool ReadAsOrUnsure(std::initializer_list<std::string_view> intents) const;
  bool HasAFailure() const;
  bool HasAFeeUnpaid() const;  // a late fee charged and not yet paid, on any plan
  bool NamesAFeeOfTheirsBySum() const;  // "a seven dollar charge": the sum of a late fee unpaid
  bool TellsOfTheirOwnPurchase() const;
  bool AsksAfterAnothersAccount() const;
  bool AsksTheirOwnDueDate() const;
  bool AsksWhatTheyOwe() const;
  bool NamesOneOfTheirShops() const;
  bool AsksToPayInstead() const;
  bool NamesAnotherPlanInstead(const Action& a) const;
  bool NamesAnotherShopAlone(const Action& a) const;
  static bool AsksWhyTheSum(std::string_view s);
  static bool AsksWhatItTakes(std::string_view s);
  bool AboutTheWaitingChange(const Action& a) const;
  bool NamesABankAccount() const;
  static bool AsksOfAFee(std::string_view s);
  static bool NamesAnExtension(std::string_view s);
  static std::optional<Date> NextDue(const PlanFacts& p);
  std::optional<int> NamedExtensionDays(std::optional<Date> due) const;
  template <typename Names, typename MoneyWords>
  bool SomeoneElseBesideMoney(const Names& names, const MoneyWords& money) const;
  // ---- turn.cc: the intent read, questions answered beside, replies, hand-offs, a model's proposal ----
  std::string Intent() const;
  void AnswerFurtherQuestions(const std::string& answered);
  void AnswerBesideAChange(const std::string& intent);
  std::vector<std::string> AskedBeside(const std::string& answered) const;
  // The parts of AskedBeside, in its order; each appends to out.
  void AskedBesideOfTheRateOrTheNextPayment(const std::string& answered, std::vector<std::string>& out) const;
  void AskedBesideOfACharge(const std::string& answered, std::vector<std::string>& out) const;
  void AskedBesideOfWhatIsOwed(const std::string& answered, std::vector<std::string>& out) const;
  void AskedBesideOfAFailureOrAFee(const std::string& answered, std::vector<std::string>& out) const;
  void AskedBesideOfARefund(std::vector<std::string>& out) const;
  bool SpeaksOfTheirFailureInOtherWords() const;
  bool Understood() const;
  bool ResumesAwaited() const;
  void Say(std::string_view id, std::initializer_list<std::string> args = {}) { Add(r_.Say(id, args)); }
  void Add(const std::string& sentence);
  std::string Money(std::int64_t minor, Currency c) const { return r_.Amount(minor, c); }
  std::string Money(std::int64_t minor) const { return r_.Amount(minor, account_.currency); }
  Decision Handoff(HandoffReason reason);
  void HandOver(HandoffReason reason, const PlanFacts* purchase);
  const PlanFacts* PlanBoughtOn(Date day) const;
  const PlanFacts* TheOnePlanOfTheProductNamed() const;
  void AnswerWhatTheyOweBeforeHandingOver(HandoffReason reason);
  Decision Finish();
  std::optional<Decision> FollowModel();
  const PlanFacts* ModelPlan() const;
  // ---- turn_plans.cc ----
  std::vector<const PlanFacts*> ActivePlansOrAll() const;
  static std::vector<std::string> MerchantNames(const std::vector<const PlanFacts*>& plans);
  std::vector<std::string> PlanLabels(const std::vector<const PlanFacts*>& plans) const;
  const PlanFacts* PlanOfTheSumNamed(const std::vector<const PlanFacts*>& plans) const;
  bool SpeaksOfPayments() const;
  const PlanFacts* PlanBySuperlative(const std::vector<const PlanFacts*>& candidates) const;
  static std::optional<std::size_t> NamedAlone(std::string_view t, const std::vector<std::string>& names);
  // The things the message tells of beside one shop ("I bought a pram for my grandson from
  // Little Acorn, and a couple of books from Page & Quill"): a piece of it (cut at
  // sentences and commas) that names one of `names` alone lends that shop its longer
  // words; a word told of beside two shops maps to none.
  using ShopOfWord = std::map<std::string, std::optional<std::size_t>>;
  ShopOfWord ShopsOfThingsTold(const std::vector<std::string>& names) const;
  static std::optional<std::size_t> MerchantOfSentence(std::string_view sentence, const std::vector<std::string>& names,
                                                       const ShopOfWord& told);
  template <typename Speaks>
  const PlanFacts* PlanOfTheSentences(const std::vector<const PlanFacts*>& candidates, const Speaks& speaks) const;
  const PlanFacts* PlanOfTheAskingSentence(const std::vector<const PlanFacts*>& candidates) const;
  std::vector<const PlanFacts*> SelectPlans(bool active_only) const;
  const PlanFacts* OnePlanFor(const std::string& intent);
  void Focus(const std::vector<const PlanFacts*>& plans);
  // ---- turn_answers.cc ----
  void Answer(const std::string& intent);
  void ExplainUnevenSplit();
  void NextPayment();
  void Balance(bool all);
  void Schedule();
  const PlanFacts* PlanPaidAsTold() const;
  void History();
  std::string FailureText(const std::string& code) const;
  std::string MethodWord(const std::string& type) const;
  void Failed();
  void Autopay();
  void Refunds();
  void MerchantMatters();
  void LateFees();
  bool ExplainPaidAmount(bool bare_ok = false);
  std::vector<const PlanFacts*> AllPlans() const;
  bool ExplainsAChargeOfTheirOwn();
  void ExplainUnrecognisedCharge();
  void SayLastPayment(const PlanFacts& p);
  std::string DisputeReasonText(const std::string& reason) const { return r_.Say("reason_" + reason); }
  void DisputeStatus();
  void SayPaused(const PlanFacts& p);
  bool HoldsTheReportBack() const;
  bool AsksWhatAReportWouldDo() const;
  void OfferTheReportAskedAbout(const std::string& answered);
  void SayTheFeesInTheSum(const PlanFacts& p);  // precondition: p.fees_unpaid_minor > 0
  bool PauseSaid(const PlanFacts& p) const;  // SayPaused or Pauses said it this turn
  bool AsksAfterTheFailure() const;  // why a collection failed, or its retry
  bool TellsOfAChargeTaken(std::string_view s) const;
  std::vector<const PlanFacts*> PlansAskedAfter(const std::vector<const PlanFacts*>& candidates) const;
  std::vector<const PlanFacts*> PlansOfTwoShopsAskedAfter(const std::vector<const PlanFacts*>& candidates) const;
  void SayPausesOfPlansNamed();
  void Pauses();
  void Declines();
  std::vector<std::string> DeclineReasons(const DeclineFacts& d) const;
  void Limit(bool asked_to_change);
  void Apr();
  bool SpeaksOfPayingOffEarly() const;
  void Knowledge(const std::string& intent);
  // ---- turn_changes.cc ----
  void Propose(Action a);
  bool SpeaksOfPaying() const;
  std::optional<std::int64_t> NamedAmount() const;
  const PlanFacts* PlanToPay(const std::string& intent);
  void Pay();
  void ExplainARefund(const PlanFacts& p);
  void RefuseOverpayment(const PlanFacts& p, std::int64_t amount_minor);
  void RefuseASumOverWhatIsOwed();
  std::string WithoutCardDigits(std::string text, bool card_in_view) const;
  void Payoff();
  bool OffersToPayInstead() const;
  void Extend();
  std::optional<const PlanFacts*> OneOfSeveralToExtend();
  bool StateExtension(const Action& a);
  void ChangeMethod();
  const PlanFacts* ReportedAlready(const std::string& reason) const;
  void Dispute(const std::string& intent);

  const DialogueState& state_;
  const Understanding& u_;
  IntentPrediction reading_;  // MessageReading(u_), then ReadOrderProblem
  const std::string folded_;
  const std::optional<HandoffReason> text_handoff_;  // HandoffFromText(folded_)
  const AccountFacts& account_;
  const std::optional<Date> named_date_;  // FindDate(folded_, account_.today)
  const std::optional<std::string> negated_;         // NegatedClause(folded_)
  const std::string told_;                           // WithoutJointSubjects(folded_)
  const std::optional<std::string> report_instead_;  // ReportInstead(folded_)
  const assist::Knowledge& knowledge_;
  bool model_has_room_ = false;
  const ModelProposal* model_;      // null: the built-in understanding alone
  bool each_plan_ = false;          // ReadBalanceOfEach: the balance of every plan was asked
  bool uneven_split_ = false;       // ReadUnevenSplit: why the first instalment differs was asked
  bool delivery_asked_ = false;     // ReadDeliveryQuestion: where an order is was asked
  std::int64_t awaited_amount_minor_ = 0;  // the sum named before "which purchase?" was answered
  const ToolCall* call_ = nullptr;  // the model's call being followed, when there is one
  const Replies r_;
  Decision d_;
  bool writes_blocked_ = false;
  std::vector<std::string> pauses_said_;  // plan ids whose pause this turn's reply states
};

// Whether someone else (`names` finds them) is spoken of beside money words (`money`).
// A short message is read whole. A long one tells of people in passing ("My partner and
// I sat down with a spreadsheet", "(my son is very tall) … I saw the email"): there a
// sentence must name them beside the money words, or, once the message has named them,
// speak of them as "he" or "she" beside them ("My ex financed our sofa. Could you check
// whether her payments are up to date?").
template <typename Names, typename MoneyWords>
bool Turn::SomeoneElseBesideMoney(const Names& names, const MoneyWords& money) const {
  constexpr std::size_t kWordsOfAShortMessage = 30;
  if (Words(folded_).size() <= kWordsOfAShortMessage) return names(folded_) && money(folded_);
  if (!names(folded_)) return false;
  const std::vector<std::string_view> sentences = Sentences(told_);
  // "er" is "he" in German and "you" in Swedish.
  const bool german = r_.language() == Language::kGerman;
  return std::any_of(sentences.begin(), sentences.end(), [&](std::string_view t) {
    const bool someone = names(t) || (german && HasPhrase(t, "er")) ||
                         HasAnyPhrase(t, {"he", "she", "his", "her", "hers", "seine", "seinen", "seiner", "ihre",
                                          "ihren", "ihrer", "han", "hon", "hans", "hennes"});
    return someone && money(t);
  });
}

// The plan of the one shop the sentences that `speaks` accepts name (MerchantOfSentence),
// among `candidates`; null when they name none or several.
template <typename Speaks>
const PlanFacts* Turn::PlanOfTheSentences(const std::vector<const PlanFacts*>& candidates, const Speaks& speaks) const {
  const std::vector<std::string> names = MerchantNames(candidates);
  const ShopOfWord told = ShopsOfThingsTold(names);  // once per message, not per sentence
  std::optional<std::size_t> asked;
  for (std::string_view t : Sentences(folded_)) {
    if (!speaks(t)) continue;
    const auto k = MerchantOfSentence(t, names, told);
    if (!k || (asked && *asked != *k)) return nullptr;
    asked = k;
  }
  return asked ? candidates[*asked] : nullptr;
}

}  // namespace tranche::assist::policy_detail
