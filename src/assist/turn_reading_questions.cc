// The Read* rules of a turn (turn.h) for questions of money: balances, room to spend,
// limits, charges and fees, payoffs, refunds, rates, failed payments, what is coming up
// and how the product works. Each corrects or completes what the classifier read where
// the message's own words say otherwise.
#include "assist/turn.h"

#include "servicing/servicing.h"

namespace tranche::assist::policy_detail {

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

bool Turn::NamesAFeeOfTheirsBySum() const {
  const auto slot = FindAmount(folded_, false);
  if (!slot || !slot->minor) return false;
  const std::int64_t sum = *slot->minor;
  return std::any_of(account_.plans.begin(), account_.plans.end(), [&](const PlanFacts& p) {
    return p.fees_unpaid_minor > 0 && (sum == servicing::kLateFeeMinor || sum == p.fees_unpaid_minor);
  });
}

// "there's a seven dollar charge on my Copperleaf plan that I don't recognise. What's it
// for? And how much do I owe on it?": a charge asked after by the sum of a fee of theirs
// is the fee, whatever balance or unknown charge the classifier read (the balance asked
// beside it is a further question).
void Turn::ReadFeeByItsAmount() {
  const bool asks_what_it_is = reading_.intent == "balance" && AsksSomething(folded_) &&
                               HasAnyPhrase(folded_, {"charge", "fee", "what's it for", "whats it for", "what is it for",
                                                      "avgift", "dragning", "gebühr", "abbuchung"});
  if (!ReadAsOrUnsure({"oos", "payment_history", "dispute_unauthorized"}) && !asks_what_it_is) return;
  if (NamesAFeeOfTheirsBySum()) Reread({"late_fee", kMinConfidence});
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
                                               {"hela", "resten", "skulden", "köp", "köpet", "planen", "lånet", "allt",
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
  // "wanna just clear it", "I'd rather just be done with that plan tonight", "den Rest
  // des Plans abbezahlen": the plan cleared, or its rest paid off, in other words.
  // "I'd just like to clear whatever's left on that plan", "let's just get rid of it. Can
  // you take the rest now?": the same ("how you take the rest of the payments" asks the
  // schedule; "I'd like to get rid of it" of a lamp returns it).
  const bool clears_it =
      HasAnyPhrase(folded_, {"clear it", "clear that one", "clear the plan", "be done with that plan",
                             "be done with the plan", "be done with it", "clear whatever's left",
                             "clear whatever is left", "clear what's left", "clear the rest", "take the rest now",
                             "take the rest today", "take the rest right now", "take what's left now"}) ||
      (HasAnyPhrase(folded_, {"the rest", "den rest", "resten"}) &&
       HasAnyPhrase(folded_, {"pay off", "abbezahlen", "abzahlen", "bezahlen", "betala av", "betala"}));
  const bool wants = HasAnyPhrase(folded_, {"want to", "wanna", "i'd like", "i would like", "i'd now like",
                                            "i would now like", "i'd just like", "i would just like",
                                            "let's just", "lets just", "i'd love to",
                                            "i would love to", "i'd rather", "i would rather", "id rather", "let me",
                                            "vill", "skulle vilja", "möchte", "will", "würde gern", "würde gerne",
                                            "hätte gern"});
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
  // "pay the rest of rosa kids all at once, the shop refunded already 40", "orla home
  // refund applied? whats left. pay it off": a sentence that opens on paying wants it too.
  const std::vector<std::string_view> sentences = Sentences(folded_);
  const bool opens_on_paying = std::any_of(sentences.begin(), sentences.end(), [](std::string_view t) {
    const std::vector<std::string> words = Words(t);
    return !words.empty() && In(words.front(), {"pay", "betala", "zahle", "bezahle"});
  });
  // A wish to pay off is no question of a pause either ("delåterbetalning … vill betala
  // av resten av planen" read as one).
  // "I'd rather not pay it off yet", "I don't want to pay off the rest", "Can I pay the
  // rest later / as normal?": turned down.
  const bool turned_down =
      HasAnyPhrase(folded_, {"rather not", "don't want to", "dont want to", "do not want to", "not pay", "not yet",
                             "later", "as normal", "as usual", "vill inte", "inte betala", "senare", "som vanligt",
                             "i delbetalningar", "möchte nicht", "will nicht", "nicht abbezahlen", "nicht ablösen",
                             "später", "wie gewohnt", "in raten"});
  // "kann ich den Rest jetzt bezahlen?": a payoff asked whether it can be done now.
  // "Can you take the rest now?" asks it too; "could you tell me the payoff figure today"
  // asks a figure.
  const bool asks_it_now = HasAnyPhrase(folded_, {"can i", "could i", "can you take", "could you take", "can you pay",
                                                  "could you pay", "can you clear", "could you clear", "kan jag",
                                                  "kann ich"}) &&
                           HasAnyPhrase(folded_, {"now", "today", "nu", "idag", "i dag", "jetzt", "heute"});
  const bool wants_it_paid_off = (wants || asks_it_now || opens_on_paying) && !turned_down &&
                                 (clears || clears_it || settles_theirs || AsksToPayOff(folded_)) &&
                                 (i == "balance" || i == "refund_status" || i == "return_item" || i == "pause_payments" ||
                                  i == "list_plans" || i == "how_it_works");
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
  // "how do I clear it?" of a notification is no payoff: "clear it" counts only wished for.
  if (!settles_theirs && !says_pay_off && !clears && !(clears_it && wants_it_paid_off)) return;
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
  // "tidewater gave me some money back for the missing lid, whats left to pay on it
  // now?": what is left of a plan its shop has refunded, asked beside the refund told
  // of, is answered by the refund, which says what is left after it.
  // A refund of their own, by its name: not "tax refund", "returned from holiday" or a
  // balance that "hasn't gone down".
  const bool refund_told =
      HasAnyPhrase(folded_, {"refund", "refunded", "money back", "gave me back", "paid me back", "återbetalning",
                             "återbetalade", "återbetalat", "betalade tillbaka", "fick tillbaka", "erstattung",
                             "erstattet", "rückerstattung", "zurückerstattet", "geld zurück"}) &&
      !HasAnyPhrase(folded_, {"tax refund", "tax return", "skatteåterbäring", "steuererstattung",
                              "steuerrückerstattung"});
  if (reading_.intent == "balance" && refund_told && refunded_plan_named && AsksSomething(folded_)) {
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

// "And the bike from Bumblebee Bikes, I reported the wobbly wheel last week. Am I right
// that I don't pay anything on that while it's being looked at? How long does that
// last?": a question of a plan of theirs a report has paused, not understood, is its
// report's state and pause.
void Turn::ReadPausedPlanAskedAfter() {
  if (!ReadAsOrUnsure({"oos"}) || !AsksSomething(folded_) || AsksOffTopic()) return;
  // Of its payments ("Does Larkspur Ceramics have a shop in Malmö?" asks none).
  if (!HasAnyPhrase(folded_, {"pay", "paying", "payment", "payments", "paused", "pause", "charged", "owe", "due",
                              "report", "reported", "betala", "betalar", "betalning", "betalningar", "pausad",
                              "pausade", "anmälde", "zahlen", "zahle", "zahlung", "zahlungen", "pausiert", "gemeldet"})) {
    return;
  }
  const bool a_reported_plan_named = std::any_of(account_.plans.begin(), account_.plans.end(), [&](const PlanFacts& p) {
    return p.paused_until && !p.dispute_status.empty() && MatchMerchant(folded_, {p.merchant}).has_value();
  });
  if (a_reported_plan_named) Reread({"dispute_status", kMinConfidence});
}

// "charged", "took", "why did u take", "125 charge saturday": a charge told as taken, not
// asked to be taken ("I'd rather get the $38.75 … out of the way now. Can you take it?",
// "before you take the next payment", "charge me").
bool Turn::TellsOfAChargeTaken(std::string_view s) const {
  return HasAnyPhrase(s, {"charged", "took", "taken", "drog", "drogs", "dragits", "abgebucht", "abbuchung",
                          "dragning"}) ||
         (HasPhrase(s, "charge") &&
          !HasAnyPhrase(s, {"can you charge", "could you charge", "please charge", "charge it", "charge me"})) ||
         (HasPhrase(s, "take") && HasAnyPhrase(s, {"did you", "did u", "why did"}));
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
  // "Och hur fungerar Betala i 4? Hur många betalningar, när dras de?" read as their next
  // payment: the product asked after by its name, none of their shops named.
  const bool their_plans_read = ReadAsOrUnsure({"next_payment", "payment_schedule", "list_plans", "balance"}) &&
                                !NamesOneOfTheirShops();
  if ((!ReadAsOrUnsure({"oos"}) && !no_decline && !their_plans_read) || !AsksHowPayIn4Works(folded_)) return;
  Reread({"how_it_works", std::max(reading_.confidence, kMinConfidence)});
}

// "yo why did u charge my card at like midnight, how much was it", read as out of scope;
// "my bank app pinged me with a payment to you … What was it, and for how much?", read as
// a failure on an account with none and no word of one: a payment taken, asked after.
void Turn::ReadAChargeAskedAfter() {
  // "125 charge saturday? more coming?", "wait why did u guys take 125 off me on
  // saturday?? i didnt buy anything": a charge asked after by the sum of a payment taken
  // is that payment, whatever time or unknown purchase the classifier read.
  // The question itself is about the charge: the sum told as taken in it, nothing else
  // asked ("After the $20 you took on Saturday, what's my balance?", "Will I be charged
  // $20 again on Friday?", "could the payment due on Friday wait a week?" ask on).
  const std::vector<std::string_view> questions = Questions(folded_);
  const bool asks_of_the_charge = std::any_of(questions.begin(), questions.end(), [&](std::string_view q) {
    const auto sum = FindAmount(q, true);
    const bool a_payment_taken =
        sum && sum->minor && std::any_of(account_.plans.begin(), account_.plans.end(), [&](const PlanFacts& p) {
          return p.last_payment && p.last_payment->amount_minor == *sum->minor;
        });
    return a_payment_taken && TellsOfAChargeTaken(q) &&
           !HasAnyPhrase(q, {"balance", "owe", "left", "next", "again", "wait a", "wait until", "wait till", "extend",
                             "later", "saldo", "skyldig", "kvar", "nästa", "igen", "offen", "nächste", "wieder"});
  });
  if (asks_of_the_charge && !AsksOfAFee(folded_) &&
      ReadAsOrUnsure({"oos", "next_payment", "extend_due_date", "balance", "dispute_unauthorized"})) {
    return Reread({"payment_history", kMinConfidence});
  }
  const bool failure_unfounded =
      reading_.intent == "payment_failed" && !HasAFailure() && !SpeaksOfAFailedPayment(folded_);
  if ((!ReadAsOrUnsure({"oos"}) && !failure_unfounded) || !AsksSomething(folded_) || AsksOfAFee(folded_)) return;
  if (!HasAnyPhrase(folded_, {"charge my card", "charged my card", "charged me", "did u charge", "did you charge",
                              "payment to you", "payment to tranche", "took money", "taken from my card",
                              "drog ni", "dragit från mitt kort", "habt ihr abgebucht", "haben sie abgebucht"})) {
    return;
  }
  Reread({"payment_history", kMinConfidence});
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

}  // namespace tranche::assist::policy_detail
