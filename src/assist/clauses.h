// A message's clauses (pure): customers ask two things at once ("how much do I owe and
// when is the next payment?", "whats the apr n how much is the next one"), and a
// classifier reading the whole message returns one intent, so the other question went
// unanswered. Each clause is classified on its own as well (assist/chat.cc), and the
// policy answers the further questions it finds (policy.h, Understanding::clauses).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "assist/understanding.h"

namespace tranche::assist {

// A message splits into at most this many clauses; the rest stays in the last one.
inline constexpr std::size_t kMaxClauses = 4;
// A clause needs at least this many words to be read on its own ("+ when?" is not one).
inline constexpr std::size_t kMinClauseWords = 2;

// The clauses of `utf8`, in order, as they were written (not folded): split at sentence
// ends (. ? ! ;), line breaks and the connectives that join two questions in the three
// languages ("and", "also", "&", "+", "n" as texters write it; "och", "samt"; "und",
// "sowie"). Pieces with fewer than kMinClauseWords words are dropped, so "yes" gives none
// and a message that is one clause gives one element.
// Precondition: valid UTF-8.
std::vector<std::string> SplitClauses(std::string_view utf8);

// Each clause's reading by `classifier`, in order, when the message has two or more
// clauses; none otherwise (the whole message's reading is all there is).
// Precondition: utf8.size() <= kMaxUtteranceBytes.
std::vector<IntentPrediction> ClassifyClauses(const IntentClassifier& classifier, std::string_view utf8);

}  // namespace tranche::assist
