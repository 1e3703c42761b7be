#include "assist/text.h"

#include <algorithm>

namespace tranche::assist {

bool IsWordByte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

std::string Fold(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  for (std::size_t i = 0; i < utf8.size(); ++i) {
    const auto c = static_cast<unsigned char>(utf8[i]);
    if (c >= 'A' && c <= 'Z') {
      out.push_back(static_cast<char>(c - 'A' + 'a'));
    } else if (c == 0xE2 && i + 2 < utf8.size() && static_cast<unsigned char>(utf8[i + 1]) == 0x80 &&
               (static_cast<unsigned char>(utf8[i + 2]) == 0x98 || static_cast<unsigned char>(utf8[i + 2]) == 0x99)) {
      // U+2018 and U+2019, the quotation marks phones type for an apostrophe ("coworker’s").
      out.push_back('\'');
      i += 2;
    } else if (c == 0xC3 && i + 1 < utf8.size()) {
      // U+00C0..U+00DE (upper case Latin-1 letters) are 0xC3 0x80..0x9E; lower case is +0x20.
      auto next = static_cast<unsigned char>(utf8[i + 1]);
      if (next >= 0x80 && next <= 0x9E && next != 0x97) next = static_cast<unsigned char>(next + 0x20);
      out.push_back(static_cast<char>(c));
      out.push_back(static_cast<char>(next));
      ++i;
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  return out;
}

std::vector<std::string> Words(std::string_view folded) {
  std::vector<std::string> words;
  std::string cur;
  for (char ch : folded) {
    if (IsWordByte(static_cast<unsigned char>(ch))) {
      cur.push_back(ch);
    } else if (!cur.empty()) {
      words.push_back(std::move(cur));
      cur.clear();
    }
  }
  if (!cur.empty()) words.push_back(std::move(cur));
  return words;
}

bool HasPhrase(std::string_view folded, std::string_view phrase) {
  if (phrase.empty()) return false;
  for (std::size_t at = folded.find(phrase); at != std::string_view::npos; at = folded.find(phrase, at + 1)) {
    const bool start_ok = at == 0 || !IsWordByte(static_cast<unsigned char>(folded[at - 1]));
    const std::size_t end = at + phrase.size();
    const bool end_ok = end == folded.size() || !IsWordByte(static_cast<unsigned char>(folded[end]));
    if (start_ok && end_ok) return true;
  }
  return false;
}

bool HasAnyPhrase(std::string_view folded, std::span<const std::string_view> phrases) {
  return std::any_of(phrases.begin(), phrases.end(), [&](std::string_view p) { return HasPhrase(folded, p); });
}

bool HasAnyPhrase(std::string_view folded, std::initializer_list<std::string_view> phrases) {
  return HasAnyPhrase(folded, std::span<const std::string_view>(phrases.begin(), phrases.size()));
}

std::string WithoutPhrases(std::string_view text, std::initializer_list<std::string_view> phrases) {
  std::string out(text);
  for (std::string_view phrase : phrases) {
    if (phrase.empty()) continue;
    for (std::size_t at = out.find(phrase); at != std::string::npos; at = out.find(phrase)) {
      out.erase(at, phrase.size());
    }
  }
  return out;
}

bool In(std::string_view word, std::span<const std::string_view> set) {
  return std::find(set.begin(), set.end(), word) != set.end();
}

bool In(std::string_view word, std::initializer_list<std::string_view> set) {
  return In(word, std::span<const std::string_view>(set.begin(), set.size()));
}

std::vector<std::string_view> Questions(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t begin = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '?' && i > begin) out.push_back(text.substr(begin, i - begin));
    const bool ends_sentence = c == '?' || c == '!' || c == ';' || c == '\n' || c == '(' || c == ')' ||
                               (c == '.' && (i + 1 == text.size() || text[i + 1] == ' '));
    if (ends_sentence) begin = i + 1;
  }
  return out;
}

std::vector<std::string_view> Sentences(std::string_view text) {
  std::vector<std::string_view> out;
  const auto keep = [&](std::size_t begin, std::size_t end) {
    while (begin < end && text[begin] == ' ') ++begin;
    while (end > begin && text[end - 1] == ' ') --end;
    if (end > begin) out.push_back(text.substr(begin, end - begin));
  };
  std::size_t begin = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const bool ends_word =
        c == '.' && (i + 1 == text.size() || text[i + 1] == ' ' || text[i + 1] == '\n' || text[i + 1] == '.');
    if (c == '!' || c == '?' || c == ';' || c == '\n' || c == '(' || c == ')' || ends_word) {
      keep(begin, i);
      begin = i + 1;
    }
  }
  keep(begin, text.size());
  return out;
}

int EditDistance(std::string_view a, std::string_view b, int limit) {
  const int diff = static_cast<int>(a.size()) - static_cast<int>(b.size());
  if (diff > limit || -diff > limit) return limit + 1;
  std::vector<int> prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = static_cast<int>(j);
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = static_cast<int>(i);
    int row_min = cur[0];
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const int sub = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, sub});
      row_min = std::min(row_min, cur[j]);
    }
    if (row_min > limit) return limit + 1;
    std::swap(prev, cur);
  }
  return std::min(prev[b.size()], limit + 1);
}

}  // namespace tranche::assist
