#include "assist/slots.h"

#include <gtest/gtest.h>

#include <random>

#include "assist/text.h"

namespace tranche::assist {
namespace {

std::optional<AmountSlot> Amount(std::string_view text, bool bare_ok = false) {
  return FindAmount(Fold(text), bare_ok);
}
std::int64_t Minor(std::string_view text, bool bare_ok = false) {
  auto a = Amount(text, bare_ok);
  return a && a->minor ? *a->minor : -1;
}

// "your pay in 4" names the product, not a sum; a message opening with its verb asks.
TEST(SlotsTest, PayInFourIsNoSumAndAVerbFirstAsks) {
  EXPECT_EQ(Minor("I bought it with your pay in 4 and want to pay now", true), -1);
  EXPECT_EQ(Minor("pay 40 now", true), 4000);
  EXPECT_TRUE(AsksSomething(Fold("will the payment go thru on it then")));
  EXPECT_TRUE(AsksSomething(Fold("kann ich das noch ändern")));
  EXPECT_TRUE(AsksSomething(Fold("ugh. so whats the date if its 2 weeks")));
  EXPECT_FALSE(AsksSomething(Fold("pay it now please")));
  EXPECT_FALSE(AsksSomething(Fold("do it")));
  // German "was" asks in German only.
  EXPECT_TRUE(AsksSomething(Fold("und was ich noch schulde")));
  EXPECT_FALSE(AsksSomething(Fold("ah gotcha, didn't realise there was so little left. yeah just clear it, go ahead")));
  EXPECT_EQ(Minor("tracking dead 4 a week. can i report it", true), -1);
  EXPECT_FALSE(IsAffirmation(Fold("huh y not 120")));
  EXPECT_TRUE(IsAffirmation(Fold("y")));
  EXPECT_TRUE(IsAffirmation(Fold("Okej, gör de 14 dagarna.")));
  EXPECT_TRUE(IsAffirmation(Fold("sure, go on")));
  EXPECT_FALSE(IsAffirmation(Fold("Sorry, just to be sure we're on the same page: the bike is the Kestrel plan, not "
                                  "the candle shop. Only that one.")));
  EXPECT_FALSE(IsAffirmation(Fold("not sure about that")));
  EXPECT_EQ(FindCountedDays(Fold("push it out another couple weeks")), 14);
  EXPECT_EQ(FindDisputeReason(Fold("högtalaren har fortfarande inte har kommit")), "not_received");
  EXPECT_EQ(FindDisputeReason(Fold("Der Mixer kam mit einem Riss an")), "wrong_item");
  EXPECT_EQ(FindDisputeReason(Fold("the thing never even showed up")), "not_received");
  EXPECT_EQ(FindDisputeReason(Fold("not paying for something I didn't order")), "wrong_item");
}

TEST(SlotsTest, AmountsInThreeLanguages) {
  EXPECT_EQ(Minor("can I pay $30 now"), 3000);
  EXPECT_EQ(Minor("pay 30 dollars"), 3000);
  EXPECT_EQ(Minor("pay thirty dollars please"), 3000);
  EXPECT_EQ(Minor("twenty five bucks"), 2500);
  EXPECT_EQ(Minor("Set my limit to $10,000"), 1'000'000);
  EXPECT_EQ(Minor("bump it to ten grand"), 1'000'000);
  EXPECT_EQ(Minor("jag vill betala 30,50 kr"), 3050);
  EXPECT_EQ(Minor("betala trettio kronor"), 3000);
  EXPECT_EQ(Minor("Ich zahle 12,50 €"), 1250);
  EXPECT_EQ(Minor("ich zahle € 12.50"), 1250);
  EXPECT_EQ(Minor("zwanzig Euro bitte"), 2000);
  EXPECT_EQ(Minor("pay 1.200,50 EUR"), 120050);
  EXPECT_EQ(Minor("10k dollars"), 1'000'000);
  // The rest kept as credit is what would be left over; the sum is the one named.
  EXPECT_EQ(Minor("charge $400 and keep the rest as credit"), 40000);
  EXPECT_EQ(Minor("dra 400 dollar och spara resten"), 40000);
}

TEST(SlotsTest, NumbersWrittenInWordsAsPeopleWriteThem) {
  EXPECT_EQ(Minor("Jag vill betala in fyrtiofem dollar"), 4500);
  EXPECT_EQ(Minor("fünfundvierzig Dollar bitte"), 4500);
  EXPECT_EQ(Minor("zweihundertfünfzig Euro"), 25000);
  EXPECT_EQ(Minor("etthundrafemtio kronor"), 15000);
  EXPECT_EQ(Minor("two thousand five hundred dollars"), 250000);
  EXPECT_EQ(Minor("the hundred-and-twenty-five-dollar instalment"), 12500);
  EXPECT_EQ(Minor("two hundred and fifty dollars"), 25000);
  EXPECT_EQ(Minor("forty and twenty dollars"), 2000);
  EXPECT_EQ(Minor("ninety nine dollars"), 9900);
  // A price read aloud: dollars, then cents.
  EXPECT_EQ(Minor("It's the forty-two fifty one.", true), 4250);
  EXPECT_EQ(Minor("forty-two fifty five dollars"), 4255);
  EXPECT_EQ(Minor("twenty five dollars"), 2500);
  EXPECT_EQ(Minor("pay fourty dollers on the jacket"), 4000);
  EXPECT_EQ(Minor("zweitausendfünfhundert Euro"), 250000);
  EXPECT_EQ(Minor("tvåtusen fem hundra kronor"), 250000);
  // Bounded at ten million, however the words run.
  EXPECT_EQ(Minor("hundred hundred hundred hundred hundred hundred dollars"), 1'000'000'000);
  // Words that only look like numbers are none.
  EXPECT_EQ(Minor("the femte payment, dollars"), -1);
}

// Any run of number words, parts of them, currencies and digits, in any order, gives a
// sum within the bound or none, and never trips an assertion (seeded, so it replays).
TEST(SlotsTest, AnyRunOfNumberWordsGivesABoundedSumOrNone) {
  const std::vector<std::string> pieces = {
      "one", "twelve", "forty", "fourty", "hundred", "thousand", "a", "en", "ett", "tjugo", "fem", "hundra",
      "tusen", "tvåtusen", "fyrtiofem", "zwei", "und", "vierzig", "hundert", "tausend", "zweitausendfünfhundert",
      "fünfundvierzig", "dollars", "kr", "euro", "$", "€", "not", "nicht", "30", "1,200.50", "9999999", "please",
      "days", ",", "-"};
  std::mt19937 rng(20261206);
  for (int round = 0; round < 5000; ++round) {
    std::string text;
    const int length = 1 + static_cast<int>(rng() % 12);
    for (int k = 0; k < length; ++k) {
      text += pieces[rng() % pieces.size()];
      text += rng() % 3 == 0 ? "" : " ";
    }
    for (const bool bare_ok : {false, true}) {
      const auto a = FindAmount(Fold(text), bare_ok);
      if (a && a->minor) {
        EXPECT_GE(*a->minor, 0) << text;
        EXPECT_LE(*a->minor, 100'000'000'000) << text;
      }
    }
  }
}

TEST(SlotsTest, ASumSaidNotToBeMeantIsSkipped) {
  EXPECT_EQ(Minor("sorry, I meant forty, not forty-five.", true), 4000);
  EXPECT_EQ(Minor("I meant $40 not $45"), 4000);
  EXPECT_EQ(Minor("not $45 but $40"), 4000);
  EXPECT_EQ(Minor("förlåt, jag menade fyrtio, inte fyrtiofem", true), 4000);
  // A bare number word counts only where bare numbers do, and not before another word.
  EXPECT_EQ(Minor("I meant forty", false), -1);
  EXPECT_EQ(Minor("pay two instalments", true), -1);
  // A count of things bought is no sum.
  EXPECT_EQ(Minor("returned 1 pair. just take 50", true), 5000);
  EXPECT_EQ(Minor("ich habe 2 Paar zurückgeschickt", true), -1);
  EXPECT_EQ(Minor("the next one", true), -1);
  EXPECT_EQ(Minor("da stehen jetzt 4 Raten", true), -1);  // a count of instalments
}

TEST(SlotsTest, MoneyNamedAsMoneyBeatsABareNumberAndADayIsNoAmount) {
  EXPECT_EQ(Minor("I'm away on the 5th so I'd rather get the $38.75 out of the way now", true), 3875);
  EXPECT_EQ(Minor("pay 40 on the 22nd", true), 4000);
  EXPECT_EQ(Minor("can you take it on the 5th", true), -1);
  EXPECT_EQ(Minor("betala den 22:a", true), -1);
  EXPECT_EQ(Minor("pay 25 now", true), 2500);
}

// "about 5,000": a sum written with its thousands set apart is never a card's digits.
TEST(SlotsTest, AGroupedSumIsNoCardsDigits) {
  EXPECT_EQ(FindLast4(Fold("a small windfall from a premium bond, about 5,000, and my grandson"), "7402"),
            std::nullopt);
  EXPECT_EQ(FindLast4(Fold("switch to my card ending 5000"), "7402"), "5000");
}

// "Tusen tack" is a thousand thanks, not a thousand of anything to pay.
TEST(SlotsTest, ThanksByTheThousandAreNoSum) {
  EXPECT_EQ(Minor("Ja, var snäll och genomför det. Tusen tack!", true), -1);
  EXPECT_EQ(Minor("Ja bitte, tausend Dank", true), -1);
  EXPECT_EQ(Minor("yes go ahead, thanks a million", true), -1);
  EXPECT_EQ(Minor("betala tusen kronor, tusen tack", true), 100000);
}

TEST(SlotsTest, TheRestIsNotANumber) {
  for (std::string_view t : {"pay the rest", "Jag vill betala resten", "Ich möchte den Rest bezahlen"}) {
    auto a = Amount(t);
    ASSERT_TRUE(a.has_value()) << t;
    EXPECT_TRUE(a->rest) << t;
    EXPECT_FALSE(a->minor.has_value()) << t;
  }
}

// "Can I pay $100 of that now and the rest when it's due?": the rest is left for later,
// and the sum named is what is paid now.
TEST(SlotsTest, TheRestLeftForLaterLeavesTheSumNamed) {
  EXPECT_EQ(Minor("Can I pay $100 of that now and the rest when it's due?", false), 10000);
  EXPECT_EQ(Minor("Kan jag betala 100 dollar av det nu och resten när det förfaller?", false), 10000);
  EXPECT_EQ(Minor("Kann ich jetzt schon 100 Dollar davon zahlen und den Rest dann, wenn es fällig ist?", false), 10000);
  EXPECT_TRUE(Amount("pay the rest now").value().rest);
}

TEST(SlotsTest, BareNumbersOnlyWhenPaying) {
  EXPECT_EQ(Minor("pay 45 on the bike", false), -1);
  EXPECT_EQ(Minor("pay 45 on the bike", true), 4500);
  EXPECT_EQ(Minor("a payment from monday, 42 dollars 50, what is it", false), 4250);
  EXPECT_EQ(Minor("42 dollars 50 cents", false), 4250);
  EXPECT_EQ(Minor("pay 42 dollars on 15 december", false), 4200);
  EXPECT_EQ(Minor("extend by 14 days", true), -1);
  EXPECT_EQ(Minor("use my card ending 4242", true), -1);
  EXPECT_FALSE(Amount("when is my next payment", true).has_value());
}

TEST(SlotsTest, CalendarDates) {
  const Date tuesday = *ParseDate("2026-12-01");  // a Tuesday
  const auto date = [&](std::string_view text) { return FindDate(Fold(text), tuesday); };
  EXPECT_EQ(date("move it to December 11"), ParseDate("2026-12-11"));
  EXPECT_EQ(date("could you move it to Friday 11 December instead?"), ParseDate("2026-12-11"));
  EXPECT_EQ(date("the 11th of december"), ParseDate("2026-12-11"));
  EXPECT_EQ(date("ugh ok. friday the 11th then"), ParseDate("2026-12-11"));
  EXPECT_EQ(date("like the 22nd?"), ParseDate("2026-12-22"));
  EXPECT_EQ(date("the one due on the 1st"), ParseDate("2026-12-01"));  // today counts
  EXPECT_EQ(date("the 30th of november"), ParseDate("2027-11-30"));  // passed: next year's
  EXPECT_EQ(date("flytta den till den 11:e"), ParseDate("2026-12-11"));
  EXPECT_EQ(date("till 11 december"), ParseDate("2026-12-11"));
  EXPECT_EQ(date("bitte auf den 11. Dezember"), ParseDate("2026-12-11"));
  EXPECT_EQ(date("am 22. bitte"), ParseDate("2026-12-22"));
  EXPECT_EQ(date("just move it to friday next week"), ParseDate("2026-12-11"));
  EXPECT_EQ(date("fredag nästa vecka"), ParseDate("2026-12-11"));
  EXPECT_EQ(date("nächste Woche Montag"), ParseDate("2026-12-07"));
  EXPECT_EQ(date("january 3rd"), ParseDate("2027-01-03"));
  // Numbers that are no date.
  EXPECT_FALSE(date("extend by 14 days").has_value());
  EXPECT_FALSE(date("pay 45 on the bike").has_value());
  EXPECT_FALSE(date("i have 2 plans").has_value());
  EXPECT_FALSE(date("may i pay now").has_value());
  EXPECT_FALSE(date("next week please").has_value());
  EXPECT_FALSE(date("the 32nd").has_value());
  EXPECT_FALSE(date("february 30").has_value());
}

TEST(SlotsTest, DaysAndDates) {
  const Date tuesday = *ParseDate("2026-12-01");  // a Tuesday
  EXPECT_EQ(FindDays(Fold("can I push it back two weeks"), tuesday), 14);
  EXPECT_EQ(FindDays(Fold("14 days please"), tuesday), 14);
  EXPECT_EQ(FindDays(Fold("a seven-day extension on my next instalment"), tuesday), 7);
  EXPECT_EQ(FindDays(Fold("a 10-day delay"), tuesday), 10);
  EXPECT_EQ(FindDays(Fold("we bought it on the 12-month plan"), tuesday), std::nullopt);
  EXPECT_EQ(FindDays(Fold("I've only used the pay-later-in-30-days thing"), tuesday), std::nullopt);
  EXPECT_EQ(FindDays(Fold("give me a week"), tuesday), 7);
  EXPECT_EQ(FindDays(Fold("3 weeks"), tuesday), 21);
  EXPECT_EQ(FindDays(Fold("until next Friday"), tuesday), 3);
  EXPECT_EQ(FindDays(Fold("a month"), tuesday), 30);
  EXPECT_EQ(FindDays(Fold("kan jag skjuta upp betalningen två veckor"), tuesday), 14);
  EXPECT_EQ(FindDays(Fold("tio dagar"), tuesday), 10);
  EXPECT_EQ(FindDays(Fold("till nästa fredag"), tuesday), 3);
  EXPECT_EQ(FindDays(Fold("Kann ich zwei Wochen später zahlen?"), tuesday), 14);
  EXPECT_EQ(FindDays(Fold("um 10 Tage verschieben"), tuesday), 10);
  EXPECT_EQ(FindDays(Fold("bis nächsten Dienstag"), tuesday), 7);
  EXPECT_FALSE(FindDays(Fold("when is my next payment"), tuesday).has_value());
}

TEST(SlotsTest, MerchantsMatchFuzzilyAgainstTheConsumersOwn) {
  const std::vector<std::string> mine = {"Harbor Furniture", "Crisp Tech", "Nordic Outdoor"};
  EXPECT_EQ(MatchMerchant(Fold("next payment harbor furniture?"), mine), 0u);
  EXPECT_EQ(MatchMerchant(Fold("pay crisp tech now"), mine), 1u);
  EXPECT_EQ(MatchMerchant(Fold("the crisptech order"), mine), 1u);
  EXPECT_EQ(MatchMerchant(Fold("my harbour furnture sofa"), mine), 0u);
  EXPECT_EQ(MatchMerchant(Fold("min beställning från Nordic Outdoor"), mine), 2u);
  EXPECT_EQ(MatchMerchant(Fold("meine Bestellung bei Crisp"), mine), 1u);
  EXPECT_FALSE(MatchMerchant(Fold("the headphones"), mine).has_value());
  EXPECT_FALSE(MatchMerchant(Fold("Ikea order"), mine).has_value());
  // A shop goes by its first word; two shops sharing it are not told apart by it.
  const std::vector<std::string> two = {"Tidewater Garden Supply", "Glenmoor Pet Co"};
  EXPECT_EQ(MatchMerchant(Fold("pay tidewater next payment now"), two), 0u);
  EXPECT_EQ(MatchMerchant(Fold("the glenmoor order"), two), 1u);
  EXPECT_FALSE(MatchMerchant(Fold("my garden order"), two).has_value());  // not the first word
  const std::vector<std::string> same_first = {"Tidewater Garden Supply", "Tidewater Pets"};
  EXPECT_FALSE(MatchMerchant(Fold("pay tidewater now"), same_first).has_value());
}

TEST(SlotsTest, APurchaseCalledByWhatWasBoughtMatchesTheOneShopThatSellsIt) {
  const std::vector<std::string> mine = {"Atlas Rugs & Textiles", "Kestrel Running Co", "Northpeak Outerwear"};
  EXPECT_EQ(MatchMerchant(Fold("the rug never showed up"), mine), 0u);
  EXPECT_EQ(MatchMerchant(Fold("my trainers payment"), mine), 1u);
  EXPECT_EQ(MatchMerchant(Fold("Für die Laufschuhe, bitte"), mine), 1u);
  EXPECT_EQ(MatchMerchant(Fold("min jacka"), mine), 2u);
  EXPECT_FALSE(MatchMerchant(Fold("the sofa"), mine).has_value());  // none sells it
  // Two shops of the kind: not told apart by it.
  EXPECT_FALSE(MatchMerchant(Fold("the coat"), {"Northpeak Outerwear", "Alba Apparel"}).has_value());
  EXPECT_EQ(MatchMerchant(Fold("the armchair"), {"Pixel Harbor", "Velvet & Oak"}), 1u);
  EXPECT_EQ(MatchMerchant(Fold("the running shoes"), {"Lumen Home", "Stride Athletics"}), 1u);
  EXPECT_EQ(MatchMerchant(Fold("the garden furniture set"), {"Northbay Shoes", "Copperleaf Garden"}), 1u);
  // A shop named after a correction is the one meant; a long name bears two slips.
  const std::vector<std::string> three = {"Marigold & Vine", "Bellwether Kids", "Quillstone Audio"};
  EXPECT_EQ(MatchMerchant(Fold("pay the marigold n vine one early - wait no sorry, i meant the quillston audio one"),
                          three),
            2u);
  EXPECT_EQ(MatchMerchant(Fold("extend copperlief 14 days"), {"Northbay Shoes", "Copperleaf Garden"}), 1u);
  EXPECT_EQ(MatchMerchant(Fold("the makeup order"), {"Northwind Outdoor", "Lumen Beauty"}), 1u);
  EXPECT_EQ(MatchMerchant(Fold("the skincare one"), {"Northwind Outdoor", "Lumen Beauty"}), 1u);
  EXPECT_EQ(MatchMerchant(Fold("das Halskette"), {"Aurora Gold", "Pixel Harbor"}), 0u);
  EXPECT_EQ(MatchMerchant(Fold("the espresso machine"), {"Harbor Roasters", "Pixel Harbor"}), 0u);
  EXPECT_EQ(MatchMerchant(Fold("betalning för espressomaskinen"), {"Northfield Outdoor", "Crema & Co"}), 1u);
  // Goods for the home at a shop named for the home, when no shop names their kind.
  EXPECT_EQ(MatchMerchant(Fold("the standing desk"), {"Ashgrove Home", "Pixel Pantry"}), 0u);
  EXPECT_EQ(MatchMerchant(Fold("für meinen Schreibtisch"), {"Ashgrove Home", "Pixel Pantry"}), 0u);
  EXPECT_EQ(MatchMerchant(Fold("the lamp"), {"Fjord Home", "Lumen Lighting"}), 1u);
  EXPECT_FALSE(MatchMerchant(Fold("the desk"), {"Fjord Home", "Nordhaus Living"}).has_value());
  EXPECT_EQ(MatchMerchant(Fold("på min elcykel"), {"Brightleaf Books", "Velora Cycles"}), 1u);
  EXPECT_EQ(MatchMerchant(Fold("the jacket"), {"Velo Nord", "Kestrel Outdoor"}), 1u);
  EXPECT_EQ(MatchMerchant(Fold("my kitchen appliance purchase"), {"Copper Kettle Kitchen", "Fernway Books"}), 0u);
  EXPECT_EQ(MatchMerchant(Fold("the wetsuit payment"), {"Velo Nord", "Driftwood Surf"}), 1u);
  // A name still wins over a kind.
  EXPECT_EQ(MatchMerchant(Fold("the coat from alba"), {"Northpeak Outerwear", "Alba Apparel"}), 1u);
}

TEST(SlotsTest, TheCardDigitsAfterACorrectionAreTheOnesMeant) {
  EXPECT_EQ(FindLast4(Fold("pls change my card to the new one ending 5812 - sorry typo, 5821"), "3377"), "5821");
  EXPECT_EQ(FindLast4(Fold("sorry to bother you, please switch to my new card ending 4410"), "3377"), "4410");
}

// Digits said one word each are a card's last four only in a run of exactly four.
TEST(SlotsTest, CardDigitsSaidAsWords) {
  EXPECT_EQ(FindLast4(Fold("my new visa, last four are seven three one six"), "4242"), "7316");
  EXPECT_EQ(FindLast4(Fold("the new one seven three one six"), "4242"), "7316");
  EXPECT_EQ(FindLast4(Fold("mitt nya kort slutar på sju tre ett sex"), "4242"), "7316");
  EXPECT_EQ(FindLast4(Fold("the new card ending fifty-five twenty-one"), "4242"), "5521");
  EXPECT_EQ(FindLast4(Fold("the card ending 55 21 is the one I use now"), "4242"), "5521");
  EXPECT_EQ(FindLast4(Fold("pay 55 21 times"), "4242"), std::nullopt);
  EXPECT_EQ(FindLast4(Fold("it ends in nineteen oh five"), "4242"), "1905");
  EXPECT_EQ(FindLast4(Fold("ending forty twelve"), "4242"), "4012");
  // A sum or a time said in words is no card.
  EXPECT_EQ(FindLast4(Fold("pay fifty five dollars"), "4242"), std::nullopt);
  EXPECT_EQ(FindLast4(Fold("twenty one twenty two twenty three"), "4242"), std::nullopt);
  EXPECT_EQ(FindLast4(Fold("neue Karte, Endziffern sieben drei eins sechs"), "4242"), "7316");
  EXPECT_EQ(FindLast4(Fold("card ending oh four two nine"), "4242"), "0429");
  EXPECT_FALSE(FindLast4(Fold("pay two three four on the next one")).has_value());
  EXPECT_FALSE(FindLast4(Fold("one two three four five six")).has_value());
  EXPECT_FALSE(FindLast4(Fold("four two four two four two four two four two four two")).has_value());
}

TEST(SlotsTest, CardLastFourAndFullNumbers) {
  EXPECT_EQ(FindLast4(Fold("use my card ending in 5555")), "5555");
  EXPECT_EQ(FindLast4(Fold("byt till kortet som slutar på 1234")), "1234");
  EXPECT_EQ(FindLast4(Fold("die Karte endet auf 9876")), "9876");
  EXPECT_FALSE(FindLast4(Fold("pay $1000 now")).has_value());
  // Two cards named: the new one, whichever comes first.
  EXPECT_EQ(FindLast4(Fold("My card ending 1120 has expired. Please use my new card ending 8831"), "1120"), "8831");
  EXPECT_EQ(FindLast4(Fold("use the new card 8831 instead of 1120"), "1120"), "8831");
  EXPECT_EQ(FindLast4(Fold("card 5555 expired, switch to 8831"), "1120"), "8831");
  EXPECT_EQ(FindLast4(Fold("Meine Karte mit Endziffern 1120 ist abgelaufen, neue Karte 8831"), "1120"), "8831");
  EXPECT_EQ(FindLast4(Fold("is my card 1120 still on file"), "1120"), "1120");
  EXPECT_FALSE(FindLast4(Fold("card 4242 4242 4242 4242")) == std::optional<std::string>("5555"));
  EXPECT_TRUE(HasCardNumber("my card is 4242 4242 4242 4242"));
  EXPECT_TRUE(HasCardNumber("4000-0566-5566-5556 exp 12/29"));
  EXPECT_TRUE(HasCardNumber("4242424242424242"));
  EXPECT_FALSE(HasCardNumber("card ending 4242, pay $30 on 2026-12-09"));
}

TEST(SlotsTest, DisputeReasons) {
  EXPECT_EQ(FindDisputeReason(Fold("my order never arrived")), "not_received");
  EXPECT_EQ(FindDisputeReason(Fold("paketet har inte kommit")), "not_received");
  EXPECT_EQ(FindDisputeReason(Fold("Das Paket ist nie angekommen")), "not_received");
  EXPECT_EQ(FindDisputeReason(Fold("The tracking said 'label created' and then nothing, for days")), "not_received");
  EXPECT_EQ(FindDisputeReason(Fold("my bank sent a new card and I never got round to updating it")), std::nullopt);
  EXPECT_EQ(FindDisputeReason(Fold("I just got back from a trip. My bank did send me a replacement card")), std::nullopt);
  EXPECT_EQ(FindDisputeReason(Fold("I posted the lamp back on Monday")), "returned");
  EXPECT_EQ(FindDisputeReason(Fold("they sent the wrong size")), "wrong_item");
  EXPECT_EQ(FindDisputeReason(Fold("jackan var trasig")), "wrong_item");
  EXPECT_EQ(FindDisputeReason(Fold("Der Stuhl kam beschädigt an")), "wrong_item");
  EXPECT_EQ(FindDisputeReason(Fold("I didn't make this purchase")), "unauthorized");
  EXPECT_EQ(FindDisputeReason(Fold("jag känner inte igen köpet")), "unauthorized");
  EXPECT_EQ(FindDisputeReason(Fold("Diesen Kauf habe ich nicht getätigt")), "unauthorized");
  EXPECT_EQ(FindDisputeReason(Fold("I sent it back last week")), "returned");
  EXPECT_EQ(FindDisputeReason(Fold("the dress looks nothing like the pics")), "not_as_described");
  EXPECT_EQ(FindDisputeReason(Fold("Klänningen ser inte alls ut som på bilderna")), "not_as_described");
  EXPECT_EQ(FindDisputeReason(Fold("Das Kleid sieht ganz anders aus als auf den Fotos")), "not_as_described");
  EXPECT_EQ(FindDisputeReason(Fold("half the plates arrived smashed")), "wrong_item");
  EXPECT_FALSE(FindDisputeReason(Fold("when is my next payment")).has_value());
}

TEST(SlotsTest, ADayNextMonth) {
  const Date today = *ParseDate("2026-12-01");
  EXPECT_EQ(FindDate(Fold("til the 20th next month"), today), ParseDate("2027-01-20"));
  EXPECT_EQ(FindDate(Fold("til the 20th"), today), ParseDate("2026-12-20"));
}

// A count of instalments named for paying, not a plan's length or what is left.
TEST(SlotsTest, InstalmentCounts) {
  EXPECT_EQ(FindInstalmentCount(Fold("I'm thinking of paying two instalments' worth right now")), 2);
  EXPECT_EQ(FindInstalmentCount(Fold("kestrel cycle, 2 instalmnts worth")), 2);
  EXPECT_EQ(FindInstalmentCount(Fold("pay two of the remaining instalments")), 2);
  EXPECT_EQ(FindInstalmentCount(Fold("zwei der offenen Raten auf einmal bezahlen")), 2);
  EXPECT_EQ(FindInstalmentCount(Fold("betala två av de återstående delbetalningarna")), 2);
  EXPECT_EQ(FindInstalmentCount(Fold("just do 3 payments worth instead")), 3);
  EXPECT_FALSE(FindInstalmentCount(Fold("I bought it with pay in 4 instalments")));
  EXPECT_FALSE(FindInstalmentCount(Fold("split into 4 payments")));
  EXPECT_FALSE(FindInstalmentCount(Fold("how do the 4 payments work")));
  EXPECT_FALSE(FindInstalmentCount(Fold("I have 3 payments left")));
  EXPECT_FALSE(FindInstalmentCount(Fold("pay a payment now")));
  EXPECT_FALSE(FindInstalmentCount(Fold("pay 20 instalments")));
}

TEST(SlotsTest, YesAndNo) {
  for (std::string_view y : {"Yes, go ahead.", "yes", "sure", "ok do it", "Ja, bitte.", "ja tack", "Ja, mach das"}) {
    EXPECT_TRUE(IsAffirmation(Fold(y))) << y;
  }
  for (std::string_view n : {"no", "No, don't", "nej", "Nein danke", "wait", "not now"}) {
    EXPECT_TRUE(IsDenial(Fold(n))) << n;
    EXPECT_FALSE(IsAffirmation(Fold(n))) << n;
  }
  EXPECT_FALSE(IsAffirmation(Fold("what is my balance")));
}

TEST(TextTest, FoldsSwedishAndGermanCapitals) {
  EXPECT_EQ(Fold("ÅÄÖ Über"), "åäö über");
  EXPECT_EQ(Fold("Tranche’s ‘card’"), "tranche's 'card'");
  EXPECT_EQ(Words("hej, 30,50 kr!"), (std::vector<std::string>{"hej", "30", "50", "kr"}));
  EXPECT_TRUE(HasPhrase("i want the rest", "the rest"));
  EXPECT_FALSE(HasPhrase("therest", "the rest"));
  EXPECT_EQ(EditDistance("harbor", "harbour", 1), 1);
  EXPECT_EQ(EditDistance("harbor", "furniture", 1), 2);
}

TEST(TextTest, WithoutPhrasesTakesOutEveryOccurrenceInTheOrderListed) {
  EXPECT_EQ(WithoutPhrases("yes, to be sure. sure", {"to be sure"}), "yes, . sure");
  EXPECT_EQ(WithoutPhrases("what's left and what's left", {"what's left"}), " and ");
  // The longer phrase first, so the shorter one inside it leaves nothing behind.
  EXPECT_EQ(WithoutPhrases("never got round to it", {"never got round to", "never got round"}), " it");
  // A gap that closes into the phrase again is taken out too.
  EXPECT_EQ(WithoutPhrases("ababcc", {"abc"}), "");
  EXPECT_EQ(WithoutPhrases("nothing here", {"absent", ""}), "nothing here");
}

TEST(TextTest, SentencesCutAtEndMarksAndAsidesButNotInsideNumbers) {
  using Pieces = std::vector<std::string_view>;
  EXPECT_EQ(Sentences("Hi! I paid $30.50 to a@b.com. (my son is tall) and so? ok"),
            (Pieces{"Hi", "I paid $30.50 to a@b.com", "my son is tall", "and so", "ok"}));
  EXPECT_EQ(Sentences("one; two\nthree..."), (Pieces{"one", "two", "three"}));
  EXPECT_EQ(Sentences(" ?! "), Pieces{});
  EXPECT_EQ(Sentences("no end mark"), Pieces{"no end mark"});
}

TEST(TextTest, QuestionsAreTheSentencesEndingInAQuestionMark) {
  using Pieces = std::vector<std::string_view>;
  EXPECT_EQ(Questions("payment failed. card expired? use new card 5523"), Pieces{" card expired"});
  EXPECT_EQ(Questions("it bounced, cuz my card ran out?? swap it"), Pieces{"it bounced, cuz my card ran out"});
  EXPECT_EQ(Questions("failed because my salary was late. take it now"), Pieces{});
}

// A crack, a chip or a dent is damage only of goods that came; a stuck tracking page is
// goods that did not.
TEST(SlotsTest, DamageOfGoodsThatCameAndTrackingThatStuck) {
  EXPECT_EQ(FindDisputeReason(Fold("lampan kom idag med en spricka i foten")), std::optional<std::string>("wrong_item"));
  EXPECT_EQ(FindDisputeReason(Fold("the vase arrived chipped")), std::optional<std::string>("wrong_item"));
  EXPECT_NE(FindDisputeReason(Fold("my friends chipped in for the sofa")), std::optional<std::string>("wrong_item"));
  EXPECT_EQ(FindDisputeReason(Fold("the vase arrived with a chip in the rim")), std::optional<std::string>("wrong_item"));
  EXPECT_EQ(FindDisputeReason(Fold("die Vase kam mit einem Sprung an")), std::optional<std::string>("wrong_item"));
  EXPECT_EQ(FindDisputeReason(Fold("my car came back from the garage dented and the repair ate my pay")), std::nullopt);
  EXPECT_EQ(FindDisputeReason(Fold("it was supposed to be here by monday and the tracking's been stuck for days")),
            std::optional<std::string>("not_received"));
  EXPECT_EQ(FindDisputeReason(Fold("my salary was supposed to be here by friday")), std::nullopt);
}

}  // namespace
}  // namespace tranche::assist
