// The Read* rules of a turn (turn.h): where the message's own words correct or complete
// what the classifier read, and the questions those rules ask of the message.
#include "assist/turn.h"

#include "lending/schedule.h"
#include "servicing/servicing.h"

namespace tranche::assist::policy_detail {

// "what happens to my payments if i report a problem with the order? just asking for
// now", "falls ich es melde, werden meine Zahlungen dann ausgesetzt?": what a report
// would do is asked, not the report (a hardship or a problem read in it): the pause.
void Turn::ReadWhatIfReported() {
  if (text_handoff_ || !AsksSomething(folded_)) return;
  // "What happens to my instalments if I report a problem …? My package never showed up
  // … so I'd like to do that": a report read stays one, unless it is held back.
  const bool held_back = HasAnyPhrase(folded_, {"just asking", "dont do anything", "don't do anything",
                                                "do not do anything", "not yet", "don't report", "dont report",
                                                "noch nichts", "noch nicht melden", "nichts melden", "inte än",
                                                "gör inget", "anmäl inte", "inget än"});
  if (IsReportIntent(reading_.intent) && !held_back) return;
  if (!HasAnyPhrase(folded_, {"if i report", "if you report", "if i reported", "if i dispute", "if i open a dispute",
                              "if i file", "if i flag", "om jag anmäler", "om jag rapporterar", "om jag reklamerar",
                              "falls ich es melde", "falls ich das melde", "wenn ich es melde", "wenn ich das melde",
                              "falls ich melde", "wenn ich melde", "falls ich reklamiere", "wenn ich reklamiere"})) {
    return;
  }
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
  const bool disowned = !IsWriteIntent(i) && NamesOneOfTheirShops() &&
                        FindDisputeReason(folded_) == std::optional<std::string>("unauthorized");
  const bool overridable = asks_report || no_decline || disowned ||
                           ReadAsOrUnsure({"oos", "hardship", "complaint", "pause_payments"});
  if (!overridable || text_handoff_) return;
  const auto reason = FindDisputeReason(folded_);
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

// An off-topic subject with no word of money, no sum and none of their shops: nothing
// in it is about the account, whatever account question the classifier read in it.
bool Turn::AsksOffTopic() const {
  // A yes or no to a waiting change is an answer, whatever else the message says.
  if (reading_.intent == "affirm" || reading_.intent == "deny") return false;
  if (!HasOffTopicSubject(folded_)) return false;
  // "My new stand mixer from Whisk & Co arrived, paid for with tranche … Could you walk me
  // through a good recipe?": the off-topic thing asked for, with the purchase as its
  // story and nothing asked about the account.
  const bool asks_for_it = HasAnyPhrase(folded_, {"could you", "can you", "would you", "give me", "walk me through",
                                                  "write me", "können sie", "kannst du", "geben sie", "gib mir",
                                                  "kan du", "kan ni", "ge mig"});
  const bool asks_of_the_account =
      HasAnyPhrase(folded_, {"owe", "balance", "due", "next payment", "instalment", "installment", "refund", "fee",
                             "limit", "interest", "apr", "skyldig", "saldo", "förfaller", "avgift", "ränta", "rate",
                             "schulde", "fällig", "gebühr", "zinsen", "erstattung", "återbetalning"});
  if (asks_for_it && !asks_of_the_account) return true;
  return !SpeaksOfMoneyOwed(folded_) && !NamesOneOfTheirShops() && !FindAmount(folded_, false).has_value();
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
  const std::vector<std::string> words = Words(folded_);
  // A bare number beside a verb of paying ("take 400", "the full 300 charged") is the sum.
  const auto bare_beside_verb = [&] {
    const auto is_verb = [&](std::size_t k) {
      return k < words.size() && In(words[k], kWordsOfPaying);
    };
    for (std::size_t k = 0; k < words.size(); ++k) {
      const bool digits = !words[k].empty() && std::all_of(words[k].begin(), words[k].end(), IsDigitByte);
      if (!digits && !IsNumberWord(words[k])) continue;
      // "charge my card five hundred": a number word may stand three words after the verb.
      const bool near = (k >= 1 && is_verb(k - 1)) || (k >= 2 && is_verb(k - 2)) || is_verb(k + 1) ||
                        (!digits && k >= 3 && is_verb(k - 3));
      if (near) return true;
    }
    return false;
  };
  const auto amount = FindAmount(folded_, bare_beside_verb());
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

// "i want to knock a hundred dollars off what i owe": a wish stated without a question
// mark is a request, whatever question word ("what i owe") its clauses hold.
bool Turn::StatesAWish() const {
  // "I think it's the tent from Nordlis? ... I'd like to catch up": the wish after the
  // last question mark is what the message ends on.
  const std::size_t asked = folded_.rfind('?');
  const std::string_view after = asked == std::string::npos ? std::string_view(folded_)
                                                            : std::string_view(folded_).substr(asked + 1);
  return HasAnyPhrase(after, {"i want to", "i wanna", "i'd like to", "id like to", "i would like to", "i need to",
                                "let me", "jag vill", "jag skulle vilja", "ich möchte", "ich will", "ich würde gern",
                                "ich würde gerne"});
}

// "Can you take $40 for the coat?": asked, but a request, not a question.
bool Turn::PoliteRequest() const {
  return HasAnyPhrase(folded_, {"can you", "could you", "can u", "would you", "will you", "kan ni", "kan du",
                                "skulle ni", "skulle du", "könnt ihr", "können sie", "kannst du", "könnten sie"}) &&
         !HasQuestionWord(folded_);
}

// "balances pls, all my plans", "what's the remaining balance on each one?", "Wie viel
// muss ich bei meinen einzelnen Käufen jeweils noch abbezahlen?": what is left on every
// plan, whatever payoff or limit the classifier read in it.
void Turn::ReadBalanceOfEach() {
  const bool misread = ReadAsOrUnsure({"payoff", "pay_now", "spending_limit", "balance", "oos"});
  if (!misread) return;
  if (!HasAnyPhrase(folded_, {"each", "every", "all my plans", "all of my plans", "all my purchases", "varje",
                              "alla mina", "vart och ett", "jeweils", "einzelnen", "alle meine", "jedem", "jeden"})) {
    return;
  }
  if (!HasAnyPhrase(folded_, {"balance", "balances", "left", "owe", "remaining", "outstanding", "kvar", "saldo",
                              "skyldig", "noch", "offen", "übrig", "restbetrag", "schulde"})) {
    return;
  }
  Reread({"balance", std::max(reading_.confidence, kMinConfidence)});
  each_plan_ = true;
}

// "wie viel ist bei meinem Kauf bei Lumen Hi-Fi noch offen?", "hur mycket har jag kvar
// att betala på köpet från Lumen Hi-Fi?": what is left on a shop of theirs is the
// plan's balance, whatever spending limit the classifier read in "left". So is what they
// owe asked without a shop ("So what do I actually owe on it right now?").
void Turn::ReadBalanceOfAShop() {
  if (!ReadAsOrUnsure({"spending_limit", "oos"}) || !AsksSomething(folded_)) return;
  if (!NamesOneOfTheirShops() && !AsksWhatTheyOwe()) return;
  if (!HasAnyPhrase(folded_, {"left", "owe", "owing", "remaining", "outstanding", "kvar", "skyldig", "noch offen",
                              "offen", "übrig", "schulde", "still have to pay", "still need to pay", "still to pay",
                              "noch bezahlen", "noch zahlen", "noch zu zahlen", "noch zu bezahlen"})) {
    return;
  }
  // "Can you settle the stuff I bought at Crisp Tech? How much is left on that?" pays it.
  if (HasAnyPhrase(folded_, {"settle", "clear", "payoff", "pay off", "pay it", "lösa", "begleichen", "ablösen"})) {
    return;
  }
  if (HasAnyPhrase(folded_, {"limit", "gräns", "köpgräns", "kreditgräns", "rahmen", "ausgaberahmen", "available", "tillgänglig", "verfügbar", "spend", "handla"})) {
    return;
  }
  Reread({"balance", std::max(reading_.confidence, kMinConfidence)});
}

// "Bekräfta det aktuella saldot på den planen", "Bestätigen Sie mir bitte den aktuellen
// Saldo": the balance by its name, with no word of paying, whatever payoff the
// classifier read in it.
void Turn::ReadBalanceByName() {
  // "Ja, ich confirme. Mach es jetzt und sag mir danach den aktuellen Saldo" with nothing
  // waiting for a yes: the question in it is what is asked.
  const bool yes_to_nothing = !state_.pending && ReadAsOrUnsure({"affirm", "deny"});
  if (!ReadAsOrUnsure({"payoff", "pay_now", "oos"}) && !yes_to_nothing) return;
  if (!HasAnyPhrase(folded_, {"balance", "saldo", "saldot", "saldos", "kontostand", "in total", "total on it",
                              "insgesamt", "totalt", "where i stand", "where do i stand", "var jag står",
                              "wo ich stehe", "what is open", "what's open", "how much is open"})) {
    return;
  }
  // "I want to put $25 toward my Marlow Books balance" pays; "chem homework, balance H2 +
  // O2" is no account's balance.
  if (FindAmount(folded_, false) || HasOffTopicSubject(folded_)) return;
  if (HasAnyPhrase(folded_, kWordsOfPaying) || HasAnyPhrase(folded_, {"limit", "gräns", "rahmen"})) return;
  Reread({"balance", std::max(reading_.confidence, kMinConfidence)});
}

// "… I'm trying to work out whether I can do it through you. What's my overall spending
// limit, how much do I owe you …?": the limit asked for by its name among sentences of
// context the classifier read as out of scope.
// "could you tell me how much I've got available to spend with you … I sent one pair
// back and got a refund": the room left to spend, asked in so many words, whatever
// refund, extension or other question the story around it was read as. Runs after the
// rules that read a refund or more time.
void Turn::ReadRoomToSpend() {
  const bool asks_the_room =
      AsksSomething(folded_) &&
      (HasAnyPhrase(folded_, {"available to spend", "can still spend", "can i still spend", "can i spend",
                             "i can spend", "spending room", "room to spend", "credit do i have left",
                             "credit i have left", "left to spend", "kredit har jag kvar", "kan jag handla för",
                             "kan jag fortfarande handla", "noch ausgeben", "kann ich ausgeben",
                             "kann ich noch", "verfügbar"}) ||
       WordThenWord(Words(folded_), {"kann"}, {"ausgeben"}, 8)) &&
      !HasAnyPhrase(folded_, {"raise", "increase", "higher", "höja", "höjd", "erhöhen", "erhöhung"});
  if (asks_the_room && ReadAsOrUnsure({"oos", "refund_status", "return_item", "extend_due_date", "payment_history"})) {
    Reread({"spending_limit", kMinConfidence});
  }
}

void Turn::ReadLimitByName() {
  if (!ReadAsOrUnsure({"oos"}) || !AsksSomething(folded_) || HasOffTopicSubject(folded_)) return;
  if (!HasAnyPhrase(folded_, {"spending limit", "credit limit", "my limit", "köpgräns", "kreditgräns",
                              "beloppsgräns", "ausgabelimit", "kreditlimit", "kreditrahmen"})) {
    return;
  }
  Reread({"spending_limit", kMinConfidence});
}

// "just charge $120 to my card to clear it, and keep anything extra as credit", "der Rest
// bleibt als Guthaben": a sum to pay, whatever credit check, limit or late fee the
// classifier read in it (more than is owed is then refused, and the payoff offered).
void Turn::ReadSumToKeepAsCredit() {
  // "I returned one pair … please just charge $50 and keep whatever is left over as
  // credit" reads as the return, the refund or the payments told of around the sum.
  if (!ReadAsOrUnsure({"oos", "credit_check", "late_fee", "increase_limit", "spending_limit", "payment_history",
                       "return_item", "refund_status", "balance"})) {
    return;
  }
  if (!HasAnyPhrase(folded_, {"as credit", "keep the extra", "keep anything extra", "keep the change",
                              "keep the rest", "keep whatever", "keep what's left", "keep the difference",
                              "hold onto the difference", "hold on to the difference", "keep the remainder",
                              "and be done", "be done with it", "als guthaben", "den rest behalten",
                              "behalten sie den rest", "behalte den rest", "som tillgodohavande", "som kredit",
                              "som tillgodo", "spara resten", "behåll resten"})) {
    return;
  }
  const auto slot = FindAmount(folded_, true);
  if (!slot || !slot->minor) return;
  if (!HasAnyPhrase(folded_, {"charge", "pay", "take", "clear", "put", "buchen", "abbuchen", "zahlen", "betala",
                              "dra"})) {
    return;
  }
  Reread({"pay_now", kMinConfidence});
}

// "There's a $7 charge on there that I don't remember", "noticed a $7 thing on the vista
// optics plan?": the late fee, by its amount, on an account that has one unpaid.
// "what was todays charge" read as the late fee: a charge asked after, with no word of a
// fee, of lateness or of a failure, on an account with no fee unpaid, is a payment they
// made. "you took money out today … I need to know what this was", read as out of
// scope, is one too.
void Turn::ReadChargeNotAFee() {
  if (reading_.intent == "oos" && !HasAFailure() &&
      HasAnyPhrase(folded_, {"took money", "taken money", "take money", "money out", "took out", "took a payment",
                             "drog pengar", "dragit pengar", "tog pengar", "geld abgebucht", "geld abgezogen",
                             "geld genommen"}) &&
      HasAnyPhrase(folded_, {"what this was", "what it was", "what was this", "what was that", "what is this",
                             "what's this", "whats this", "what for", "vad det var", "vad detta var", "vad var det",
                             "was das war", "was war das", "wofür"})) {
    return Reread({"payment_history", kMinConfidence});
  }
  if (reading_.intent != "late_fee" || !AsksSomething(folded_) || HasAFailure()) return;
  if (!HasAnyPhrase(folded_, {"charge", "charged", "taken", "dragning", "dragit", "drog", "abbuchung", "abgebucht"})) {
    return;
  }
  if (SpeaksOfALateCost(folded_) || SpeaksOfAFailedPayment(folded_) ||
      HasAnyPhrase(folded_, {"fee", "fees", "late", "penalty", "fine", "extra", "interest", "avgift", "avgifter",
                             "sen", "sent", "försenad", "ränta", "gebühr", "gebühren", "spät", "zinsen", "mahnung"})) {
    return;
  }
  // "why was I charged $35 yesterday?" names a sum, in whole units, that no plan's last
  // payment was: it stays the fee question, answered with the fee rule.
  if (const auto slot = FindAmount(folded_, true); slot && slot->minor) {
    const bool paid = std::any_of(account_.plans.begin(), account_.plans.end(), [&](const PlanFacts& p) {
      return p.last_payment && p.last_payment->amount_minor / 100 == *slot->minor / 100;
    });
    if (!paid) return;
  }
  if (!HasAFeeUnpaid()) Reread({"payment_history", std::max(reading_.confidence, kMinConfidence)});
}

void Turn::ReadFeeByItsAmount() {
  if (!ReadAsOrUnsure({"oos", "payment_history", "dispute_unauthorized"})) return;
  const auto slot = FindAmount(folded_, false);
  if (!slot || !slot->minor) return;
  const std::int64_t sum = *slot->minor;
  const bool a_fee = std::any_of(account_.plans.begin(), account_.plans.end(), [&](const PlanFacts& p) {
    return p.fees_unpaid_minor > 0 && (sum == servicing::kLateFeeMinor || sum == p.fees_unpaid_minor);
  });
  if (a_fee) Reread({"late_fee", kMinConfidence});
}

// "ok so what do i owe now then" is a question, whatever payment the classifier read in
// it: a payment or payoff reading of a message that asks about money owed without a
// word of paying is the balance.
void Turn::ReadQuestionNotPayment() {
  if (reading_.intent != "pay_now" && reading_.intent != "payoff") return;
  // "Ich möchte jetzt nichts extra zahlen. Wann kommt die nächste Abbuchung?": paying
  // declined, and a question asked beside it, is the question.
  const bool declines_paying =
      HasAnyPhrase(folded_, {"nothing extra", "not paying", "don't want to pay", "dont want to pay",
                             "do not want to pay", "no extra payment", "inget extra", "vill inte betala",
                             "betalar inte", "nichts extra", "nichts zahlen", "möchte nicht zahlen",
                             "will nicht zahlen", "zahle nicht"});
  if (declines_paying) {
    if (const auto* c = SureClause(u_.clauses, IsQuestionIntent)) return Reread(*c);
  }
  if (!AsksSomething(folded_) || StatesAWish() ||
      !HasAnyPhrase(folded_, {"owe", "left", "balance", "the damage", "skyldig", "kvar", "saldo", "schulde", "offen",
                              "übrig"})) {
    return;
  }
  // "what's the damage on that plan now?" asks what is owed, whatever "$7 charge" the
  // message complains of ("clear the bike finance early - whats the damage" still pays).
  const bool asks_the_damage =
      HasPhrase(folded_, "the damage") &&
      !HasAnyPhrase(folded_, {"clear", "settle", "pay off", "pay it off", "payoff", "lösa", "ablösen", "begleichen"});
  if (HasAnyPhrase(folded_, kWordsOfPaying) && !asks_the_damage) return;
  Reread({"balance", reading_.confidence});
}

// Paying a plan off in so many words ("Kann ich meinen Einkauf jetzt komplett
// bezahlen?") is a payoff, whatever unsure reading the classifier gave it; like any
// change it is stated and runs only on a yes.
//
// "Can you settle the boots I bought at Alba?": settling a purchase at a shop of
// theirs is paying it off, whatever limit the classifier read in it.
void Turn::ReadPayoffWords() {
  const std::string& i = reading_.intent;
  // "lösa" settles money only when money follows it: "lösa korsord" solves crosswords.
  const bool settles_in_swedish = WordThenWord(Words(folded_), {"lösa"},
                                               {"hela", "resten", "skulden", "köpet", "planen", "lånet", "allt",
                                                "det", "den", "återstående", "saldot", "beloppet"},
                                               2);
  const bool settles_theirs =
      (HasAnyPhrase(folded_, {"settle", "begleichen"}) || settles_in_swedish) && NamesOneOfTheirShops();
  // "i wanna clear the bike stuff completely, how much is left": a payoff wanted, the
  // sum asked beside it (the payoff states it).
  const bool clears = (HasAnyPhrase(folded_, {"clear", "pay", "settle", "get rid of", "betala", "bezahlen",
                                              "begleichen"}) ||
                       settles_in_swedish) &&
                      HasAnyPhrase(folded_, {"completely", "entirely", "in full", "in one go", "helt", "allt på en gång",
                                             "komplett", "vollständig", "auf einmal"});
  const bool wants = HasAnyPhrase(folded_, {"want to", "wanna", "i'd like", "i would like", "i'd love to",
                                            "i would love to", "let me", "vill", "skulle vilja", "möchte", "will",
                                            "würde gern", "würde gerne", "hätte gern"});
  // "I'm going to clear whatever is left on the Volt Electronics purchase right now … Take
  // all of it.": a payoff of a shop named, whatever fee, decline or next payment the
  // message was read as ("Could I just clear whatever's left on the Sunbeam Ceramics
  // dinner set?").
  const bool takes_all = NamesOneOfTheirShops() &&
                         HasAnyPhrase(folded_, {"clear whatever is left", "clear whatever's left", "take all of it",
                                                "take it all"}) &&
                         (i == "fees_overview" || i == "declined_checkout" || i == "complaint" || i == "balance" ||
                          i == "next_payment");
  // "What I'd like now is to settle everything that's still owed … How much would that
  // come to after the refund?": the payoff wanted, asked beside what is owed or refunded.
  // "pay the rest of rosa kids all at once, the shop refunded already 40": a message that
  // opens on paying wants it too.
  const std::vector<std::string> words = Words(folded_);
  const bool opens_on_paying = !words.empty() && In(words.front(), {"pay", "betala", "zahle", "bezahle"});
  const bool wants_it_paid_off = (wants || opens_on_paying) && (clears || settles_theirs || AsksToPayOff(folded_)) &&
                                 (i == "balance" || i == "refund_status" || i == "return_item");
  const bool misread = ReadAsOrUnsure({"oos"}) || (settles_theirs && (i == "spending_limit" || i == "increase_limit")) ||
                       wants_it_paid_off || takes_all;
  // "I'd love to get the patio set paid off completely … How much is left, and can you
  // take it all now?": the payoff asked for, the sum asked beside it.
  const bool asks_it_taken = i == "balance" && HasAnyPhrase(folded_, {"take it all now", "paid off completely",
                                                                       "paid off in full"});
  const bool says_pay_off = AsksToPayOff(folded_);
  // "Kan jag betala hela cykeln nu i stället för att vänta?": paying all of it now is no
  // extension, whatever waiting it speaks of.
  const bool all_now = i == "extend_due_date" && says_pay_off &&
                       HasAnyPhrase(folded_, {"now", "today", "nu", "idag", "i dag", "jetzt", "heute", "sofort"});
  if (!misread && !all_now && !asks_it_taken) return;
  if (!settles_theirs && !says_pay_off && !clears) return;
  Reread({"payoff", kMinConfidence});
}

// "payoff amount for lumin bikes loan? want to close it": closing a plan of theirs is
// paying it off; only the account closed hands off.
void Turn::ReadClosingAPlan() {
  if (reading_.intent != "close_account" || text_handoff_) return;
  // "Pleeease, just four lines. Nobody will know.": no word of closing or deleting
  // anything is no closing asked for. Stems, found inside words too ("kontokapning",
  // "Kontoübernahme").
  constexpr std::string_view kClosingStems[] = {"clos", "delet", "cancel", "eras", "remov", "leav", "quit",
                                                "done with", "account", "acct", "data", "gdpr", "avslut",
                                                "stäng", "radera", "ta bort", "säga upp", "konto", "kündig",
                                                "schließ", "lösch", "auflös", "daten"};
  // "nah leave it, ill make sure theres money in the account": an offer declined and a
  // bank account, no closing.
  const std::string told = WithoutPhrases(folded_, {"leave it", "money in the account", "money in my account",
                                                    "money on the account", "bank account"});
  const bool closing_words = std::any_of(std::begin(kClosingStems), std::end(kClosingStems),
                                         [&](std::string_view stem) { return told.find(stem) != std::string::npos; });
  if (!closing_words) return Reread({"oos", kMinConfidence});
  if (HasAnyPhrase(folded_, {"account", "konto", "kontot", "profile", "profil", "membership"})) return;
  if (!NamesOneOfTheirShops() &&
      !HasAnyPhrase(folded_, {"loan", "plan", "purchase", "financing", "payoff", "pay off", "lån", "lånet", "köp",
                              "köpet", "kredit", "kredite", "kauf", "finanzierung", "ablösen", "ablöse"})) {
    return;
  }
  Reread({"payoff", std::max(reading_.confidence, kMinConfidence)});
}

// "Ich möchte 100 Dollar auf meinen Ratenplan einzahlen, nicht den ganzen Restbetrag":
// a sum named with the whole declined is part of the balance, not a payoff.
void Turn::ReadPartNotPayoff() {
  if (reading_.intent != "payoff") return;
  // "I only want to pay the bike one": only paying, with no word of clearing it all, is
  // a payment of what comes next.
  const bool only_paying =
      HasAnyPhrase(folded_, {"only want to pay", "just want to pay", "only wanna pay", "just wanna pay",
                             "vill bara betala", "will nur", "möchte nur"}) &&
      !HasAnyPhrase(folded_, {"off", "whole", "full", "everything", "all of", "clear", "settle", "rest", "remaining",
                              "entire", "lösa", "hela", "allt", "resten", "ablösen", "ganz", "alles", "komplett",
                              "gesamt", "vollständig"});
  if (only_paying) {
    Reread({"pay_now", std::max(reading_.confidence, kMinConfidence)});
    return;
  }
  const auto amount = FindAmount(folded_, false);
  if (!amount || !amount->minor) return;
  if (!HasAnyPhrase(folded_, {"not the whole", "not the full", "not all of it", "not everything", "not the entire",
                              "not pay it off", "not pay off", "don't want to pay it all", "inte hela", "inte allt",
                              "inte lösa", "nicht den ganzen", "nicht die ganze", "nicht das ganze", "nicht alles",
                              "nicht komplett", "nicht vollständig"})) {
    return;
  }
  Reread({"pay_now", std::max(reading_.confidence, kMinConfidence)});
}

// "Thredline refund where??", "refund still not showing": a refund waited for, read as
// a question about payments. A refund from elsewhere ("tax refund") is no refund of
// theirs, and one told of as made ("crisp tech refunded me - whats left") asks the rest.
void Turn::ReadRefundQuestion() {
  // "not sure the lamp money ever came back": a purchase's money coming back is its
  // refund, not money trouble, when no words of hardship are said.
  const bool money_came_back =
      HasAnyPhrase(folded_, {"money ever came back", "money came back", "money never came back", "money back yet",
                             "money has come back", "money's come back", "pengarna tillbaka", "geld zurück"});
  if (reading_.intent == "hardship" && !text_handoff_ && money_came_back) {
    return Reread({"refund_status", kMinConfidence});
  }
  // "is my Crisp Tech plan any smaller now that I sent stuff back?": a return asked after
  // in what is left of a plan its shop has refunded is the refund.
  const bool refunded_plan_named = std::any_of(account_.plans.begin(), account_.plans.end(), [&](const PlanFacts& p) {
    return p.refunded_minor > 0 && MatchMerchant(folded_, {p.merchant}).has_value();
  });
  if (reading_.intent == "return_item" && refunded_plan_named && AsksSomething(folded_) &&
      HasAnyPhrase(folded_, {"smaller", "less", "lower", "left", "owe", "changed", "mindre", "lägre", "kvar",
                             "skyldig", "kleiner", "weniger", "niedriger", "übrig", "offen"})) {
    return Reread({"refund_status", reading_.confidence});
  }
  if (!ReadAsOrUnsure({"payment_history", "next_payment", "oos"})) return;
  // "so I sent them back … The shop says they've processed it. Did the money actually
  // get to you?": the money of a return told of as made is its refund.
  const bool money_of_a_return =
      AsksSomething(folded_) && FindDisputeReason(folded_) == std::optional<std::string>("returned") &&
      HasAnyPhrase(folded_, {"the money", "processed", "get to you", "come through", "gone through", "pengarna",
                             "behandlat", "das geld", "bearbeitet"});
  if (money_of_a_return) {
    Reread({"refund_status", std::max(reading_.confidence, kMinConfidence)});
    return;
  }
  if (!HasAnyPhrase(folded_, {"refund", "refunded", "my refund", "the refund", "återbetalning", "återbetalningen",
                              "återbetalat", "erstattung", "erstattet", "rückerstattung", "gutschrift"})) {
    return;
  }
  if (HasAnyPhrase(folded_, {"tax refund", "tax return", "skatteåterbäring", "steuererstattung",
                             "steuerrückerstattung"})) {
    return;
  }
  const bool after = HasAnyPhrase(folded_, {"where", "when", "still", "yet", "not showing", "haven't", "havent",
                                            "hasn't", "hasnt", "didn't", "didnt", "missing", "var är", "när",
                                            "fortfarande", "ännu", "inte", "wo ist", "wo bleibt", "wann", "noch",
                                            "immer noch", "nicht"});
  // "the shop refunded it. I'd expected my next instalment to drop … Could you explain
  // why?": a question about a plan its shop has refunded, speaking of the refund.
  if (!after && !(refunded_plan_named && AsksSomething(folded_))) return;
  Reread({"refund_status", std::max(reading_.confidence, kMinConfidence)});
}

// "What interest rate is on that loan?", "vilken ränta betalar jag på min delbetalning
// hos Bellweather Pianos?": a question naming the rate, not understood, asks the APR. So
// does "I can't remember what rate I signed up for … could you remind me", read as
// hardship with no word of hardship in it.
void Turn::ReadRateQuestion() {
  const bool hardship_unsaid = reading_.intent == "hardship" && !text_handoff_;
  if ((!ReadAsOrUnsure({"oos"}) && !hardship_unsaid) || !AsksSomething(folded_)) return;
  if (!NamesTheRate(folded_) || AsksForInvestmentAdvice(folded_)) return;
  Reread({"apr_interest", std::max(reading_.confidence, kMinConfidence)});
}

// "a payment to you bounced … Why did it fail, and are you going to take it again?": a
// collection that failed, not fraud, when nothing in the message disowns a charge.
//
// "just got an email saying my pixel home payment didn't go through, i'm at work and
// can't check properly": a failure told of, with no word of hardship the policy knows,
// is the failure, whatever hardship the classifier read.
void Turn::ReadFailedPayment() {
  const bool hardship_unsaid = reading_.intent == "hardship" && !text_handoff_;
  if (!ReadAsOrUnsure({"report_fraud", "oos", "payment_history"}) && !hardship_unsaid) return;
  if (!SpeaksOfAFailedPayment(folded_) && !SpeaksOfTheirFailureInOtherWords()) return;
  if (FindDisputeReason(folded_) || HasAnyPhrase(folded_, {"hacked", "fraud", "scam", "bedrägeri", "betrug"})) return;
  Reread({"payment_failed", std::max(reading_.confidence, kMinConfidence)});
}

// "which order was my most recent one with you?": the purchase a superlative picks is
// named with what is owed on it, whatever limit or history the classifier read.
void Turn::ReadWhichPurchaseBySuperlative() {
  if (!ReadAsOrUnsure({"oos", "spending_limit", "payment_history"}) || !AsksSomething(folded_)) return;
  if (SpeaksOfPayments()) return;  // "which purchase was the latest payment for?"
  if (!HasAnyPhrase(folded_, {"which order", "which purchase", "which one", "what did i buy", "what was my",
                              "vilket köp", "vilken beställning", "welcher kauf", "welche bestellung",
                              "was habe ich"})) {
    return;
  }
  std::vector<const PlanFacts*> all;
  for (const PlanFacts& p : account_.plans) all.push_back(&p);
  if (all.size() >= 2 && PlanBySuperlative(all) != nullptr) {
    Reread({"list_plans", std::max(reading_.confidence, kMinConfidence)});
  }
}

// "how often do u charge", "the rhythm of these payments", "hur ofta drar ni pengar":
// how often instalments are taken is how the product works, whatever fee or payoff the
// classifier read in it.
void Turn::ReadHowOftenCharged() {
  if (!ReadAsOrUnsure({"fees_overview", "payoff", "pay_now", "oos", "payment_history", "payment_schedule",
                       "how_it_works"})) {
    return;
  }
  if (!HasAnyPhrase(folded_, {"how often do you charge", "how often do u charge", "how often do you take",
                              "how often are payments", "how often do payments", "how often do you collect",
                              "rhythm of these payments", "rhythm of the payments", "hur ofta drar",
                              "hur ofta tar", "hur ofta dras", "wie oft bucht", "wie oft zieht", "wie oft wird"})) {
    return;
  }
  Reread({"how_it_works", std::max(reading_.confidence, kMinConfidence)});
}

// "I'm wondering what's coming up on the Crisp Tech plan", "What's coming up on that
// one?": the next payment of a plan named or in focus.
void Turn::ReadWhatIsComingUp() {
  // "Wie hoch ist die nächste Rate …, und an welchem Tag wird sie abgebucht?": the next
  // instalment asked after is no payment made, whatever "abgebucht" was read as.
  if (reading_.intent == "payment_history" && SpeaksOfNextInstalment(folded_) && AsksSomething(folded_) &&
      !HasAFailure()) {
    return Reread({"next_payment", reading_.confidence});
  }
  if (!ReadAsOrUnsure({"oos", "list_plans"})) return;
  if (!HasAnyPhrase(folded_, {"coming up", "comes up next", "what's next on", "whats next on", "vad som kommer",
                              "was als nächstes", "was kommt als nächstes"})) {
    return;
  }
  const bool a_plan = NamesOneOfTheirShops() || (!state_.focus_plan.empty() && SpeaksOfTheOtherPlan(folded_));
  if (a_plan) Reread({"next_payment", std::max(reading_.confidence, kMinConfidence)});
}

// "Can you walk me through how the pay in 4 thing actually works?" among sentences of
// context: how the product works, asked by its name.
void Turn::ReadHowItWorks() {
  // A declined checkout read on an account that has none ("I'm thinking about buying a
  // washing machine and paying for it in four parts").
  const bool no_decline = reading_.intent == "declined_checkout" && account_.declines.empty();
  if ((!ReadAsOrUnsure({"oos"}) && !no_decline) || !AsksSomething(folded_)) return;
  if (!HasAnyPhrase(folded_, {"pay in 4", "pay-in-4", "pay in four", "pay-in-four", "four payments",
                              "four instalments", "four installments", "four parts", "betala i 4", "betala i fyra",
                              "fyra delar", "fyra betalningar", "in 4 raten", "in vier raten", "vier teilen",
                              "vier zahlungen"})) {
    return;
  }
  // "my bonus came through at work today": work as a place is no question of it.
  if (!HasAnyPhrase(folded_, {"how", "works", "work?", "does it work", "does that work", "walk me through",
                              "explain", "hur fungerar", "hur funkar", "förklara", "wie funktioniert", "erklären",
                              "erkläre"})) {
    return;
  }
  Reread({"how_it_works", std::max(reading_.confidence, kMinConfidence)});
}

// "And what happens if I miss one of the payments?", "om jag missar en betalning?": the
// late fee, whatever question of how the product works the classifier read in it.
void Turn::ReadMissingAPayment() {
  if (!ReadAsOrUnsure({"how_it_works", "oos", "payment_schedule"}) || !AsksSomething(folded_)) return;
  // "How does the pay-in-four thing work, please? … And what if I'm late with one": both
  // asked, the late fee is answered beside how it works.
  if (HasAnyPhrase(folded_, {"how does", "how do", "how it works", "work?", "works", "explain", "pay in 4",
                             "pay-in-4", "pay in four", "pay-in-four", "four payments", "hur fungerar", "hur funkar",
                             "betala i 4", "wie funktioniert", "in 4 raten"})) {
    return;
  }
  if (!HasAnyPhrase(folded_, {"if i miss", "if i missed", "miss a payment", "miss one", "miss an instalment",
                              "forget a payment", "forget one", "forget to pay", "if i forget",
                              "doesn't go through", "does not go through", "doesnt go through", "glömmer en betalning",
                              "inte går igenom", "nicht durchgeht",
                              "glömmer att betala", "vergesse eine zahlung", "vergesse zu zahlen",
                              "miss an installment", "if i'm late", "if im late", "if i am late", "if i don't pay",
                              "if i dont pay", "if i can't pay", "if i cant pay", "om jag missar", "om jag inte betalar",
                              "om jag är sen", "om jag betalar för sent", "wenn ich eine zahlung verpasse",
                              "wenn ich eine rate verpasse", "wenn ich nicht zahle", "wenn ich nicht bezahle",
                              "wenn ich zu spät zahle", "verpasse"})) {
    return;
  }
  Reread({"late_fee", std::max(reading_.confidence, kMinConfidence)});
}

// "I'm thinking of paying two instalments' worth right now", "zwei der offenen Raten auf
// einmal bezahlen": a payment of that many instalments, whatever payoff or extension
// the classifier (or a week named in passing) read in it.
void Turn::ReadInstalmentsWorth() {
  // A question mark, not a question word ("which is why I'm on this plan") makes it one.
  const bool asks = folded_.find('?') != std::string::npos && !PoliteRequest() && !StatesAWish();
  if (!FindInstalmentCount(folded_) || asks) return;
  if (!HasAnyPhrase(folded_, {"pay", "paying", "worth", "do", "take", "charge", "knock", "betala", "betalar", "dra",
                              "zahlen", "bezahlen", "begleichen", "abbuchen"})) {
    return;
  }
  Reread({"pay_now", std::max(reading_.confidence, kMinConfidence)});
}

// "And when will you try to take the payment again?", "wann wird die Zahlung erneut
// versucht?": the retry of a failed collection, on an account that has one.
void Turn::ReadRetryQuestion() {
  if (!ReadAsOrUnsure({"next_payment", "oos", "payment_history"}) || !AsksSomething(folded_)) return;
  if (!HasAFailure() || !AsksForTheRetry(folded_)) return;
  Reread({"payment_failed", std::max(reading_.confidence, kMinConfidence)});
}

// "these apps sting you with hidden charges … what fees could i actually end up paying
// on my rowan sports plan": a question about fees, not understood, asks which there are.
//
// "how long before it starts costing me extra?": the late fee.
void Turn::ReadFeesQuestion() {
  // "And if I pay one rate too late, what happens then?", "och om jag betalar för sent?":
  // what paying late costs, however the classifier read it.
  const bool late = HasAnyPhrase(folded_, {"too late", "pay late", "paying late", "am late", "i'm late", "late with",
                                           "pay it late", "pay that late", "pay them late", "pay this late",
                                           "zu spät", "för sent", "för sen"});
  // How the product works asked beside it is answered with the fee (AskedBeside).
  const bool asks_how_it_works =
      HasAnyPhrase(folded_, {"pay in 4", "pay-in-4", "pay in four", "pay-in-four", "four payments", "four parts",
                             "vier teilen", "fyra delar", "how does", "how do", "wie funktioniert", "hur fungerar",
                             "hur funkar"});
  if (late && AsksSomething(folded_) && !HasAFailure() && !asks_how_it_works &&
      ReadAsOrUnsure({"oos", "pay_now", "next_payment"})) {
    return Reread({"late_fee", std::max(reading_.confidence, kMinConfidence)});
  }
  // "my bank charges fees for everything … which stocks should I buy?" asks no fee of theirs.
  if (!ReadAsOrUnsure({"oos"}) || !AsksSomething(folded_) || AsksForInvestmentAdvice(folded_)) return;
  if (SpeaksOfALateCost(folded_)) return Reread({"late_fee", std::max(reading_.confidence, kMinConfidence)});
  if (!HasAnyPhrase(folded_, {"fee", "fees", "hidden charges", "extra charges", "avgift", "avgifter", "gebühr",
                              "gebühren"})) {
    return;
  }
  Reread({"fees_overview", std::max(reading_.confidence, kMinConfidence)});
}

// "why was my first payment for the kestrel tent 65.02 but the next ones are 64.99?",
// "Warum war meine erste Rate höher als die anderen?": why the first instalment differs,
// whatever fee, history or extension the classifier read in it ("bought it last
// week"). Answered with the split and the next payment, which such messages ask too.
void Turn::ReadUnevenSplit() {
  const std::string& i = reading_.intent;
  if (i == "pay_now" || i == "payoff" || i == "change_payment_method" || IsReportIntent(i)) return;
  if (!HasAnyPhrase(folded_, {"first payment", "first instalment", "first installment", "first charge",
                              "first one", "första betalning", "första betalningen", "första delbetalning",
                              "första delbetalningen", "första raten", "första dragningen", "erste rate",
                              "ersten rate", "erste zahlung", "ersten zahlung", "erste abbuchung"})) {
    return;
  }
  if (!HasAnyPhrase(folded_, {"bigger", "higher", "larger", "more than", "different", "extra cents", "cents",
                              "than the others", "the others", "the rest", "next ones", "other ones",
                              "overcharge", "overcharged", "högre", "större", "mer än", "de andra", "resten",
                              "övriga", "höher", "größer", "mehr als", "die anderen", "den anderen", "anders",
                              "übrigen"})) {
    return;
  }
  if (HasAnyPhrase(folded_, {"extend", "extension", "more time", "förläng", "mer tid", "verlängern", "mehr zeit"})) {
    return;
  }
  uneven_split_ = true;
  Reread({"next_payment", std::max(reading_.confidence, kMinConfidence)});
}

// An amount to pay now read as an extension ("I'm away on the 5th so I'd rather get
// the $38.75 out of the way now"): without a word of moving, delaying or a duration,
// or a date after an instalment's, a message naming a sum of money asks to pay it.
void Turn::ReadPaymentNotExtension() {
  if (reading_.intent != "extend_due_date") return;
  const auto moves_later = [&](const PlanFacts& p) {
    const std::optional<Date> due = NextDue(p);
    return named_date_ && due && *named_date_ > *due;
  };
  if (std::any_of(account_.plans.begin(), account_.plans.end(), moves_later)) return;
  const auto amount = FindAmount(folded_, false);
  if (!amount || !amount->minor) return;
  // "I get paid on the 15th, can the $40 wait?" asks for time too.
  if (HasAnyPhrase(folded_, {"extend", "extension", "push", "move", "later", "delay", "postpone", "more time",
                             "wait", "skip", "hold off", "payday", "get paid", "paid on", "day", "days", "week",
                             "weeks", "until", "till", "skjut", "skjuta", "flytta", "förläng", "förlänga", "senare",
                             "anstånd", "vänta", "lön", "lönen", "dag", "dagar", "vecka", "veckor", "verschieben",
                             "verlängern", "später", "aufschub", "warten", "gehalt", "zahltag", "tag", "tage",
                             "woche", "wochen"})) {
    return;
  }
  Reread({"pay_now", kMinConfidence});
}

// "Hej! En snabb fråga: hur många ben finns det i människokroppen?": a greeting that
// goes on to ask something is read by its question — a clause the classifier is sure
// of, or out of scope.
void Turn::ReadGreetingThatAsks() {
  if (reading_.intent != "greeting" || !AsksSomething(folded_) || Words(folded_).size() <= 4) return;
  const auto* best = SureClause(u_.clauses, [](std::string_view i) { return i != "greeting" && IsKnownIntent(i); });
  Reread(best != nullptr ? *best : IntentPrediction{"oos", kMinConfidence});
}

// "y did u decline me earlier, what do i have to do": a decline told of, on an account
// with a declined checkout, whatever the classifier made of the rest (a card declined
// is a failed payment, not this).
void Turn::ReadDeclineWords() {
  // "I was standing at the till at Velvet Room Furniture … your payment thing said no.
  // What went wrong?": a failed payment asked about on an account with none, at the
  // checkout of a declined purchase, is the checkout.
  // Only a checkout told of as such: a failed payment resolved since is no decline.
  const bool at_a_checkout = [&] {
    for (const DeclineFacts& d : account_.declines) {
      if (MatchMerchant(folded_, {d.merchant})) return true;
    }
    return HasAnyPhrase(folded_, {"checkout", "check out", "the till", "at the store", "in the store", "kassan",
                                  "kasse"});
  }();
  if (reading_.intent == "payment_failed" && !HasAFailure() && at_a_checkout && !MentionsPaymentMethod(folded_)) {
    Reread({"declined_checkout", reading_.confidence});
    return;
  }
  // "Jag fick precis nej hos Nordvik Electronics … Min gräns är 1 000 dollar", "that
  // armchair didn't go through yesterday": a declined checkout told of where it
  // happened, read as the limit or a failed payment, is the checkout (and its answer
  // gives the limit where the limit was the reason).
  const bool told_no =
      HasAnyPhrase(folded_, {"decline me", "declined me", "declined", "denied me", "rejected me", "said no",
                             "fick nej", "fick avslag", "fått nej", "fått avslag", "godkändes inte", "nekade mig",
                             "nekad", "nekades", "abgelehnt", "nicht genehmigt"}) ||
      WordThenWord(Words(folded_), {"fick", "fått"}, {"nej", "avslag"}, 2) ||  // "fick precis nej"
      (!HasAFailure() && HasAnyPhrase(folded_, {"didn't go through", "didnt go through", "wouldn't go through",
                                                "wouldnt go through", "gick inte igenom", "nicht durchgegangen",
                                                "ging nicht durch"}));
  if (!account_.declines.empty() && at_a_checkout && told_no && !MentionsPaymentMethod(folded_) &&
      ReadAsOrUnsure({"spending_limit", "payment_failed", "increase_limit"})) {
    Reread({"declined_checkout", std::max(reading_.confidence, kMinConfidence)});
    return;
  }
  if (reading_.intent != "oos" && reading_.confidence >= kMinConfidence) return;
  if (account_.declines.empty() || MentionsPaymentMethod(folded_)) return;
  if (!HasAnyPhrase(folded_, {"decline me", "declined me", "declined", "denied me", "rejected me", "nekade mig",
                              "nekad", "nekades", "abgelehnt", "lehnt mich ab"})) {
    return;
  }
  Reread({"declined_checkout", kMinConfidence});
}

// "My payment failed because the card expired, I've added a new one - can you take
// that missed payment now?": a failure told of, then a payment asked for now. The
// answer about the failure says it can be paid; the request is the payment.
void Turn::ReadPayNowRequest() {
  const std::string& i = reading_.intent;
  // Read as out of scope, the request must name what it pays ("take the next payment
  // for the speaker now").
  // "I would rather pay that instalment now": the plan just spoken of.
  const bool that_one = !state_.focus_plan.empty() &&
                        HasAnyPhrase(folded_, {"that instalment", "that installment", "that payment", "the instalment",
                                               "den delbetalningen", "den betalningen", "diese rate", "die rate"});
  // "…, which is a small miracle … I'd like to pay the next instalment on it now": a wish
  // stated asks nothing, whatever question word the story around it holds.
  // "… so take the next Nordic Gear instalment today — only the next one": a bid in so
  // many words, whatever questions the story around it asks.
  const bool bids = HasAnyPhrase(folded_, {"take the next", "charge the next", "pay the next", "dra nästa",
                                           "buch die nächste", "zieh die nächste"});
  // "so I not must pay the next rate before the shoes come": paying asked to be spared.
  if (HasAnyPhrase(folded_, {"not must pay", "not have to pay", "don't have to pay", "dont have to pay",
                             "do not have to pay", "not need to pay", "slippa betala", "inte behöver betala",
                             "nicht zahlen muss", "nicht bezahlen muss"})) {
    return;
  }
  const bool unread = ReadAsOrUnsure({"oos"}) &&
                      (!AsksSomething(folded_) || PoliteRequest() || StatesAWish() || bids) &&
                      (NamesOneOfTheirShops() || SpeaksOfNextInstalment(folded_) || that_one);
  // "meine Rate … ist am Freitag geplatzt, weil mein Gehalt noch nicht da war … könnt ihr
  // die offene Rate heute abbuchen?": a failure told of is no order that did not arrive.
  const bool failure_told = HasAFailure() && SpeaksOfAFailedPayment(folded_) && IsReportIntent(i);
  if (i != "payment_failed" && i != "next_payment" && i != "late_fee" && !unread && !failure_told) return;
  if (AsksToPayOff(folded_)) return;  // the whole, asked for in so many words, is a payoff
  // "pay next tidewater": a message that opens on the verb asks for the payment.
  const std::vector<std::string> words = Words(folded_);
  const bool opens_on_paying =
      !words.empty() && In(words.front(), {"pay", "betala", "zahl", "zahle", "bezahl", "bezahle"}) &&
      (NamesOneOfTheirShops() || SpeaksOfNextInstalment(folded_));
  // "Why did my pet supply payment fail? And can I just pay the missed instalment now?":
  // the sentence that asks to pay decides, whatever the other asks (it is answered beside).
  const auto asks_to_pay = [&](std::string_view t) {
    if (HasAnyPhrase(t, {"why", "when", "how", "varför", "när", "hur", "warum", "wann", "wie"})) return false;
    // "No need to pay anything extra now", "jetzt nichts extra zahlen": paying declined
    // ("I'd rather not wait for the retry - can I pay it now?" declines the waiting).
    if (HasAnyPhrase(t, {"no need to", "don't", "dont", "do not", "nothing", "inte betala", "inte dra", "inget",
                         "ingenting", "nichts", "kein", "keine", "nicht zahlen", "nicht bezahlen", "nicht abbuchen"})) {
      return false;
    }
    // "Can you run the missed one again now": a failed payment taken again.
    const bool pay_verb = HasAnyPhrase(t, {"take", "charge", "pay", "run it", "run the", "retry", "sort out", "dra",
                                           "betala", "abbuchen", "buchen", "bezahlen", "zahlen", "einziehen"});
    const bool now = HasAnyPhrase(t, {"now", "right now", "right away", "straight away", "today", "instead of waiting",
                                      "rather than waiting", "nu", "direkt", "genast", "idag", "i dag", "jetzt",
                                      "sofort", "gleich", "heute"});
    const bool missed = HasAnyPhrase(t, {"the missed", "missed one", "missed payment", "missed instalment",
                                         "failed one", "that failed", "den missade", "die verpasste",
                                         "die fehlgeschlagene", "die offene rate"});
    return pay_verb && (now || missed || opens_on_paying);
  };
  const std::vector<std::string_view> sentences = Sentences(folded_);
  if (std::none_of(sentences.begin(), sentences.end(), asks_to_pay)) return;
  Reread({"pay_now", kMinConfidence});
}

// "Can I get the upcoming payment for my bike out of the way today?": paying early,
// whatever pause or extension the classifier read in it, unless the message also speaks
// of pausing or of later.
void Turn::ReadPayingEarly() {
  // "how much is my next payment …, and can I just pay it today instead of waiting for
  // the due date?": the next payment asked after and paid early.
  // "I'd rather get the next payment for my headphones out of the way now … how much
  // would it be?": the same, in words of paying early alone.
  const bool paying_the_next =
      reading_.intent == "next_payment" &&
      HasAnyPhrase(folded_, {"pay it", "pay that", "betala den", "sie zahlen", "zahle sie", "out of the way",
                             "pay it early", "pay early", "pay ahead", "get ahead on", "get ahead with",
                             "betala i förväg", "betala tidigare", "vorab zahlen", "vorab bezahlen", "früher zahlen",
                             "früher bezahlen"});
  // "that's more than I have right now. Could I just pay next month's payment early
  // instead?" read as hardship asks to pay, not for help.
  const bool hardship_unsaid =
      reading_.intent == "hardship" && !text_handoff_ &&
      !HasAnyPhrase(folded_, {"can't", "cant", "cannot", "couldn't", "couldnt", "won't", "unable", "not able",
                              "kan inte", "kunde inte", "kann nicht", "kann ich nicht", "nicht möglich"});
  if (!ReadAsOrUnsure({"pause_payments", "extend_due_date", "oos"}) && !paying_the_next && !hardship_unsaid) return;
  if (!HasAnyPhrase(folded_, {"out of the way", "pay it early", "pay early", "payment early", "instalment early",
                              "installment early", "pay ahead", "ahead of time", "before its due date",
                              "before the due date", "i förväg", "vor dem fälligkeitstermin", "vor fälligkeit",
                              "instead of waiting", "rather than waiting", "instead of later", "rather than later",
                              "come out today", "come out now", "knock out the next", "knock out my next",
                              "payments out early", "payment out early",
                              "get ahead on", "get ahead with", "before it's due", "before its due",
                              "before it is due", "ahead of the due date",
                              "betala i förväg", "betala tidigare", "betala i förtid", "vorab zahlen",
                              "vorab bezahlen", "früher zahlen", "früher bezahlen", "im voraus"})) {
    return;
  }
  // "today instead of later" asks for no later date.
  const std::string rest = WithoutPhrases(folded_, {"instead of later", "rather than later"});
  if (HasAnyPhrase(rest, {"pause", "paus", "pausa", "pausieren", "later", "senare", "später", "delay", "postpone",
                          "problem", "return", "retur", "rücksendung"})) {
    return;
  }
  Reread({"pay_now", kMinConfidence});
}

// "Ich brauche mehr Zeit für meine nächste Rate", "give me another 14 days on the
// speaker", "Für die Laufschuhe von Kestrel, bitte zehn Tage": more time for a payment,
// or a number of days for one of their purchases, read as a question about payments or
// not understood, asks to move it. Days ago ("ten days ago") are no request.
void Turn::ReadMoreTime() {
  // "another 7 days" after a refused extension reads to the classifier as anything.
  // "is there really no way to get one more extension? It's only seven days." right
  // after a refused one presses for it; it tells of no hardship the classifier read.
  const bool pressed = state_.refused_by_rule && reading_.intent == "hardship" && !text_handoff_;
  // "I know I pushed it back already, but could I possibly get another three weeks? My
  // rent went up and I'm really stretched": so many more days asked for, with no word
  // of hardship the policy knows, is an extension asked for (and refused if used).
  const bool days_asked = reading_.intent == "hardship" && !text_handoff_ &&
                          FindDays(folded_, account_.today).has_value() &&
                          HasAnyPhrase(folded_, {"another", "more", "extra", "ytterligare", "weitere"});
  // "any chance both my due dates could slide back like three weeks?" read as a report of
  // an order problem it names no word of (checked below), or as a fee waiver.
  const bool report = IsReportIntent(reading_.intent);
  // A fee waiver read in a message that names no fee is no waiver either.
  const bool waiver = reading_.intent == "fee_waiver" && !AsksOfAFee(folded_);
  // "is there really no way to get a bit more time on it?" read as more credit.
  const bool limit = (reading_.intent == "increase_limit" || reading_.intent == "spending_limit") &&
                     !HasAnyPhrase(folded_, {"limit", "credit", "gräns", "köpgräns", "rahmen", "kredit"});
  // "is there any way I don't have to pay Lumen Home this week?": a payment of theirs put
  // off, with no word of hardship the policy knows, asks for time.
  const bool put_off = reading_.intent == "hardship" && !text_handoff_ && NamesOneOfTheirShops() &&
                       HasAnyPhrase(folded_, {"don't have to pay", "dont have to pay", "not have to pay",
                                              "put off paying", "hold off paying", "slippa betala",
                                              "nicht zahlen muss", "nicht bezahlen muss"});
  // "money is a bit tight until my pay comes through … Would it be at all possible to
  // push that payment back by three weeks?": a due date asked to move by so many days,
  // with no word of hardship the policy knows, is an extension asked for.
  const bool moved_by_days_asked =
      reading_.intent == "hardship" && !text_handoff_ && FindCountedDays(folded_).has_value() &&
      HasAnyPhrase(folded_, {"push", "move", "postpone", "delay", "skjut", "skjuta", "flytta", "verschieben"});
  // "Is it possible to become one more extension …? Otherwise I want to pay the actual
  // rate now with my card": the card on file named, no new card's digits.
  const bool card_read = reading_.intent == "change_payment_method" && NamesAnExtension(folded_) &&
                         !FindLast4(folded_, account_.method_last4).has_value();
  const bool misread = pressed || days_asked || moved_by_days_asked || report || waiver || limit || put_off ||
                       card_read ||
                       ReadAsOrUnsure({"oos", "next_payment", "balance", "pay_now", "dispute_status",
                                       "payment_history", "pause_payments", "payoff", "how_it_works", "late_fee"});
  if (!misread || uneven_split_ || FindDisputeReason(folded_) || AsksOffTopic()) return;
  const auto days = FindDays(folded_, account_.today);
  const bool time_in_words = HasAnyPhrase(folded_, {"more time", "extra time", "extra days", "more days",
                                                     "a bit longer", "wait longer", "wait a bit",
                                                     "breathing room", "breathing space", "mer tid",
                                                     "längre tid", "fler dagar", "mehr zeit", "noch zeit",
                                                     "mehr tage"});
  // "wie viel ist denn noch offen? Ist die Rate nächste Woche da schon drin?": a sum asked
  // after, with a date beside it, asks for no time.
  const bool asks_how_much = HasAnyPhrase(folded_, {"how much", "wie viel", "wieviel", "hur mycket"});
  // "chuck 300 dollars at it, whatever is left over can sit there as a credit": a sum
  // of money named beside "extra" or "more" asks for no time either.
  const auto sum = FindAmount(folded_, false);
  const bool sum_named = sum && sum->minor;
  const bool more_time =
      time_in_words || (days && !asks_how_much && !sum_named &&
                        HasAnyPhrase(folded_, {"another", "more", "extra", "ytterligare", "till", "noch", "weitere"}));
  // A count of days or weeks, not a weekday ("camping on Saturday").
  const bool counted = HasAnyPhrase(folded_, {"day", "days", "week", "weeks", "month", "dag", "dagar", "vecka",
                                              "veckor", "månad", "tag", "tage", "woche", "wochen", "monat"});
  const bool days_for_a_plan =
      days && counted && ReadAsOrUnsure({"oos"}) && NamesOneOfTheirShops();
  // "Could you move it back by three weeks?", read as the next payment.
  const bool moved_by_days = days && counted &&
                             HasAnyPhrase(folded_, {"move", "push", "back", "later", "delay", "postpone", "slide",
                                                    "flytta", "skjut", "skjuta", "senare", "verschieben", "später"});
  // "could you extend my Quill & Loom Textiles payment instead", "ok then quill n loom.
  // max days" after a refused extension: more time for a shop of theirs, by its name.
  const bool extends_a_shop =
      NamesOneOfTheirShops() &&
      (HasAnyPhrase(folded_, {"extend", "extension", "push back", "push it back", "push it out", "push the", "push my",
                              "pushed back", "pushed out", "moved back",
                              "postpone", "förläng",
                              "förlänga", "förlängning", "skjuta upp", "skjut upp", "verlängern", "verlängerung",
                              "verschieben"}) ||
       (state_.refused_by_rule && HasAnyPhrase(folded_, {"max", "maximum", "as far as", "as long as", "longest",
                                                         "så länge", "så långt", "längst", "so weit", "so lange",
                                                         "maximal"})));
  if (!more_time && !days_for_a_plan && !moved_by_days && !extends_a_shop && !put_off) return;
  // "some running shoes a few weeks back": a time past, as "ago" is, asks for no time,
  // unless a payment of theirs is asked to move in so many words ("I moved one a while
  // ago … could I push the next Harbor Furniture payment back a couple of weeks?").
  if (!extends_a_shop &&
      HasAnyPhrase(folded_, {"ago", "sedan", "vor", "weeks back", "week back", "days back", "months back"})) {
    return;
  }
  // A limit reading is corrected only by time asked for in so many words ("wie viel mir
  // noch zur Verfügung steht … nächste Woche" asks about the limit).
  if (limit && !time_in_words && !FindCountedDays(folded_)) return;
  Reread({"extend_due_date", kMinConfidence});
}

// A fee waiver is asked for with a fee named ("remove the late fee", "avgiften", "die
// Gebühr"). Read without one ("charge $500 to clear it and keep the change as
// credit"), the message is taken as its surest clause's reading instead, and hands
// off only if that does.
void Turn::ReadFeeWaiverWithoutAFee() {
  // "will I be charged a late fee?", "am I going to get a late fee on top of all this?":
  // a question whether a fee comes, with nothing asked taken off, is about the fee.
  // "when do you retry, and will there be a fee", after a failure: a fee is the late fee.
  const bool names_the_fee =
      HasAnyPhrase(folded_, {"late fee", "förseningsavgift", "mahngebühr", "verspätungsgebühr"}) ||
      (HasAFailure() && HasAnyPhrase(folded_, {"a fee", "any fee", "fined", "a fine", "penalty", "en avgift",
                                               "eine gebühr"}));
  const bool asks_whether = AsksSomething(folded_) && names_the_fee && !HandoffFromText(folded_) &&
                            HasAnyPhrase(folded_, {"will i", "am i", "do i", "would i", "is there", "will there",
                                                   "would there", "får jag", "blir det", "kommer jag",
                                                   "bekomme ich", "muss ich", "fällt", "gibt es"});
  if (asks_whether && ReadAsOrUnsure({"fee_waiver", "legal_threat", "complaint", "oos"})) {
    Reread({"late_fee", std::max(reading_.confidence, kMinConfidence)});
    return;
  }
  if (reading_.intent != "fee_waiver") return;
  if (HasAnyPhrase(folded_, {"fee", "fees", "penalty", "interest", "avgift", "avgiften", "avgifter", "ränta",
                             "räntan", "gebühr", "gebühren", "mahngebühr", "zinsen"})) {
    return;
  }
  const auto* best = SureClause(u_.clauses, [](std::string_view i) {
    return i != "fee_waiver" && i != "oos" && IsKnownIntent(i);
  });
  if (best == nullptr) return;
  Reread(*best);
}

// "and paying it off early, is there a catch with the interest? not now, just
// wondering": hardship read from the whole of a message that names none (no phrase of
// HandoffFromText) and none of whose clauses reads as it is a misreading of what the
// clauses ask. The surest question among them is answered instead; without one, the
// reading stands and the hand-off with it.
void Turn::ReadHardshipNoClauseTells() {
  if (reading_.intent != "hardship" || text_handoff_ || u_.clauses.empty()) return;
  const bool a_clause_tells = std::any_of(u_.clauses.begin(), u_.clauses.end(),
                                          [](const IntentPrediction& c) { return c.intent == "hardship"; });
  if (a_clause_tells) return;
  if (const auto* best = SureClause(u_.clauses, IsQuestionIntent)) {
    Reread(*best);
  } else if (AsksOffTopic()) {
    // "I've had the worst week … Could you cheer me up with a funny joke?"
    Reread({"oos", kMinConfidence});
  }
}

// "the guy on the phone yesterday said my late fee is waived. confirm its gone": a
// waiver someone is said to have granted is no request for one. The account says
// whether any fee was taken off, and the chat confirms only that; people are not asked
// to review what the consumer says was already done.
Decision Turn::WaiverNotOnTheAccount() {
  d_.next.pending.reset();
  d_.refusals.push_back("unverified_waiver");
  bool any = false;
  for (const PlanFacts* p : SelectPlans(false)) {
    if (p->fees_unpaid_minor <= 0) continue;
    any = true;
    Say("fee_not_waived", {Money(p->fees_unpaid_minor, p->currency), p->merchant});
  }
  if (!any) Say("no_late_fees");
  return Finish();
}

// "Ach komm, Sie sind ein Finanzunternehmen. Sagen Sie mir einfach, was Sie wählen
// würden.": a legal threat read in a message with no word of the law, courts or rights
// is pressing for what was declined. Its surest question is answered instead, or it is
// out of scope. One that tells of money trouble ("behind on my bills") still goes to
// people, as the hardship it is.
void Turn::ReadLegalThreatWithoutTheLaw() {
  if (reading_.intent != "legal_threat" || text_handoff_) return;
  if (HasAnyPhrase(folded_, {"legal", "law", "lawsuit", "claim", "claims", "rights", "police", "report you",
                             "lag", "lagen", "rätt", "rättigheter", "polisen", "anmäla er", "recht", "rechte",
                             "gesetz", "klage", "polizei", "anzeige"})) {
    return;
  }
  if (HasAnyPhrase(folded_, {"bills", "debt", "debts", "broke", "behind on", "afford", "rent", "stretched",
                             "money", "räkningar", "skulder", "pengar", "hyran", "rechnungen", "schulden", "geld",
                             "miete", "pleite"})) {
    return Reread({"hardship", reading_.confidence});
  }
  const auto* best = SureClause(u_.clauses, IsQuestionIntent);
  Reread(best != nullptr ? *best : IntentPrediction{"oos", kMinConfidence});
}

// "not paying anything today. the card ending 55 21 is the one I use now though": a
// payment said not to be wanted is never read as one. A new card named beside it is
// the change asked for; otherwise it is a no.
void Turn::ReadPayingDeclined() {
  if (reading_.intent != "pay_now" && reading_.intent != "payoff") return;
  if (!HasAnyPhrase(folded_, {"not paying anything", "not pay anything", "don't want to pay anything",
                              "dont want to pay anything", "don't charge", "dont charge", "do not charge",
                              "don't take anything", "nothing today", "betala inget", "inte betala något",
                              "dra inget", "nichts bezahlen", "nichts zahlen", "nichts abbuchen",
                              "buchen sie nichts"})) {
    return;
  }
  if (FindLast4(folded_, account_.method_last4)) return Reread({"change_payment_method", kMinConfidence});
  Reread({"deny", kMinConfidence});
}

// "please take the missed instalment and the fee", "let's get the overdue part sorted
// today, fee included", "buchen Sie die überfällige Rate zusammen mit der Gebühr ab":
// the fee paid with the instalment, not waived. Pay() takes what is overdue and the
// fees when no sum is named.
void Turn::ReadPayingTheFee() {
  if (!ReadAsOrUnsure({"fee_waiver", "late_fee", "fees_overview"})) return;
  const bool fee_with_it =
      HasAnyPhrase(folded_, {"and the fee", "with the fee", "plus the fee", "fee included", "including the fee",
                             "+ fee", "plus fee", "and fee", "och avgiften", "med avgiften", "inklusive avgiften",
                             "mit der gebühr", "und die gebühr", "samt gebühr", "inklusive gebühr"});
  const bool pays = HasAnyPhrase(folded_, kWordsOfPaying) || HasPhrase(folded_, "sorted");
  const bool waives = HasAnyPhrase(folded_, {"waive", "remove", "drop", "take off", "taken off", "cancel",
                                             "efterskänk", "ta bort", "stryk", "erlassen", "streichen",
                                             "stornieren"});
  if (fee_with_it && pays && !waives) Reread({"pay_now", kMinConfidence});
}

// "my bank froze my card because of fraud … I want the fee removed", "not my fault the
// bank blocked my card. remove it", "Ich will, dass die Gebühr gestrichen wird": a fee
// on the account asked to be taken off is a waiver asked for, whatever failure or card
// the story around it was read as. "Remove it" needs the fee named or a grievance.
void Turn::ReadWaiverAsked() {
  if (reading_.intent == "fee_waiver" || ClaimsAWaiverGranted(folded_)) return;
  if (!HasAFeeUnpaid()) return;
  const bool fee_removed = HasAnyPhrase(
      folded_, {"fee removed", "remove the fee", "remove that fee", "remove this fee", "fee taken off",
                "take the fee off", "take that fee off", "drop the fee", "waive the fee", "waive it", "fee waived",
                "cancel the fee", "fee cancelled", "fee canceled", "gebühr gestrichen", "gebühr streichen",
                "gebühr erlassen", "gebühr zurücknehmen", "gebühr entfernen", "avgiften tas bort",
                "ta bort avgiften", "stryk avgiften", "avgiften struken", "efterskänk avgiften"});
  const bool grievance = HasAnyPhrase(folded_, {"not my fault", "not fair", "unfair", "not paying a penalty",
                                                "inte mitt fel", "orättvist", "nicht meine schuld", "unfair"});
  const bool remove_it = HasAnyPhrase(folded_, {"remove it", "take it off", "get rid of it", "ta bort den",
                                                "ta bort det", "streichen sie sie", "entfernen sie sie"});
  if (!fee_removed && !(remove_it && grievance)) return;
  Reread({"fee_waiver", std::max(reading_.confidence, kMinConfidence)});
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

// A stated change answered with other terms ("ok not that long, just move it to Friday
// next week", "no. 7 days then", "nah just $40", "no, only the next instalment") is a
// new request of the same kind: the waiting change gives way to it, and it too is
// stated and runs only on a yes. Terms equal to the waiting change's are a yes to it.
bool Turn::ReadRevisedChange() {
  const Action& a = *state_.pending;
  std::string intent;
  if (a.type == ActionType::kExtend && NamesAnotherPlanInstead(a)) {
    intent = "extend_due_date";  // "sorry, I meant the Pixel Harbor one"
  } else if (a.type == ActionType::kExtend && AsksToPayInstead()) {
    // "Okay, dann ja, zahl bitte den gesamten Restbetrag": a yes to paying, not to the
    // extension that waits.
    const auto sum = FindAmount(folded_, false);
    intent = sum && sum->minor ? "pay_now" : "payoff";
  } else if (a.type == ActionType::kExtend) {
    const PlanFacts* p = FindPlan(account_, a.plan_id);
    const std::optional<int> days = NamedExtensionDays(p != nullptr ? NextDue(*p) : std::nullopt);
    // "if a month isn't possible then fourteen days will have to do. Yes": more than the
    // most, once the most is what waits, was refused already and revises nothing.
    const bool refused_again = days && *days > servicing::kMaxExtensionDays && a.days == servicing::kMaxExtensionDays;
    if (days && *days != a.days && !refused_again) intent = "extend_due_date";
  } else if (a.type == ActionType::kPay || a.type == ActionType::kPayoff) {
    // "from my card ending 3862?", "Yes, switch it to 8812.": a card's digits are no sum.
    if (!account_.method_last4.empty() && FindLast4(folded_) == account_.method_last4) return false;
    if (FindLast4(folded_, account_.method_last4) &&
        (NamesACardOrBank(folded_) || HasAnyPhrase(folded_, {"switch", "ending", "ends in", "byt", "byta",
                                                             "wechsel", "endet"}))) {
      return false;
    }
    // "thats just the one payment not the whole thing yeah?" asks what the payment takes;
    // "warum ist es weniger als 120?" why it is that sum; "no w8 the speakr never came …
    // can i report it insted" asks for something else.
    // "Kann ich stattdessen nur die nächste Monatsrate schon jetzt zahlen?" while a payoff
    // waits: the next payment instead, however it is asked.
    if (a.type == ActionType::kPayoff && SpeaksOfNextInstalment(folded_) &&
        HasAnyPhrase(folded_, {"instead", "just the next", "only the next", "just pay the next", "only pay the next",
                               "stattdessen", "nur die nächste", "istället", "bara nästa", "endast nästa"})) {
      Reread({"pay_now", kMinConfidence});
      return true;
    }
    if (AsksSomething(folded_) && AsksWhatItTakes(folded_)) return false;
    if (AsksWhyTheSum(folded_) || report_instead_) return false;
    // "I meant the Pacer Running shoes, not the jacket", "actually scrap that, the running
    // shoes one instead": the same kind of payment, on the other plan now named.
    if (NamesAnotherPlanInstead(a)) {
      Reread({a.type == ActionType::kPay ? "pay_now" : "payoff", kMinConfidence});
      return true;
    }
    const auto amount = FindAmount(folded_, true);
    const bool other_amount = amount && amount->minor && *amount->minor != a.amount_minor;
    // "it's not charged on top of my next payment?" asks about the change; it does not
    // change it.
    const bool next_instead = SpeaksOfNextInstalment(folded_) && (!AsksSomething(folded_) || PoliteRequest());
    // "nah wait actually forget just the next one, pay off the whole thing".
    const bool payoff_instead =
        a.type == ActionType::kPay && !other_amount &&
        HasAnyPhrase(folded_, {"pay off", "pay it off", "payoff", "the whole thing", "the whole lot", "in full",
                               "all of it", "get rid of", "the entire", "betala av", "hela", "betala allt", "lösa",
                               "komplett", "vollständig", "ablösen", "abbezahlen", "alles zahlen",
                               "alles bezahlen"});
    if (FindInstalmentCount(folded_)) {
      intent = "pay_now";  // "just do 2 payments worth instead"
    } else if (payoff_instead) {
      intent = "payoff";
    } else if (other_amount || next_instead) {
      intent = "pay_now";
    }
  }
  if (intent.empty()) return false;
  Reread({intent, kMinConfidence});
  return true;
}

// The other side of ReadRevisedChange: "fine, do the 14 days", "extend it the full 14
// days please" of a waiting 14-day extension takes its own terms, a yes to it. `s`: the
// message folded, or a sentence of it.
bool Turn::TakesTheWaitingTerms(std::string_view s) const {
  const Action& a = *state_.pending;
  // "Great, please pay it all off now" once the payoff was stated: the payoff asked for
  // again as a bid of its own (the verb first, after a word of assent), with no other sum
  // or shop, and nothing that puts it off or makes it a condition ("I can't pay it all
  // off right now", "I'll pay it off next month", "if I pay it off …").
  if (a.type == ActionType::kPayoff) {
    std::vector<std::string> words = Words(s);
    std::size_t first = 0;
    while (first < words.size() &&
           In(words[first], {"great", "ok", "okay", "yes", "yeah", "sure", "fine", "perfect", "alright", "right",
                             "then", "so", "please", "pls", "just", "ja", "okej", "gärna", "bitte", "gut", "super"})) {
      ++first;
    }
    const bool bids = first < words.size() && In(words[first], {"pay", "clear", "settle", "betala", "lös", "zahl",
                                                                 "zahle", "bezahl", "bezahle"});
    const bool puts_off = HasAnyPhrase(s, {"can't", "cant", "cannot", "won't", "wont", "not", "later", "next",
                                           "tomorrow", "if", "when", "kan inte", "inte", "senare", "nästa", "om",
                                           "kann nicht", "nicht", "später", "nächste", "wenn", "falls"});
    const bool another_shop = std::any_of(account_.plans.begin(), account_.plans.end(), [&](const PlanFacts& p) {
      return p.merchant != a.merchant && MatchMerchant(s, {p.merchant}).has_value();
    });
    return bids && AsksToPayOff(s) && !puts_off && !another_shop && !IsDenial(s) && !SaysNo(s) &&
           !AsksSomething(s) && !FindAmount(s, false).has_value();
  }
  return a.type == ActionType::kExtend &&
         HasAnyPhrase(s, {"do the", "go with the", "take the", "extend it", "move it", "gör de", "ta de",
                                "förläng den", "flytta den", "mach die", "nimm die", "verlängere sie",
                                "verschieb sie"}) &&
         FindCountedDays(s) == std::optional<int>(a.days);
}

// Whether the classifier read the message as one of `intents`, or was unsure of it: the
// readings a Read* rule may correct.
bool Turn::ReadAsOrUnsure(std::initializer_list<std::string_view> intents) const {
  return In(reading_.intent, intents) || reading_.confidence < kMinConfidence;
}

// The message is taken as `reading` from here on, and the decision says so.
void Turn::Reread(const IntentPrediction& reading) {
  reading_ = reading;
  d_.intent = reading_.intent;
  d_.confidence = reading_.confidence;
}

// Whether a collection on any of their plans failed last.
bool Turn::HasAFailure() const {
  return std::any_of(account_.plans.begin(), account_.plans.end(),
                     [](const PlanFacts& p) { return p.last_failure.has_value(); });
}

bool Turn::HasAFeeUnpaid() const {
  return std::any_of(account_.plans.begin(), account_.plans.end(),
                     [](const PlanFacts& p) { return p.fees_unpaid_minor > 0; });
}

// "my daughter's school trip money was due … the pans I bought from Halloran
// Kitchenware": a purchase of their own at a shop of theirs, told of beside a relative.
// Whatever it asks is answered from their own account only.
bool Turn::TellsOfTheirOwnPurchase() const {
  // "my Ostrander Kitchen Supply payment": the shop named as theirs.
  const bool my_shop = std::any_of(account_.plans.begin(), account_.plans.end(), [&](const PlanFacts& p) {
    return HasPhrase(folded_, "my " + Fold(p.merchant)) || HasPhrase(folded_, "min " + Fold(p.merchant)) ||
           HasPhrase(folded_, "meine " + Fold(p.merchant)) || HasPhrase(folded_, "mein " + Fold(p.merchant));
  });
  return NamesOneOfTheirShops() &&
         (SpeaksOfOwnMoney(folded_) || my_shop ||
          HasAnyPhrase(folded_, {"i bought", "i ordered", "i paid", "i've paid", "i have paid", "i got", "i've got",
                                 "can i pay", "i want to pay", "i'd like to pay", "i want to get ahead", "i've had",
                                 "i have had", "i already finished", "i've finished", "we bought", "we ordered",
                                 "we've got", "jag köpte", "köpte jag", "vi köpte", "jag beställde",
                                 "beställde jag", "jag har köpt", "har jag köpt", "jag har beställt", "ich habe",
                                 "ich kaufte", "kaufte ich", "wir haben", "ich bestellte", "bestellte ich"}));
}

// "How much does he still owe?", "Hur mycket är han skyldig", "he had a plan with you. how
// much was left": what someone else owes asked after ("I have two plans with you" after a
// husband's death asks of their own, and so does "what's left on mine").
bool Turn::AsksAfterAnothersAccount() const {
  if (!MentionsSomeoneElse(folded_) && !NamesARelative(folded_) &&
      !HasAnyPhrase(folded_, {"he had", "she had", "han hade", "hon hade", "er hatte", "sie hatte", "my father",
                              "my mother"})) {
    return false;
  }
  if (AsksTheirOwnBalance(folded_)) return false;
  return HasAnyPhrase(folded_, {"he owe", "she owe", "he owes", "she owes", "he still owe", "she still owe",
                                "what's owed", "whats owed", "what is owed", "the total", "outstanding amount",
                                "outstanding amounts", "his balance", "her balance", "how much he", "how much she",
                                "how much was left", "what was left", "what's left on it", "whats left on it",
                                "what is left on it", "his remaining", "her remaining", "han skyldig", "hon skyldig",
                                "hans saldo", "hennes saldo", "var kvar", "schuldet er", "schuldet sie", "sein saldo",
                                "ihr saldo", "noch offen"});
}

// "And second, when is my own Crisp Tech payment due?", "för mig: när ska min egen
// betalning dras?": one sentence asking when a payment of their own (by the word "own"
// or a shop of theirs) is due.
bool Turn::AsksTheirOwnDueDate() const {
  const auto asks = [&](std::string_view t) {
    const bool own = HasAnyPhrase(t, {"my own", "for me too", "for me as well", "min egen", "mitt eget",
                                      "mina egna", "meine eigene", "meinen eigenen", "mein eigener"}) ||
                     std::any_of(account_.plans.begin(), account_.plans.end(), [&](const PlanFacts& p) {
                       return MatchMerchant(t, {p.merchant}).has_value();
                     });
    return own && HasAnyPhrase(t, {"due", "when", "när", "wann", "fällig", "förfaller", "förfallodag"});
  };
  const std::vector<std::string_view> sentences = Sentences(folded_);
  return std::any_of(sentences.begin(), sentences.end(), asks);
}

// "what do I actually owe", "how much is actually left to pay", "wie viel schulde ich":
// what the consumer owes, asked of themselves, with no one else spoken of.
bool Turn::AsksWhatTheyOwe() const {
  if (MentionsSomeoneElse(folded_) || NamesARelative(folded_)) return false;
  const std::vector<std::string> words = Words(folded_);
  const bool owes = std::any_of(words.begin(), words.end(), [](const std::string& w) {
    return In(w, {"owe", "owing", "skyldig", "schulde"});
  });
  const bool themselves = std::any_of(words.begin(), words.end(), [](const std::string& w) {
    return In(w, {"i", "jag", "ich"});
  });
  return (owes && themselves) || HasAnyPhrase(folded_, {"left to pay", "still owing", "what's left on", "whats left on",
                                                        "what is left on", "kvar att betala", "noch offen"});
}

// Whether the message names one of the consumer's own shops (two named equally count).
bool Turn::NamesOneOfTheirShops() const {
  const auto names_it = [&](const PlanFacts& p) { return MatchMerchant(folded_, {p.merchant}).has_value(); };
  return std::any_of(account_.plans.begin(), account_.plans.end(), names_it);
}

// "pay off the rest", "zahl bitte den gesamten Restbetrag", "betala hela det
// återstående beloppet": a payment asked for in so many words. Narrower than
// kWordsOfPaying: an extension's answer may speak of paying later ("I can pay on
// Friday"), which asks for no payment.
bool Turn::AsksToPayInstead() const {
  return HasAnyPhrase(folded_, {"pay off", "pay it off", "payoff", "pay the rest", "pay the whole", "pay everything",
                                "pay what's left", "pay whats left", "clear it", "settle it", "betala av",
                                "betala hela", "betala resten", "lösa", "zahl", "zahle", "bezahl", "bezahle",
                                "ablösen", "begleichen", "restbetrag"});
}

// Whether the message names another of the consumer's open plans than the one `a` is
// for, as a correction ("instead", "I meant", "not the …").
bool Turn::NamesAnotherPlanInstead(const Action& a) const {
  std::vector<std::string> others;
  for (const PlanFacts& p : account_.plans) {
    if (p.active && p.id != a.plan_id) others.push_back(p.merchant);
  }
  // "no wait wrong one, the jacket. the overdue one": the one other plan that is overdue.
  if (HasAnyPhrase(folded_, {"the overdue one", "the late one", "den försenade", "die überfällige"})) {
    const auto overdue = std::count_if(account_.plans.begin(), account_.plans.end(), [&](const PlanFacts& p) {
      return p.active && p.id != a.plan_id && !p.unpaid.empty() && p.unpaid.front().overdue;
    });
    if (overdue == 1) return true;
  }
  if (others.empty() || !MatchMerchant(folded_, others)) return false;
  // "wait no not lumen. the northwind one": the waiting plan's shop said not to be meant.
  if (negated_ && MatchMerchant(*negated_, {a.merchant})) return true;
  return HasAnyPhrase(folded_, {"instead", "i meant", "i mean", "not the", "scrap that", "scratch that",
                                "forget that", "my mistake", "mixed up", "wrong one", "the other one",
                                "the one i actually", "i actually want", "menade", "istället", "i stället",
                                "inte den",
                                "meinte", "stattdessen", "nicht die", "nicht den", "nicht das", "verwechselt"});
}

// Whether a question asks why a sum is what it is ("why is it less than $120?", "where
// did the rest go?", "warum ist es weniger").
bool Turn::AsksWhyTheSum(std::string_view s) {
  return HasAnyPhrase(s, {"why", "y not", "how come", "where did the rest", "less than", "lower than",
                          "varför", "hur kommer det sig", "mindre än", "warum", "wieso", "weniger als"});
}

// Whether a question asks that a payment takes only what it says: one instalment, not
// the whole balance; one purchase, not another.
bool Turn::AsksWhatItTakes(std::string_view s) {
  return HasAnyPhrase(s, {"just the one", "only the one", "just one payment", "only one payment", "just that one",
                          "only that one", "not the whole", "not all of it", "not everything", "won't touch",
                          "wont touch", "not touch", "only want to pay", "only wanna pay", "bara den", "bara en",
                          "inte hela", "inte allt", "rör inte", "nur die", "nur eine", "nicht alles",
                          "nicht den ganzen", "nicht die ganze", "nicht den gesamten"});
}

// Whether a question speaks of the change waiting for a yes ("so how far can you move
// it, and to what date?" of an extension): such a question leaves it waiting; any other
// request drops it.
bool Turn::AboutTheWaitingChange(const Action& a) const {
  if (a.type == ActionType::kExtend) {
    return HasAnyPhrase(folded_, {"move", "extend", "how far", "latest", "date", "how long", "push", "flytta",
                                  "förläng", "datum", "senast", "hur långt", "verschieben", "verlängern",
                                  "wie weit", "spätestens", "after that", "the others", "the other payments",
                                  "the rest of the payments", "stay the same", "stay as they are", "efter det",
                                  "de andra", "danach", "die anderen"});
  }
  if (a.type == ActionType::kPay || a.type == ActionType::kPayoff) {
    return HasAnyPhrase(folded_, {"charge", "which card", "what card", "how much will", "amount", "vilket kort",
                                  "belopp", "welche karte", "betrag", "after that", "still owe", "left to pay",
                                  "owe after", "on top", "comes off", "come off", "efter det", "danach"});
  }
  // "Quick question first: will my next instalment then come off the new card?"
  if (a.type == ActionType::kChangeMethod) {
    return AsksOfAFee(folded_) ||
           HasAnyPhrase(folded_, {"new card", "the new one", "come off", "taken from", "charged to", "go thru",
                                  "go through", "goes through", "goes thru", "on it", "next instalment",
                                  "next installment", "next payment", "nya kortet", "det nya", "nästa",
                                  "neuen karte", "neue karte", "nächste rate", "nächste zahlung"});
  }
  // "What happens if you open a case? Do my payments keep going?" of a report.
  if (a.type == ActionType::kDispute) {
    return HasAnyPhrase(folded_, {"what happens", "open a case", "report it", "keep going", "my payments",
                                  "the payments", "the payment", "next payment", "go out", "paused", "pause",
                                  "how long", "still pay", "still gotta pay", "betalningen", "meiner rate",
                                  "still have to pay", "have to pay", "the next bit", "meanwhile", "in the meantime",
                                  "vad händer", "betalningarna", "pausas", "hur länge", "måste jag", "under tiden",
                                  "was passiert", "zahlungen", "pausiert", "wie lange", "rate", "trotzdem",
                                  "solange"});
  }
  return false;
}

// "my bank account ending 6789", "take the money from my bank instead": an account to
// pay from. "My bank sent me a new card … it ends in 7752" is a card from a bank.
bool Turn::NamesABankAccount() const {
  if (HasAnyPhrase(folded_, {"bank account", "bank acct", "bankkonto", "from my bank", "account that ends",
                             "account ending", "konto som slutar", "konto mit der endung", "direct debit",
                             "autogiro", "lastschrift"})) {
    return true;
  }
  return HasAnyPhrase(folded_, {"bank", "konto"}) && !HasAnyPhrase(folded_, {"card", "kort", "kortet", "karte"});
}

bool Turn::AsksOfAFee(std::string_view s) {
  return HasAnyPhrase(s, {"fee", "fees", "cost", "costs", "charge for", "avgift", "kostar", "kostnad", "gebühr",
                          "kostet", "kosten"});
}

bool Turn::NamesAnExtension(std::string_view s) {
  return HasAnyPhrase(s, {"extend", "extended", "extension", "förläng", "förlänga", "förlängning", "verlängern",
                          "verlängert", "verlängerung"});
}

// The due date of the plan's next unpaid instalment, if any.
std::optional<Date> Turn::NextDue(const PlanFacts& p) {
  return p.unpaid.empty() ? std::nullopt : std::optional<Date>(p.unpaid.front().due);
}

// The days an extension of an instalment due on `due` moves it, as the message names
// them: to a date ("to Friday the 11th", "until the 22nd"), else by a duration ("two
// weeks", "7 days"). Nothing when it names neither.
std::optional<int> Turn::NamedExtensionDays(std::optional<Date> due) const {
  if (named_date_ && due && *named_date_ > *due) return DaysBetween(*due, *named_date_);
  return FindDays(folded_, account_.today);
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

}  // namespace tranche::assist::policy_detail
