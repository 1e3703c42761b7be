// The rules language's tokens (rules.h describes the language). The lexer is pure and
// bounded: it reads one line, never allocates more than the line's length in tokens,
// and reports the first character it cannot read with its column.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace tranche::fraud {

enum class TokenKind : unsigned char {
  kIdent,      // lower_snake_case names and the keywords (allow, if, and, not, in, ...)
  kNumber,     // 42, -3.5
  kText,       // "quoted", with \" and \\ as the only escapes
  kListRef,    // @disposable_domains (text holds the name without '@')
  kLParen,
  kRParen,
  kCompare,    // = != < <= > >= (text holds the operator)
  kEnd,        // end of the line (or the start of a # comment)
  kError,      // text holds what went wrong
};

struct Token {
  TokenKind kind = TokenKind::kEnd;
  std::string text;
  double number = 0;
  int column = 1;  // 1-based byte column of the token's first character
};

// Longest quoted string or name a rule may hold.
inline constexpr std::size_t kMaxTokenBytes = 256;

// The tokens of one line, ending with kEnd or, at the first unreadable character, with
// kError (and nothing after it).
std::vector<Token> LexLine(std::string_view line);

}  // namespace tranche::fraud
