#include "assist/clauses.h"

#include <algorithm>
#include <array>

#include "assist/text.h"
#include "core/assert.h"

namespace tranche::assist {

namespace {

// A point between digits is a decimal point ("$30.50"), not the end of a sentence.
bool EndsSentence(std::string_view s, std::size_t i) {
  const char c = s[i];
  if (c == '.' && i > 0 && i + 1 < s.size() && IsDigitByte(s[i - 1]) && IsDigitByte(s[i + 1])) return false;
  return c == '.' || c == '?' || c == '!' || c == ';' || c == '\n';
}

// Folded words that join two questions. Matched as whole words only, so "android" or
// "band" never split a clause.
constexpr std::array<std::string_view, 7> kConnectives = {"and", "also", "n", "och", "samt", "und", "sowie"};

bool IsConnective(std::string_view folded_word) {
  return std::find(kConnectives.begin(), kConnectives.end(), folded_word) != kConnectives.end();
}

// "3x + 7 = 22" is arithmetic, not two questions: a '+' whose nearest non-blank
// neighbour on either side is a digit (or a digit's letter, as in "3x") joins nothing.
bool BesideADigit(std::string_view s, std::size_t i) {
  std::size_t before = i;
  while (before > 0 && s[before - 1] == ' ') --before;
  std::size_t after = i + 1;
  while (after < s.size() && s[after] == ' ') ++after;
  const bool digit_before = before >= 1 && (IsDigitByte(s[before - 1]) || (before >= 2 && IsDigitByte(s[before - 2])));
  const bool digit_after = after < s.size() && IsDigitByte(s[after]);
  return digit_before || digit_after;
}

// Inside a clause's words an apostrophe joins ("didn't", "'n'" is no connective).
bool IsClauseWordByte(char c) { return IsWordByte(static_cast<unsigned char>(c)) || c == '\''; }

// Pieces of `s` split at sentence ends and at connectives standing as words of their own.
std::vector<std::string> Pieces(std::string_view s) {
  std::vector<std::string> out(1);
  std::size_t i = 0;
  while (i < s.size()) {
    if (EndsSentence(s, i) || s[i] == '&' || (s[i] == '+' && !BesideADigit(s, i))) {
      out.emplace_back();
      ++i;
      continue;
    }
    if (!IsClauseWordByte(s[i])) {
      out.back() += s[i++];
      continue;
    }
    std::size_t end = i;
    while (end < s.size() && IsClauseWordByte(s[end])) ++end;
    const std::string_view word = s.substr(i, end - i);
    if (IsConnective(Fold(word))) {
      out.emplace_back();
    } else {
      out.back() += word;
    }
    i = end;
  }
  return out;
}

}  // namespace

std::vector<std::string> SplitClauses(std::string_view utf8) {
  std::vector<std::string> out;
  for (std::string& piece : Pieces(utf8)) {
    if (Words(Fold(piece)).size() < kMinClauseWords) continue;
    const auto first = piece.find_first_not_of(" \t,");
    const auto last = piece.find_last_not_of(" \t,");
    std::string trimmed = piece.substr(first, last - first + 1);
    if (out.size() == kMaxClauses) {
      out.back() += ' ';
      out.back() += trimmed;
    } else {
      out.push_back(std::move(trimmed));
    }
  }
  TRANCHE_ASSERT(out.size() <= kMaxClauses);
  return out;
}

std::vector<IntentPrediction> ClassifyClauses(const IntentClassifier& classifier, std::string_view utf8) {
  std::vector<std::string> clauses = SplitClauses(utf8);
  if (clauses.size() < 2) return {};
  std::vector<IntentPrediction> out;
  out.reserve(clauses.size());
  for (const std::string& clause : clauses) out.push_back(classifier.Classify(clause));
  return out;
}

}  // namespace tranche::assist
