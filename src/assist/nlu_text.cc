#include "assist/nlu_text.h"

namespace tranche::assist {

namespace {

bool IsAsciiWordChar(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '\'' ||
         c == '-' || c == '$' || c == '%' || c == '@' || c == '&' || c == '/' || c == '.' || c == ',' ||
         c == ':' || c == '+';
}

// Characters that are part of a word only between two word characters: "don't",
// "e-mail", "12.50", "1,200", "14:00", "03/15"; elsewhere they separate.
bool IsInnerOnly(unsigned char c) {
  return c == '\'' || c == '-' || c == '.' || c == ',' || c == ':' || c == '/';
}

class Tokens {
 public:
  explicit Tokens(std::size_t reserve) { out_.reserve(reserve); }
  void Push(char c) {
    word_.push_back(c);
    if (c >= '0' && c <= '9') has_digit_ = true;
  }
  void Push(std::string_view bytes) { word_.append(bytes); }
  void EndWord() {
    while (!word_.empty() && IsInnerOnly(static_cast<unsigned char>(word_.back()))) word_.pop_back();
    std::size_t start = 0;
    while (start < word_.size() && IsInnerOnly(static_cast<unsigned char>(word_[start]))) ++start;
    if (start < word_.size()) Emit(has_digit_ ? std::string_view("<num>") : std::string_view(word_).substr(start));
    word_.clear();
    has_digit_ = false;
  }
  void Emit(std::string_view token) {
    if (!out_.empty()) out_.push_back(' ');
    out_.append(token);
  }
  std::string Take() { return std::move(out_); }

 private:
  std::string out_;
  std::string word_;
  bool has_digit_ = false;
};

}  // namespace

std::string NormalizeUtterance(std::string_view text) {
  Tokens t(text.size() + 8);
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x80) {
      // A UTF-8 sequence: copied whole (lower-casing Latin-1 capitals) as part of the word.
      std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
      len = std::min(len, text.size() - i);
      if (len == 2 && c == 0xC3) {
        const auto d = static_cast<unsigned char>(text[i + 1]);
        // U+00C0..U+00DE are capitals of U+00E0..U+00FE, except U+00D7 (×).
        const bool upper = d >= 0x80 && d <= 0x9E && d != 0x97;
        t.Push(static_cast<char>(c));
        t.Push(static_cast<char>(upper ? d + 0x20 : d));
      } else {
        t.Push(text.substr(i, len));
      }
      i += len - 1;
    } else if (c == '?' || c == '!') {
      t.EndWord();
      t.Emit(c == '?' ? "?" : "!");
    } else if (IsAsciiWordChar(c)) {
      t.Push(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
    } else {
      t.EndWord();  // whitespace, underscores, brackets, quotes, control bytes
    }
  }
  t.EndWord();
  return t.Take();
}

}  // namespace tranche::assist
