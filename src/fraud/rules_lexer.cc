#include "fraud/rules_lexer.h"

#include <charconv>

namespace tranche::fraud {

namespace {

bool IsIdentStart(char c) { return (c >= 'a' && c <= 'z') || c == '_'; }
bool IsIdentChar(char c) { return IsIdentStart(c) || (c >= '0' && c <= '9'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

Token Error(int column, std::string message) { return {TokenKind::kError, std::move(message), 0, column}; }

// A name after `start` (the first character already known to be an identifier start).
std::size_t NameEnd(std::string_view line, std::size_t start) {
  std::size_t i = start;
  while (i < line.size() && IsIdentChar(line[i])) ++i;
  return i;
}

Token LexNumber(std::string_view line, std::size_t* pos, int column) {
  const std::size_t start = *pos;
  std::size_t i = start;
  if (line[i] == '-') ++i;
  while (i < line.size() && (IsDigit(line[i]) || line[i] == '.')) ++i;
  if (i - start > 32) return Error(column, "number is too long");
  double value = 0;
  const auto [ptr, ec] = std::from_chars(line.data() + start, line.data() + i, value);
  if (ec != std::errc() || ptr != line.data() + i) return Error(column, "malformed number");
  *pos = i;
  return {TokenKind::kNumber, std::string(line.substr(start, i - start)), value, column};
}

Token LexText(std::string_view line, std::size_t* pos, int column) {
  std::string text;
  for (std::size_t i = *pos + 1; i < line.size(); ++i) {
    const char c = line[i];
    if (c == '"') {
      *pos = i + 1;
      return {TokenKind::kText, std::move(text), 0, column};
    }
    if (c == '\\') {
      if (i + 1 >= line.size() || (line[i + 1] != '"' && line[i + 1] != '\\')) {
        return Error(static_cast<int>(i) + 1, "only \\\" and \\\\ may follow a backslash");
      }
      ++i;
    }
    if (text.size() >= kMaxTokenBytes) return Error(column, "quoted text is longer than 256 bytes");
    text.push_back(line[i]);
  }
  return Error(column, "quoted text is not closed");
}

Token LexCompare(std::string_view line, std::size_t* pos, int column) {
  const char c = line[*pos];
  const bool eq_next = *pos + 1 < line.size() && line[*pos + 1] == '=';
  if (c == '!' && !eq_next) return Error(column, "expected '!='");
  const std::size_t len = (c != '=' && eq_next) ? 2 : 1;
  Token t{TokenKind::kCompare, std::string(line.substr(*pos, len)), 0, column};
  *pos += len;
  return t;
}

}  // namespace

std::vector<Token> LexLine(std::string_view line) {
  std::vector<Token> out;
  std::size_t i = 0;
  while (true) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r')) ++i;
    const int column = static_cast<int>(i) + 1;
    if (i >= line.size() || line[i] == '#') {
      out.push_back({TokenKind::kEnd, "", 0, column});
      return out;
    }
    const char c = line[i];
    Token t;
    if (IsIdentStart(c)) {
      const std::size_t end = NameEnd(line, i);
      if (end - i > kMaxTokenBytes) {
        t = Error(column, "name is longer than 256 bytes");
      } else {
        t = {TokenKind::kIdent, std::string(line.substr(i, end - i)), 0, column};
        i = end;
      }
    } else if (IsDigit(c) || (c == '-' && i + 1 < line.size() && IsDigit(line[i + 1]))) {
      t = LexNumber(line, &i, column);
    } else if (c == '"') {
      t = LexText(line, &i, column);
    } else if (c == '@') {
      const std::size_t end = (i + 1 < line.size() && IsIdentStart(line[i + 1])) ? NameEnd(line, i + 1) : i + 1;
      if (end == i + 1) {
        t = Error(column, "expected a list name after '@'");
      } else if (end - i - 1 > kMaxTokenBytes) {
        t = Error(column, "list name is longer than 256 bytes");
      } else {
        t = {TokenKind::kListRef, std::string(line.substr(i + 1, end - i - 1)), 0, column};
        i = end;
      }
    } else if (c == '(' || c == ')') {
      t = {c == '(' ? TokenKind::kLParen : TokenKind::kRParen, std::string(1, c), 0, column};
      ++i;
    } else if (c == '=' || c == '!' || c == '<' || c == '>') {
      t = LexCompare(line, &i, column);
    } else {
      t = Error(column, "unexpected character");
    }
    const bool stop = t.kind == TokenKind::kError;
    out.push_back(std::move(t));
    if (stop) return out;
  }
}

}  // namespace tranche::fraud
