// The Read* rules of a turn (turn.h) that settle what the message is about: a report,
// an order problem, a request to pay, a delivery, a new card, the same question of
// another plan. The rules for questions of money are in turn_reading_questions.cc, for
// changes and hand-offs in turn_reading_changes.cc, and the questions they ask of a
// message in turn_asks.cc.
#include "assist/turn.h"

namespace tranche::assist::policy_detail {

namespace {
constexpr std::string_view kCancelStems[] = {"cancel", "avbry", "avbest", "annuller", "storn", "widerruf"};
}  // namespace

// "what happens to my payments if i report a problem with the order? just asking for
// now", "falls ich es melde, werden meine Zahlungen dann ausgesetzt?": what a report
// would do is asked, not the report (a hardship or a problem read in it): the pause.
// "… so I'd like to do that" held back by "just asking", "not yet", "anmäl inte".
bool Turn::HoldsTheReportBack() const {
  return HasAnyPhrase(folded_, {"just asking", "dont do anything", "don't do anything", "do not do anything",
                                "not yet", "don't report", "dont report", "noch nichts", "noch nicht melden",
                                "nichts melden", "inte än", "gör inget", "anmäl inte", "inget än"});
}

// "if I report a problem with this order, what happens to my payments?", "om jag anmäler".
bool Turn::AsksWhatAReportWouldDo() const {
  return AsksSomething(folded_) &&
         HasAnyPhrase(folded_, {"if i report", "if you report", "if i reported", "if i dispute", "if i open a dispute",
                                "if i file", "if i flag", "om jag anmäler", "om jag rapporterar", "om jag reklamerar",
                                "falls ich es melde", "falls ich das melde", "wenn ich es melde", "wenn ich das melde",
                                "falls ich melde", "wenn ich melde", "falls ich reklamiere", "wenn ich reklamiere",
                                "wenn ich ein problem melde", "falls ich ein problem melde",
                                "om jag anmäler ett problem"});
}

void Turn::ReadWhatIfReported() {
  if (text_handoff_ || !AsksSomething(folded_)) return;
  // "What happens to my instalments if I report a problem …? My package never showed up
  // … so I'd like to do that": a report read stays one, unless it is held back.
  if (IsReportIntent(reading_.intent) && !HoldsTheReportBack()) return;
  if (!AsksWhatAReportWouldDo()) return;
  Reread({"pause_payments", std::max(reading_.confidence, kMinConfidence)});
}

// A problem with an order the policy recognises itself ("arrived broken", "never
// arrived") is reported, whatever out-of-scope or hand-off reading the classifier gave
// the words around it ("so I'm not paying for broken stuff" read as hardship). Words
// that ask for people themselves ("complaint", "lawyer") still hand off.
void Turn::ReadOrderProblem() {
  const std::string& i = reading_.intent;
  // pause_payments too: asking to pause while telling of the problem is the report.
  // "the boots never arrived … Can you report it?": a report asked for in so many words,
  // whatever question the classifier read in it.
  // An extension read in it too ("I want to report a problem so I not must pay the next
  // rate before the shoes come") gives way to the report asked for.
  const bool asks_report = (!IsWriteIntent(i) || i == "extend_due_date") &&
                           HasAnyPhrase(folded_, {"report it", "report this", "report that", "can you report",
                                                  "can i report", "report a problem", "report the problem",
                                                  "report an issue", "register a problem", "register an issue",
                                                  "open the report", "open a report", "file a report", "make a report",
                                                  "log a problem",
                                                  "open a case", "open a dispute", "file a claim", "raise an issue",
                                                  "raise a dispute", "dispute it", "dispute this", "dispute that",
                                                  "dispute the order", "dispute the purchase", "flag that", "flag it",
                                                  "flag this", "put it on hold", "put them on hold",
                                                  "put the payments on hold", "put my payments on hold",
                                                  "pause the payments", "pause payments",
                                                  "pausa betalningarna", "zahlungen pausieren", "zahlungen aussetzen",
                                                  "flag the order", "flag my order", "anmäla",
                                                  "anmäl det", "anmäla det", "reklamera", "melden", "das melden",
                                                  "reklamieren"});
  // A declined checkout read on an account that has none ("the tracking said 'label
  // created' and then nothing … Is there anything you can do on your side?").
  const bool no_decline = i == "declined_checkout" && account_.declines.empty();
  // "neon arcade 1200 not me!!!": a purchase of theirs disowned, whatever limit or
  // question the classifier read in it.
  // A charge the size of a fee of theirs is the fee (ReadFeeByItsAmount), not a purchase.
  const bool disowned = !IsWriteIntent(i) && NamesOneOfTheirShops() && !NamesAFeeOfTheirsBySum() &&
                        FindDisputeReason(folded_) == std::optional<std::string>("unauthorized");
  // "the duvet cover is torn right down the seam … What can I do about the payments?"
  // read as cancelling the order, which no word of cancelling asks.
  // Stems, so that "cancellation", "avbeställa" and "storniert" count as cancelling.
  const bool cancel_read =
      i == "cancel_order" && std::none_of(std::begin(kCancelStems), std::end(kCancelStems), [&](std::string_view stem) {
        return folded_.find(stem) != std::string::npos;
      });
  const bool overridable = asks_report || no_decline || disowned || cancel_read ||
                           ReadAsOrUnsure({"oos", "hardship", "complaint", "pause_payments"});
  if (!overridable || text_handoff_) return;
  // "ok report it on the rookery books order" after the snapped poles were told of: a
  // report asked for in so many words (not a pause, not a bare "melden").
  auto reason = FindDisputeReason(folded_);
  const bool report_in_words =
      HasAnyPhrase(folded_, {"report it", "report this", "report that", "report a problem", "report the problem",
                             "open a report", "open the report", "file a report", "anmäl det", "anmäla det",
                             "anmäl ett problem", "anmäla ett problem", "melden sie ein problem",
                             "ein problem melden", "das melden", "es melden"});
  if (!reason && report_in_words && !state_.problem_told.empty()) reason = state_.problem_told;
  if (!reason) return;
  if (*reason == "not_received") {
    Reread({"dispute_not_received", kMinConfidence});
  } else if (*reason == "wrong_item" || *reason == "not_as_described") {
    Reread({"dispute_wrong_item", kMinConfidence});
  } else if (*reason == "unauthorized" && NamesOneOfTheirShops()) {
    // "wtf is this zenith electronics thing on my account, 960?? wasn't me".
    Reread({"dispute_unauthorized", kMinConfidence});
  }
}

// A question about one of the consumer's own shops among sentences of context ("I've
// got the books and the outdoor gear from Northwind. I'm doing my budget - what's the
// next Northwind payment?"): the shop's name vouches for a clause the classifier is
// less sure of than kSureClauseConfidence, when the whole message reads as out of scope.
void Turn::ReadClauseAboutTheirShop() {
  if (reading_.intent != "oos" && reading_.confidence >= kMinConfidence) return;
  if (!NamesOneOfTheirShops() || AsksOffTopic()) return;
  if (const auto* best = SureClause(u_.clauses, IsQuestionIntent, false, kShopClauseConfidence)) Reread(*best);
}

// A few intents are only what the classifier says they are when the message holds a
// word of their subject: "solve 3x + 7 = 22" is no change of contact details, "what do
// you think of investing my savings in crypto" no list of plans, and "please, he's
// really stressed" no request to delete data. Without such a word the reading is out
// of scope, at the classifier's confidence.
void Turn::ReadUngroundedIntent() {
  if (AsksForInvestmentAdvice(folded_) && reading_.intent != "affirm" && reading_.intent != "deny") {
    Reread({"oos", 1.0});
    return;
  }
  // An unsure reading is a misunderstanding already (two in a row hand off).
  if (reading_.confidence < kMinConfidence) return;
  if (HasSubjectOf(reading_.intent, folded_) && !AsksOffTopic()) return;
  reading_.intent = "oos";
  d_.intent = reading_.intent;
}

// "I'm sending the coat back, can you pause my payments until the return is sorted?":
// a return the consumer tells of, with payments to hold, is reported (a returned item
// pauses the plan 21 days), stated and run only on a yes like any report.
void Turn::ReadReturnAsReport() {
  const std::string& i = reading_.intent;
  if (i != "pause_payments" && i != "return_item") return;
  if (FindDisputeReason(folded_) != std::optional<std::string>("returned")) return;
  // "I reported the return last week - how long is the pause?" asks about one made.
  if (HasAnyPhrase(folded_, {"reported", "registered", "how long", "how many days", "when does", "anmälde",
                             "anmält", "registrerade", "hur länge", "när tar", "gemeldet", "wie lange", "wann endet"})) {
    return;
  }
  // "What happens to my payments if I return it?" asks what would happen.
  if (HasAnyPhrase(folded_, {"if", "om jag", "om man", "wenn", "falls"})) return;
  const bool hold = i == "pause_payments" ||
                    HasAnyPhrase(folded_, {"pause", "stop", "hold", "pausa", "stoppa", "pausieren", "stoppen",
                                           "aussetzen", "anhalten"});
  if (!hold) return;
  Reread({"dispute_wrong_item", std::max(reading_.confidence, kMinConfidence)});
}

// "Please charge $150 to my card for the Copperleaf Garden plan", "Ich möchte 25 $ auf
// meinen Einkauf bei Marlow Books einzahlen": a request, not a question, to put a sum of
// money on a plan of theirs, naming no card to switch to, is a payment whatever card or
// limit the classifier read in it. (A question about a sum taken is explained instead.)
//
// "Can you take $400 for it?" asks for the payment in a question's form; a question
// word ("can you tell me why you took $31?") still makes it a question. "take 400 for
// lumen": a bare number right after the verb of paying is the sum. "keep the rest as
// credit" reads as the APR to the classifier; it is the same request (an overpayment).
void Turn::ReadPaymentRequest() {
  const std::string& i = reading_.intent;
  // "I got my tax refund and want to knock $40 off the coat": money from elsewhere is
  // no refund of theirs to ask about.
  const bool windfall = i == "refund_status" &&
                        HasAnyPhrase(folded_, {"tax refund", "tax return", "skatteåterbäring", "skatteåterbäringen",
                                               "steuererstattung", "steuerrückerstattung"});
  // "I've just had my tax refund come in … I'd like to pay the next instalment on my
  // Greenleaf Home plan today": the next instalment, with no sum named.
  if (windfall && HasAnyPhrase(folded_, {"pay", "betala", "zahlen", "bezahlen"}) &&
      SpeaksOfNextInstalment(folded_) && NamesOneOfTheirShops()) {
    return Reread({"pay_now", kMinConfidence});
  }
  // "Could you just charge me 150 dollars …?" read as a yes, with nothing waiting for one.
  const bool yes_to_nothing = !state_.pending && ReadAsOrUnsure({"affirm"});
  const bool misread = windfall || yes_to_nothing ||
                       ReadAsOrUnsure({"change_payment_method", "spending_limit", "increase_limit", "apr_interest",
                                       "next_payment", "oos", "list_plans", "payment_history"});
  // "want to throw 500 bucks at my Lumen Audio balance, maybe it helps my credit?": a wish
  // to pay before the question is a request.
  const bool wishes_to_pay = std::any_of(kWordsOfPaying.begin(), kWordsOfPaying.end(), [&](std::string_view v) {
    return HasPhrase(folded_, "want to " + std::string(v)) || HasPhrase(folded_, "wanna " + std::string(v)) ||
           HasPhrase(folded_, "like to " + std::string(v));
  });
  const bool asks = AsksSomething(folded_) && !PoliteRequest() && !StatesAWish() && !wishes_to_pay;
  if (!misread || asks || FindLast4(folded_, account_.method_last4) || AsksForInvestmentAdvice(folded_)) return;
  // "the shop has already refunded the 50 dollars … pay it all off for me": the whole
  // asked for in so many words; a sum beside it is another matter (the payoff states its own).
  if (AsksToPayOff(folded_)) return;
  // "just bump my limit up to ten grand, I'll pay it" is about the limit.
  if (HasAnyPhrase(folded_, {"limit", "gräns", "köpgräns", "kreditgräns", "rahmen", "ausgaberahmen"})) return;
  // A bare number beside a verb of paying ("take 400", "the full 300 charged") is the sum.
  const auto amount = FindAmount(folded_, BareSumBesideAVerbOfPaying(folded_));
  if (!amount || !amount->minor) return;
  if (!HasAnyPhrase(folded_, kWordsOfPaying) && !HasAnyPhrase(folded_, {"catch up", "get caught up"})) return;
  // The plan last talked about, or the only one, needs no naming ("No, I really want
  // the full 300 charged").
  const bool on_a_plan = NamesOneOfTheirShops() || !state_.focus_plan.empty() || ActivePlansOrAll().size() == 1 ||
                         HasAnyPhrase(folded_, {"plan", "plans", "purchase", "order", "köp", "planer", "planerna", "pläne",
                                                "plänen", "einkauf", "kauf"});
  if (!on_a_plan) return;
  Reread({"pay_now", std::max(reading_.confidence, kMinConfidence)});
}

// "do you know when the watch will actually be delivered?", "where's my watch tho",
// "wo ist mein Paket?": where an order is, which only the merchant that ships it knows.
// A problem with it told of ("never arrived") is a report instead (ReadOrderProblem).
void Turn::ReadDeliveryQuestion() {
  if (!ReadAsOrUnsure({"oos", "payment_schedule", "next_payment", "dispute_status", "balance", "payment_history",
                       "how_it_works"}) ||
      !AsksSomething(folded_) || FindDisputeReason(folded_)) {
    return;
  }
  const bool delivery = HasAnyPhrase(folded_, {"delivered", "delivery", "parcel", "package", "shipped", "shipping",
                                               "tracking", "turn up", "levereras", "leveransen", "paketet",
                                               "geliefert", "lieferung", "paket", "sendung"});
  const bool where_mine = HasAnyPhrase(folded_, {"where's my", "wheres my", "where is my", "var är mitt",
                                                 "var är min", "wo ist mein", "wo ist meine"}) &&
                          !HasAnyPhrase(folded_, {"refund", "money", "payment", "återbetalning", "pengarna",
                                                  "erstattung", "geld", "zahlung"});
  if (!delivery && !where_mine) return;
  delivery_asked_ = true;
  Reread({"cancel_order", kMinConfidence});
}

// The message is taken as `reading` from here on, and the decision says so.
void Turn::Reread(const IntentPrediction& reading) {
  reading_ = reading;
  d_.intent = reading_.intent;
  d_.confidence = reading_.confidence;
}

// "Thanks. And the other one?", "n the other one", "Och den andra?", "What about my other
// purchase, same question": the question last answered, asked again of the other plan
// (SelectPlans picks it), whatever thanks or card the classifier read in so few words.
void Turn::ReadSameQuestionOfTheOther() {
  if (state_.last_question.empty() || state_.focus_plan.empty() || !SpeaksOfTheOtherPlan(folded_)) return;
  constexpr std::size_t kMaxWordsOfAFollowUp = 6;
  const bool same = HasAnyPhrase(folded_, {"same question", "same for", "same thing", "samma fråga", "samma sak",
                                           "gleiche frage", "dasselbe", "das gleiche"});
  if (!same && Words(folded_).size() > kMaxWordsOfAFollowUp) return;
  const bool asks_other = IsWriteIntent(reading_.intent) && reading_.confidence >= kMinConfidence &&
                          !(reading_.intent == "change_payment_method" && !FindLast4(folded_));
  if (asks_other && !same) return;
  if (IsQuestionIntent(reading_.intent) && reading_.intent != state_.last_question &&
      reading_.confidence >= kMinConfidence && !same && reading_.intent != "list_plans" &&
      reading_.intent != "balance") {
    return;
  }
  Reread({state_.last_question, std::max(reading_.confidence, kMinConfidence)});
}

// A card of the consumer's own named by its last four digits ("It's the Visa ending in
// 8817"), in a message read as out of scope or unsure, is the card to switch to; the
// switch is stated and runs only on a yes like any change.
void Turn::ReadNewCard() {
  const std::string& i = reading_.intent;
  const bool unsure = ReadAsOrUnsure({"oos"});
  // "the new one ends in 5521": a card's last digits, where no phone or email is spoken of.
  const bool contact = HasAnyPhrase(folded_, {"phone", "number", "email", "e-mail", "address", "mobile", "telefon",
                                              "nummer", "e-post", "adress", "adresse", "handy"});
  const bool digits_of_a_card =
      !contact && HasAnyPhrase(folded_, {"ends in", "ending in", "ends with", "last four", "last 4", "slutar på",
                                         "sista fyra", "endet auf", "endung", "letzten vier"});
  const bool names_a_card = MentionsPaymentMethod(folded_) || HasAnyPhrase(folded_, {"visa", "mastercard", "amex"}) ||
                            digits_of_a_card;
  // "my bank sent me a replacement visa, last four are 7316 — put that on my account
  // before the next payment": a new card of theirs, read as the payment it is for.
  // "can u swap to my new one ending 6158? and when r u gonna retry", "Kan ni byta till
  // det kortet … när görs ett nytt försök": a switch asked for beside the failure.
  // "… I really don't want to miss a payment, so I'd like to switch over to the new
  // card. It ends in 7752.": no extension where none is named.
  // "… it got declined at the supermarket … I've already added the new card, it ends in
  // 8815. Can my payments come off that one from now on?": no declined checkout of theirs.
  // "card expired. use the new one 7731 for autopay": read as how autopay works.
  const bool read_as_other = i == "next_payment" || i == "payment_failed" || i == "balance" ||
                             i == "pause_payments" || i == "declined_checkout" || i == "autopay" ||
                             (i == "update_contact_details" && digits_of_a_card) || i == "dispute_status" ||
                             (i == "extend_due_date" && !NamesAnExtension(folded_) &&
                              !HasAnyPhrase(folded_, {"push", "more time", "postpone", "delay", "move the", "later",
                                                      "days", "weeks", "skjuta", "senare", "mer tid", "dagar",
                                                      "veckor", "verschieb", "später", "mehr zeit", "tage",
                                                      "wochen"}));
  // "I've added my new Visa ending 8812 in the app. Can you make that the card you charge
  // from now on?": the charges to come, not one now.
  // "Why did my payment fail yesterday? And can you use the card ending 7731 from now
  // on?": the same beside the failure.
  const bool from_now_on = (i == "pay_now" || read_as_other) &&
                           HasAnyPhrase(folded_, {"from now on", "going forward", "in future", "in the future",
                                                  "future payments", "from here on", "framöver",
                                                  "från och med nu", "ab jetzt", "künftig", "in zukunft"});
  const bool replaced = from_now_on || (read_as_other &&
                        HasAnyPhrase(folded_, {"replacement card", "replacement visa", "replacement debit",
                                               "replacement mastercard", "new card", "new visa", "new debit",
                                               "new mastercard", "new one", "swap to", "switch to", "the new card",
                                               "put that one on", "use that one",
                                               "ersättningskort",
                                               "nytt kort", "nya kort", "byta till", "neue karte", "neuen karte",
                                               "ersatzkarte", "umstellen"}));
  if ((!unsure && !replaced) || !names_a_card) return;
  const auto last4 = FindLast4(folded_, account_.method_last4);
  if (!last4 || *last4 == account_.method_last4) return;
  Reread({"change_payment_method", kMinConfidence});
}

// "Hur ändrar jag min e-postadress?", "how do I update my phone number?", read as out of
// scope: how to change their own contact details, which the account's settings do.
void Turn::ReadContactDetailsChange() {
  if (!ReadAsOrUnsure({"oos"}) || !AsksSomething(folded_) || MentionsSomeoneElse(folded_)) return;
  // "Someone is trying to change my email … I got a code I didn't ask for", "a text saying
  // I must update my phone number via a link": a warning, not a change of their own.
  if (HasAnyPhrase(folded_, {"someone", "somebody", "code", "link", "text saying", "sms", "not me", "didn't ask",
                             "någon", "kod", "länk", "jemand", "link", "nicht ich"})) {
    return;
  }
  const bool themselves = HasAnyPhrase(folded_, {"how do i", "how can i", "how to", "can i", "where do i", "where can i",
                                                 "hur ändrar jag", "hur byter jag", "hur kan jag", "hur uppdaterar jag",
                                                 "var ändrar jag", "kan jag", "wie ändere ich", "wie kann ich",
                                                 "wo ändere ich", "kann ich"});
  if (!themselves) return;
  const bool details = HasAnyPhrase(folded_, {"email", "e-mail", "email address", "e-postadress", "e-post", "mejl",
                                              "mailadress", "e-mail-adresse", "phone number", "telefonnummer",
                                              "mobilnummer", "handynummer"});
  const bool change = HasAnyPhrase(folded_, {"change", "update", "ändra", "ändrar", "byta", "byter", "uppdatera",
                                             "ändern", "ändere", "aktualisieren", "wechseln"});
  if (details && change) Reread({"update_contact_details", std::max(reading_.confidence, kMinConfidence)});
}

}  // namespace tranche::assist::policy_detail
