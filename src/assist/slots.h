// Slots (pure): the values a consumer's message carries — amounts, durations and
// dates, which of their merchants they mean, a card's last four digits, a dispute
// reason — in English, Swedish and German. Every function reads the folded message
// (text.h Fold) and returns nothing when it finds nothing; none guesses.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "assist/understanding.h"
#include "core/time.h"

namespace tranche::assist {

// An amount the consumer named: minor units (2-decimal currencies), or "the rest" of
// what they owe (rest = true, minor unset).
struct AmountSlot {
  std::optional<std::int64_t> minor;
  bool rest = false;
};
// "$30", "30 dollars", "thirty dollars", "30,50 kr", "€12.50", "10,000", "ten grand",
// "the rest" / "resten" / "den Rest". A bare number counts only when `bare_ok` (the
// consumer is paying) and it is not a day count, a card's last four or a date.
std::optional<AmountSlot> FindAmount(std::string_view folded, bool bare_ok);
// Whether `word` is a number word of two or more ("five", "hundred", "fünfzig",
// "fyrtiofem"); articles and "one" are not.
bool IsNumberWord(std::string_view word);

// "two instalments' worth", "2 of the remaining payments", "två delbetalningar", "zwei
// der offenen Raten": a count of 2..12 instalments named for paying; not a plan's
// length ("pay in 4 instalments", "split into 4 payments") or what is left ("3 payments
// left").
std::optional<int> FindInstalmentCount(std::string_view folded);

// A number of days the consumer asks for: "14 days", "two weeks", "a week", "nästa
// fredag", "nächsten Freitag" (days from `today` to that weekday, 1..7), "zwei Wochen".
std::optional<int> FindDays(std::string_view folded, Date today);
// Days said as a count with its unit ("3 wks", "ten days", "a seven-day extension"), not a
// unit alone ("next week") or a weekday.
std::optional<int> FindCountedDays(std::string_view folded);

// A calendar date the consumer names, on or after `today`: "December 11", "11th of
// December", "11 december", "den 11 december", "11. Dezember", a day of the month alone
// written as one ("the 22nd", "den 22:a", "am 22."), or a weekday of next week ("Friday
// next week", "fredag nästa vecka", "Freitag nächste Woche"). A day without a month is
// this month's, or next month's once it has passed.
std::optional<Date> FindDate(std::string_view folded, Date today);

// Which of `names` (the consumer's own merchants) the message refers to, matched word by
// word with small spelling errors allowed: at least half a name's words, or its first
// word of five letters or more ("tidewater" for Tidewater Garden Supply); nothing when
// two match equally. When no name matches so, the one shop whose name says it sells
// what the message names ("the coat" for Northpeak Outerwear, "die Laufschuhe" for
// Kestrel Running Co); nothing when none or several do.
std::optional<std::size_t> MatchMerchant(std::string_view folded, const std::vector<std::string>& names);
// Whether the message names the merchant `name` by its name, as MatchMerchant does, not by
// the goods it sells.
bool NamesMerchant(std::string_view folded, const std::string& name);

// The four digits after "ending", "slutar på", "endet auf", "card", "kort", "Karte", or
// a lone 4-digit group; never part of a longer number. When several are named, the card
// to switch to: the first written after "new" ("ny", "neue" …) that is not `current`
// (the card on file), else the last that is not `current` ("my card ending 1120 has
// expired, use 8831"), else the first.
std::optional<std::string> FindLast4(std::string_view folded, std::string_view current = {});

// True when the message holds a run of 12 to 19 digits (spaces and dashes allowed
// between groups): a card number, which must never be repeated.
bool HasCardNumber(std::string_view text);

// The dispute reason the message describes, as servicing names it: not_received,
// wrong_item, not_as_described, unauthorized, returned.
std::optional<std::string> FindDisputeReason(std::string_view folded);

// "yes", "ja", "go ahead", "do it", "sure", "ok" … / "no", "nej", "nein", "don't" ….
bool IsAffirmation(std::string_view folded);
bool IsDenial(std::string_view folded);
// The word "no" as a refusal, not "no answer", "no reply", "no luck" (a report).
bool SaysNo(std::string_view folded);
// "what", "wie", "varför" …: a question word in any of the three languages.
bool HasQuestionWord(std::string_view folded);
// A question ("okay, so what is the most you can move it?"): never a yes to a stated
// change, whatever agreeing words it holds.
bool AsksSomething(std::string_view folded);

// "if i pay it off early do i still pay the interest? just asking", "ich frage nur, ich
// zahle jetzt noch nicht": a question about a change that says it is not asking for it
// yet. Such a change is answered with what it would cost, not stated for a yes.
bool OnlyAsksAboutIt(std::string_view folded);

}  // namespace tranche::assist
