// Text helpers for the conversation layer (pure): folding a message to lower case in the
// three languages, splitting it into words, and small fuzzy comparisons. Slots, policy
// and the knowledge index all read messages through these, so they agree on what a word is.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace tranche::assist {

// Lower case for ASCII and the Latin-1 letters of Swedish and German (Å Ä Ö Ü É →
// å ä ö ü é), and ' for the typographic apostrophes ‘ ’; other bytes are kept.
// Precondition: valid UTF-8 (the API checked it).
std::string Fold(std::string_view utf8);

// The bytes a word is made of: ASCII letters and digits and every non-ASCII byte.
bool IsWordByte(unsigned char c);
constexpr bool IsDigitByte(char c) { return c >= '0' && c <= '9'; }

// Words of folded text: runs of letters, digits and non-ASCII bytes; everything else
// separates. Digits stay inside words ("4242", "30,50" becomes "30" and "50").
std::vector<std::string> Words(std::string_view folded);

// True when `folded` contains `phrase` starting and ending at word boundaries.
bool HasPhrase(std::string_view folded, std::string_view phrase);
// True when any of `phrases` is in `folded` (HasPhrase).
bool HasAnyPhrase(std::string_view folded, std::span<const std::string_view> phrases);
bool HasAnyPhrase(std::string_view folded, std::initializer_list<std::string_view> phrases);
// `text` with every occurrence of each of `phrases` taken out, one phrase after another in
// the order given (so list a longer phrase before a shorter one it contains). Occurrences
// need not stand at word boundaries: the words around a phrase close up around its gap.
std::string WithoutPhrases(std::string_view text, std::initializer_list<std::string_view> phrases);
// True when `word` is one of `set` (whole words, as Words gives them).
bool In(std::string_view word, std::initializer_list<std::string_view> set);
bool In(std::string_view word, std::span<const std::string_view> set);

// The sentences of `text`, in order, each without its end mark: text is cut after '!',
// '?', ';' and a line break, at '(' and ')' (an aside is a sentence of its own), and
// after a '.' that ends a word or starts "..." (not inside "30.50" or "a@b.com").
// Empty pieces are dropped. The views point into `text`.
std::vector<std::string_view> Sentences(std::string_view text);
// The sentences of `text` that end in a question mark, without it.
std::vector<std::string_view> Questions(std::string_view text);

// Levenshtein distance over bytes, stopping early once it exceeds `limit` (then
// limit + 1 is returned). Words here are short, so bytes are close enough to letters.
int EditDistance(std::string_view a, std::string_view b, int limit);

}  // namespace tranche::assist
