// BM25 ranking over a small fixed set of passages (pure). Okapi BM25 with k1 = 1.2 and
// b = 0.75; terms are the folded words of text.h, stop words removed, with a crude
// suffix strip so "payments" finds "payment" and "betalningar" finds "betalning".
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace tranche::assist {

// The index terms of `text`.
std::vector<std::string> Terms(std::string_view text);

class Bm25Index {
 public:
  // Adds a passage; returns its index.
  std::size_t Add(std::string_view text);
  // Passage indexes by descending score; only passages sharing a term with the query,
  // at most `limit`.
  std::vector<std::pair<std::size_t, double>> Search(std::string_view query, std::size_t limit) const;
  std::size_t size() const { return lengths_.size(); }

 private:
  // term → (passage, count) postings
  std::unordered_map<std::string, std::vector<std::pair<std::size_t, int>>> postings_;
  std::vector<std::size_t> lengths_;
  std::size_t total_length_ = 0;
};

}  // namespace tranche::assist
