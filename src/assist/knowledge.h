// Knowledge answers: the policy documents kept in the repository (docs/policies/*.md,
// one per language, embedded at build time) split into sections and ranked with BM25.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "assist/bm25.h"
#include "assist/understanding.h"

namespace tranche::assist {

struct Passage {
  std::string title;
  std::string text;
};

// Splits a policy document into its "## " sections (the title line and the text up to
// the next section).
std::vector<Passage> SplitSections(std::string_view markdown);

class Knowledge {
 public:
  // The embedded policy documents of all three languages.
  static const Knowledge& Builtin();
  // From documents given per language (tests).
  Knowledge(std::string_view en, std::string_view sv, std::string_view de);

  // The best passage of `language`'s document for `query`, if any shares a term.
  std::optional<Passage> Answer(std::string_view query, Language language) const;

 private:
  struct Corpus {
    std::vector<Passage> passages;
    Bm25Index index;
  };
  Corpus corpora_[3];
};

// The policy documents (generated from docs/policies/*.md).
std::string_view PolicyDocument(Language language);

}  // namespace tranche::assist
