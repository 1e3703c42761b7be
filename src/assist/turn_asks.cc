// The questions the Read* rules of a turn (turn.h) ask of the message and of the
// consumer's account: whether it names a shop, a fee, an extension or a bank account,
// asks what they owe or about another's account, and what a waiting change is about.
#include "assist/turn.h"

namespace tranche::assist::policy_detail {

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

// Whether the classifier read the message as one of `intents`, or was unsure of it: the
// readings a Read* rule may correct.
bool Turn::ReadAsOrUnsure(std::initializer_list<std::string_view> intents) const {
  return In(reading_.intent, intents) || reading_.confidence < kMinConfidence;
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
  // "no wait. other plan": of two open plans, the one not waiting — said as a correction,
  // not beside a yes ("Yes please, and the other one too", "den andra planen rör vi inte").
  const bool corrects = HasAnyPhrase(folded_, {"no", "wait", "meant", "instead", "wrong", "nej", "vänta",
                                               "menade", "istället", "nein", "warte", "moment", "meinte",
                                               "stattdessen", "falsch"}) &&
                        !IsAffirmation(folded_) &&
                        !HasAnyPhrase(folded_, {"too", "also", "as well", "också", "auch", "leave", "rör vi inte",
                                                "lasse ich", "lass"});
  if (others.size() == 1 && corrects && SpeaksOfTheOtherPlan(folded_) && !AsksSomething(folded_)) return true;
  if (others.empty() || !MatchMerchant(folded_, others)) return false;
  // "wait no not lumen. the northwind one": the waiting plan's shop said not to be meant.
  if (negated_ && MatchMerchant(*negated_, {a.merchant})) return true;
  // "omg no sorry thats the books lol. its the nightjar outdoor one": a correction, when
  // no yes stands beside it and nothing is asked ("ok yes please. its the rookery books
  // one thats due first tho right?" is neither).
  if (!IsAffirmation(folded_) && !AsksSomething(folded_) &&
      HasAnyPhrase(folded_, {"it's the", "its the", "it is the", "no sorry"})) {
    return true;
  }
  return HasAnyPhrase(folded_, {"instead", "i meant", "i mean", "not the", "scrap that", "scratch that",
                                "forget that", "my mistake", "mixed up", "wrong one", "the other one",
                                "the one i actually", "i actually want", "wrong shop", "wrong purchase", "fel butik",
                                "falscher shop", "falscher kauf", "menade", "istället", "i stället",
                                "inte den",
                                "meinte", "stattdessen", "nicht die", "nicht den", "nicht das", "verwechselt"});
}

// Whether the message names another of the consumer's shops than the one `a` is for,
// and not that one.
bool Turn::NamesAnotherShopAlone(const Action& a) const {
  if (MatchMerchant(folded_, {a.merchant})) return false;
  return std::any_of(account_.plans.begin(), account_.plans.end(), [&](const PlanFacts& p) {
    return p.active && p.merchant != a.merchant && MatchMerchant(folded_, {p.merchant}).has_value();
  });
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
  // "Quick question first: will my next instalment then come off the new card?", "will
  // the next retry use the 8830 card?"
  if (a.type == ActionType::kChangeMethod) {
    return AsksOfAFee(folded_) || (!a.last4.empty() && HasPhrase(folded_, a.last4)) ||
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

}  // namespace tranche::assist::policy_detail
