#include "assist/knowledge.h"

namespace tranche::assist {

std::string_view PolicyDocumentEn();
std::string_view PolicyDocumentSv();
std::string_view PolicyDocumentDe();

std::string_view PolicyDocument(Language language) {
  switch (language) {
    case Language::kEnglish: return PolicyDocumentEn();
    case Language::kSwedish: return PolicyDocumentSv();
    case Language::kGerman: return PolicyDocumentDe();
  }
  return PolicyDocumentEn();
}

std::vector<Passage> SplitSections(std::string_view md) {
  std::vector<Passage> out;
  std::size_t at = 0;
  while (at < md.size()) {
    std::size_t end = md.find('\n', at);
    if (end == std::string_view::npos) end = md.size();
    const std::string_view line = md.substr(at, end - at);
    if (line.starts_with("## ")) {
      out.push_back({std::string(line.substr(3)), ""});
    } else if (!out.empty() && !line.empty()) {
      if (!out.back().text.empty()) out.back().text += ' ';
      out.back().text += line;
    }
    at = end + 1;
  }
  return out;
}

Knowledge::Knowledge(std::string_view en, std::string_view sv, std::string_view de) {
  const std::string_view docs[] = {en, sv, de};
  for (int i = 0; i < 3; ++i) {
    corpora_[i].passages = SplitSections(docs[i]);
    for (const Passage& p : corpora_[i].passages) corpora_[i].index.Add(p.title + " " + p.title + " " + p.text);
  }
}

const Knowledge& Knowledge::Builtin() {
  static const Knowledge k(PolicyDocumentEn(), PolicyDocumentSv(), PolicyDocumentDe());
  return k;
}

std::optional<Passage> Knowledge::Answer(std::string_view query, Language language) const {
  const Corpus& c = corpora_[static_cast<int>(language)];
  const auto ranked = c.index.Search(query, 1);
  if (ranked.empty()) return std::nullopt;
  return c.passages[ranked.front().first];
}

}  // namespace tranche::assist
