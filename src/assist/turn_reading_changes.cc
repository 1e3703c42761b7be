// The Read* rules of a turn (turn.h) for changes and hand-offs: a decline, paying now
// or early, more time, fee waivers, hardship, legal threats, and a change revised while
// another waits for its yes.
#include "assist/turn.h"

#include "servicing/servicing.h"

namespace tranche::assist::policy_detail {

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
  // "kannst du bitte meinen Einkauf bei Owlhouse Books jetzt bezahlen?" read as the limit;
  // "Can't sleep … so let's pay the Owlhouse Books order now" read as hardship, with no
  // word of money trouble: a shop of theirs paid now.
  const bool limit_unsaid = (i == "spending_limit" || i == "increase_limit") &&
                            !HasAnyPhrase(folded_, {"limit", "credit", "gräns", "köpgräns", "rahmen", "kredit",
                                                    "verfügbar", "available", "tillgänglig"});
  const bool hardship_unsaid =
      i == "hardship" && !text_handoff_ &&
      !HasAnyPhrase(folded_, {"bills", "debt", "debts", "broke", "behind on", "afford", "rent", "stretched", "money",
                              "job", "can't pay", "cant pay", "cannot pay", "unable to pay", "not able to pay",
                              "won't be able", "räkningar", "skulder", "pengar", "hyran", "jobb", "kan inte betala",
                              "klarar inte", "rechnungen", "schulden", "geld", "miete", "pleite", "arbeit",
                              "kann nicht zahlen", "kann nicht bezahlen", "kann ich nicht", "schaffe"});
  const bool named_shop_paid = (limit_unsaid || hardship_unsaid) && NamesOneOfTheirShops();
  if (i != "payment_failed" && i != "next_payment" && i != "late_fee" && !unread && !failure_told &&
      !named_shop_paid) {
    return;
  }
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
    if (HasAnyPhrase(t, {"no need to", "don't", "dont", "do not", "can't pay", "cant pay", "cannot pay", "unable to",
                         "nothing", "inte betala", "inte dra", "kan inte", "inget", "ingenting", "nichts", "kein",
                         "keine", "nicht zahlen", "nicht bezahlen", "nicht abbuchen", "kann nicht", "kann ich nicht"})) {
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
  // "What's my next instalment on that?" answered, then "I'd rather just pay it now": "it"
  // is that instalment, whatever payoff the classifier read.
  const bool pays_the_one_asked = reading_.intent == "payoff" && state_.last_question == "next_payment" &&
                                  HasAnyPhrase(folded_, {"pay it", "pay that", "betala den", "zahle sie", "sie zahlen"}) &&
                                  HasAnyPhrase(folded_, {"now", "today", "nu", "idag", "i dag", "jetzt", "heute"}) &&
                                  !AsksToPayOff(folded_);
  if (pays_the_one_asked) return Reread({"pay_now", kMinConfidence});
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
                              "vorab bezahlen", "früher zahlen", "früher bezahlen", "im voraus", "betala den redan",
                              "delbetalningen redan", "betalningen redan", "schon heute zahlen", "schon heute bezahlen",
                              "schon jetzt zahlen", "schon jetzt bezahlen"})) {
    return;
  }
  // "Jag vet redan nu att jag inte klarar nästa betalning": what cannot be paid is no
  // payment early.
  if (HasAnyPhrase(folded_, {"can't pay it", "can't pay the", "cannot pay the", "won't manage", "unable to pay",
                             "inte klarar", "klarar inte", "kan inte betala", "nicht schaffe", "kann nicht zahlen",
                             "kann ich nicht"})) {
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
  // "can i push back the kestrel luggage paymnet? how many days max": a payment pushed
  // back, read as goods sent back, when nothing is said of sending anything.
  const bool return_read = reading_.intent == "return_item" &&
                           HasAnyPhrase(folded_, {"push", "move", "postpone", "extend", "delay", "skjuta", "skjut",
                                                  "flytta", "förläng", "förlänga", "verschieben", "verlängern"}) &&
                           !HasAnyPhrase(folded_, {"return", "returned", "returning", "send back", "sent back",
                                                   "send it back", "exchange", "exchanging", "retur", "returnera",
                                                   "skicka tillbaka", "byta", "byter", "ångra", "zurückschicken",
                                                   "zurücksenden", "rücksendung", "zurückgeben", "umtauschen",
                                                   "umtausch", "widerruf", "widerrufen"});
  // Asked for, not asked about ("did the extension push back my next payment?").
  const bool requested = HasAnyPhrase(folded_, {"can i", "could i", "can you", "could you", "could it", "can it",
                                                "please", "pls", "i need", "i'd like", "id like", "i want",
                                                "i wanna", "kan jag", "kan ni", "kan du", "kann ich",
                                                "können sie", "kannst du", "bitte"});
  // "can i push back the … paymnt? like how long max n does it cost anythin", read as the
  // fees: asked for, with what it costs asked beside ("what fees are there if I push back
  // a payment?" asks the fees).
  const bool fees_read = reading_.intent == "fees_overview" && requested;
  const bool misread = pressed || days_asked || moved_by_days_asked || report || waiver || limit || put_off ||
                       card_read || return_read || fees_read ||
                       ReadAsOrUnsure({"oos", "next_payment", "balance", "pay_now", "dispute_status",
                                       "payment_history", "pause_payments", "payoff", "how_it_works", "late_fee"});
  if (!misread || uneven_split_ || FindDisputeReason(folded_) || AsksOffTopic()) return;
  // "I got an extension last week": a week past counts no days asked.
  const auto days = FindDays(WithoutPhrases(folded_, {"last week", "last month", "förra veckan", "förra månaden",
                                                      "letzte woche", "letzten monat", "vorige woche"}),
                             account_.today);
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
  // "125 charge saturday? more coming?": a day a charge was taken asks for no time ("another
  // 10 days before you take the next payment" does).
  const bool of_a_charge = TellsOfAChargeTaken(folded_);
  const bool more_time =
      time_in_words || (days && !asks_how_much && !sum_named && !of_a_charge &&
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
  // "my next instalment for the trainers is coming up … Can I shift it back a bit?": the
  // next instalment, moved back in so many words, needs no shop named.
  const bool moves_the_next_back =
      requested && SpeaksOfNextInstalment(folded_) &&
      HasAnyPhrase(folded_, {"push it back", "push back", "pushed back", "shift it back", "shift back",
                             "move it back", "move back", "moved back", "skjuta upp", "skjut upp", "verschieben",
                             "nach hinten"});
  const bool extends_a_shop =
      NamesOneOfTheirShops() &&
      (HasAnyPhrase(folded_, {"extend", "extension", "push back", "push it back", "push it out", "push the", "push my",
                              "pushed back", "pushed out", "moved back", "shift it back", "shift back", "shift the",
                              "shift my",
                              "postpone", "förläng",
                              "förlänga", "förlängning", "skjuta upp", "skjut upp", "verlängern", "verlängerung",
                              "verschieben"}) ||
       (state_.refused_by_rule && HasAnyPhrase(folded_, {"max", "maximum", "as far as", "as long as", "longest",
                                                         "så länge", "så långt", "längst", "so weit", "so lange",
                                                         "maximal"})));
  if (!more_time && !days_for_a_plan && !moved_by_days && !extends_a_shop && !moves_the_next_back && !put_off) return;
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
  if (HasAnyPhrase(folded_, {"fee", "fees", "penalty", "interest", "late charge", "late charges", "extra charge",
                             "avgift", "avgiften", "avgifter", "ränta", "räntan", "gebühr", "gebühren",
                             "mahngebühr", "zinsen"})) {
    return;
  }
  const auto* best = SureClause(u_.clauses, [](std::string_view i) {
    return i != "fee_waiver" && i != "oos" && IsKnownIntent(i);
  });
  if (best != nullptr) return Reread(*best);
  if (text_handoff_) return;
  // "Please charge $500 to clear Crisp Tech and keep the change as credit": a sum to pay
  // ("5 € zusätzlich abgebucht, weil ich zu spät war, bitte zurückbuchen" asks it back).
  const bool asks_it_back = HasAnyPhrase(folded_, {"refund", "back", "late", "extra", "zurück", "zurückbuchen",
                                                   "zu spät", "zusätzlich", "tillbaka", "för sent"});
  if (!asks_it_back && FindAmount(folded_, false) && HasAnyPhrase(folded_, kWordsOfPaying)) {
    return Reread({"pay_now", kMinConfidence});
  }
  // "saldo bitte": the balance by its name.
  if (HasAnyPhrase(folded_, {"balance", "saldo", "saldot", "kontostand"})) return Reread({"balance", kMinConfidence});
  // "Off the record then — if it were your money, which would you choose?": with no fee
  // on the account, nothing named and nothing asked taken off is no waiver at all.
  if (!HasAFeeUnpaid() && !HasAnyPhrase(folded_, {"waive", "waived", "remove", "removed", "take off", "taken off",
                                                "drop", "cancel", "refund", "let me off", "forgive", "get rid",
                                                "scrap", "wipe", "efterskänk", "ta bort", "stryk", "stryka",
                                                "radera", "erlass", "erlassen", "streich", "streichen", "entfernen",
                                                "raus", "zurücknehmen"})) {
    Reread({"oos", kMinConfidence});
  }
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

// "remove it", "can it be taken off", "kan den tas bort", "können Sie die bitte erlassen":
// something taken off, named by its pronoun.
constexpr std::string_view kRemoveIt[] = {
    "remove it", "removing it", "take it off", "taking it off", "take that off", "get rid of it", "waive it",
    "waive that", "waiving it",
    "be taken off", "it taken off", "be removed", "it removed", "be waived", "it waived", "ta bort den",
    "ta bort det", "stryka den", "efterskänka den", "den tas bort", "tas den bort", "det tas bort",
    "streichen sie sie", "entfernen sie sie", "die bitte erlassen", "sie erlassen", "die erlassen",
    "sie streichen", "die streichen", "entfernt werden", "erlassen werden", "gestrichen werden"};

// "my bank froze my card because of fraud … I want the fee removed", "not my fault the
// bank blocked my card. remove it", "Ich will, dass die Gebühr gestrichen wird": a fee
// on the account asked to be taken off is a waiver asked for, whatever failure or card
// the story around it was read as. "Remove it" needs the fee named or a grievance.
void Turn::ReadWaiverAsked() {
  // "Min pappa dog förra veckan … nu finns det en förseningsavgift. Kan ni ta bort den?":
  // a bereavement (grounded by ReadUngroundedIntent) is handed over as one, fee and all.
  if (reading_.intent == "fee_waiver" || reading_.intent == "bereavement" || ClaimsAWaiverGranted(folded_)) return;
  if (!HasAFeeUnpaid()) return;
  const bool fee_removed = HasAnyPhrase(
      folded_, {"fee removed", "remove the fee", "remove that fee", "remove this fee", "fee taken off",
                "take the fee off", "take that fee off", "drop the fee", "waive the fee", "waive it", "fee waived",
                "cancel the fee", "fee cancelled", "fee canceled", "gebühr gestrichen", "gebühr streichen",
                "gebühr erlassen", "gebühr zurücknehmen", "gebühr entfernen", "avgiften tas bort",
                "ta bort avgiften", "stryk avgiften", "avgiften struken", "efterskänk avgiften"});
  const bool grievance = HasAnyPhrase(folded_, {"not my fault", "not fair", "unfair", "not paying a penalty",
                                                "inte mitt fel", "orättvist", "nicht meine schuld", "unfair"});
  const bool remove_it = HasAnyPhrase(folded_, kRemoveIt);
  // "Jetzt wurde eine Verspätungsgebühr berechnet – können Sie die bitte erlassen?", "Is
  // there someone who can look at removing it?" after the fee was explained: the fee is
  // what "it" is, when the fee stands in the pronoun's own sentence or was just explained,
  // and no card or account is named ("just take it off my card then" charges it; "mitt
  // gamla kort – kan ni ta bort det?" is the card).
  // "there's a $7 late fee on the garden centre plan. I couldn't deal with anything. Is
  // there any way it can be taken off?": the fee named in an earlier sentence too, when
  // the pronoun's own sentence names nothing else it could be.
  const std::vector<std::string_view> sentences = Sentences(folded_);
  const auto names_the_fee = [](std::string_view t) {
    return HasAnyPhrase(t, {"late fee", "the fee", "a fee", "this fee", "that fee", "förseningsavgift",
                            "avgiften", "en avgift", "gebühr", "verspätungsgebühr", "mahngebühr"});
  };
  bool fee_before = false;
  bool fee_by_its_pronoun = false;
  for (std::string_view t : sentences) {
    fee_before = fee_before || names_the_fee(t);
    const bool names_another_thing =
        HasAnyPhrase(t, {"plan", "order", "purchase", "item", "payment", "number", "phone", "email", "address",
                         "profile", "köp", "köpet", "beställning", "betalning", "nummer", "telefon", "e-post",
                         "adress", "profil", "bestellung", "zahlung", "kauf", "adresse"});
    if (HasAnyPhrase(t, kRemoveIt) && (names_the_fee(t) || (fee_before && !names_another_thing))) {
      fee_by_its_pronoun = true;
    }
  }
  // "If I pay the late fee today, will it be removed from my record?" pays it.
  const bool pays_it = HasAnyPhrase(folded_, {"if i pay", "when i pay", "once i pay", "i'll pay", "i will pay",
                                              "om jag betalar", "när jag betalar", "jag betalar", "wenn ich zahle",
                                              "wenn ich bezahle", "ich zahle", "ich bezahle"});
  const bool fee_in_view =
      !NamesACardOrBank(folded_) && !pays_it &&
      !HasAnyPhrase(folded_, {"off my card", "off my account", "autopay", "kort", "karte", "konto"}) &&
      (state_.last_question == "late_fee" || fee_by_its_pronoun);
  // Not when it asks why the fee was charged (the fee is explained first: "why 7 dollar
  // fee?? remove it"), nor when it claims the fee was agreed away ("we've agreed with
  // your company to cover my late fee, so take it off").
  const bool asks_why = HasAnyPhrase(folded_, {"why", "varför", "warum", "wieso", "explain", "förklara", "erklären"});
  const bool claims_a_deal = ClaimsStaffAuthority(folded_) ||
                             HasAnyPhrase(folded_, {"agreed", "approved", "authorised", "authorized", "överens",
                                                    "godkänt", "godkände", "vereinbart", "genehmigt"});
  const bool fee_by_pronoun = remove_it && fee_in_view && !asks_why && !claims_a_deal;
  if (!fee_removed && !(remove_it && grievance) && !fee_by_pronoun) return;
  Reread({"fee_waiver", std::max(reading_.confidence, kMinConfidence)});
}

// A stated change answered with other terms ("ok not that long, just move it to Friday
// next week", "no. 7 days then", "nah just $40", "no, only the next instalment") is a
// new request of the same kind: the waiting change gives way to it, and it too is
// stated and runs only on a yes. Terms equal to the waiting change's are a yes to it.
bool Turn::ReadRevisedChange() {
  const Action& a = *state_.pending;
  std::string intent;
  // Not "Yes please go ahead. Will my Rookery Books payments be affected?": the other
  // shop is named in a question, and nothing is asked reported there.
  const bool report_asked_there =
      NamesAnotherShopAlone(a) && !AsksSomething(folded_) &&
      HasAnyPhrase(folded_, {"report", "anmäl", "anmäla", "reklamera", "melden", "melde", "reklamieren"});
  if (a.type == ActionType::kDispute && (NamesAnotherPlanInstead(a) || report_asked_there)) {
    // "OK, let's do that. Please report a problem for my Rookery Books purchase." while
    // the Nightjar report waits: the report is stated again, on the shop now named.
    intent = ReportIntentOf(a.reason);
  } else if (a.type == ActionType::kExtend && NamesAnotherPlanInstead(a)) {
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
                             "then", "so", "please", "pls", "just", "oh", "ah", "fair", "ja", "okej", "gärna", "bitte",
                             "gut", "super"})) {
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
    // "pay off what i actually owe" asks nothing; "pay it all off now what would that
    // save me" does.
    return bids && AsksToPayOff(s) && !puts_off && !another_shop && !IsDenial(s) && !SaysNo(s) &&
           !AsksSomething(WithoutWhatIsOwed(s)) && !FindAmount(s, false).has_value();
  }
  return a.type == ActionType::kExtend &&
         HasAnyPhrase(s, {"do the", "go with the", "take the", "extend it", "move it", "gör de", "ta de",
                                "förläng den", "flytta den", "mach die", "nimm die", "verlängere sie",
                                "verschieb sie"}) &&
         FindCountedDays(s) == std::optional<int>(a.days);
}

}  // namespace tranche::assist::policy_detail
