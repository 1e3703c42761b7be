#include "assist/bm25.h"

#include <algorithm>
#include <cmath>
#include <unordered_set>

#include "assist/text.h"

namespace tranche::assist {

namespace {

constexpr double kK1 = 1.2;
constexpr double kB = 0.75;

const std::unordered_set<std::string_view>& StopWords() {
  static const std::unordered_set<std::string_view> words = {
      "a", "an", "the", "and", "or", "of", "to", "in", "on", "for", "is", "are", "it", "my", "i", "you", "your",
      "do", "does", "can", "be", "with", "at", "how", "what", "me", "this", "that", "if", "we", "our", "by",
      "och", "att", "det", "en", "ett", "jag", "du", "min", "mitt", "mina", "din", "är", "på", "av", "för",
      "med", "hur", "vad", "som", "kan", "till", "i", "om", "der", "die", "das", "und", "ich", "du", "mein",
      "meine", "dein", "ist", "wie", "was", "zu", "mit", "auf", "für", "von", "ein", "eine", "den", "dem", "es",
      "kann", "im", "bei"};
  return words;
}

// A light stem: common plural and inflection endings of the three languages.
std::string Stem(std::string w) {
  static constexpr std::string_view kSuffixes[] = {"ningar", "ningen", "ning", "arna", "erna", "ar", "er", "en",
                                                   "es", "s", "e"};
  for (std::string_view s : kSuffixes) {
    if (w.size() > s.size() + 3 && w.ends_with(s)) {
      w.resize(w.size() - s.size());
      break;
    }
  }
  return w;
}

}  // namespace

std::vector<std::string> Terms(std::string_view text) {
  std::vector<std::string> out;
  for (std::string& w : Words(Fold(text))) {
    if (StopWords().contains(w)) continue;
    out.push_back(Stem(std::move(w)));
  }
  return out;
}

std::size_t Bm25Index::Add(std::string_view text) {
  const std::size_t id = lengths_.size();
  const std::vector<std::string> terms = Terms(text);
  std::unordered_map<std::string, int> counts;
  for (const auto& t : terms) ++counts[t];
  for (auto& [term, n] : counts) postings_[term].push_back({id, n});
  lengths_.push_back(terms.size());
  total_length_ += terms.size();
  return id;
}

std::vector<std::pair<std::size_t, double>> Bm25Index::Search(std::string_view query, std::size_t limit) const {
  if (lengths_.empty()) return {};
  const double n_docs = static_cast<double>(lengths_.size());
  const double avg_len = static_cast<double>(total_length_) / n_docs;
  std::vector<double> scores(lengths_.size(), 0.0);
  std::vector<std::string> terms = Terms(query);
  std::sort(terms.begin(), terms.end());
  terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
  for (const auto& t : terms) {
    auto it = postings_.find(t);
    if (it == postings_.end()) continue;
    const double df = static_cast<double>(it->second.size());
    const double idf = std::log(1.0 + (n_docs - df + 0.5) / (df + 0.5));
    for (const auto& [doc, count] : it->second) {
      const double tf = count;
      const double norm = kK1 * (1.0 - kB + kB * static_cast<double>(lengths_[doc]) / avg_len);
      scores[doc] += idf * tf * (kK1 + 1.0) / (tf + norm);
    }
  }
  std::vector<std::pair<std::size_t, double>> ranked;
  for (std::size_t i = 0; i < scores.size(); ++i) {
    if (scores[i] > 0) ranked.push_back({i, scores[i]});
  }
  std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  if (ranked.size() > limit) ranked.resize(limit);
  return ranked;
}

}  // namespace tranche::assist
