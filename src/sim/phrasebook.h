// What simulated consumers say to the assistant: utterances by intent and language,
// drawn from a labelled file the assistant's model did not train on (the BNPL data's
// held-out split), so a simulated contact measures the assistant as a new customer's
// message would. Pure once loaded.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "ml/csv.h"
#include "sim/draws.h"

namespace tranche::sim {

inline constexpr std::size_t kMaxPhrasebookRows = 100'000;

class Phrasebook {
 public:
  // From a table with the columns text, label and language (the intent data's format,
  // datasets/intents/bnpl/README.md). Refused: a missing column, more than
  // kMaxPhrasebookRows rows, an empty text or one longer than the assistant takes, a
  // text that is not UTF-8.
  static Result<Phrasebook> FromTable(const ml::Table& table);
  static Result<Phrasebook> Load(const std::string& csv_path);

  // One of the utterances for `intent` in `language`, chosen by `draws`; English when
  // the language has none; empty when the intent has none at all.
  std::string_view Say(std::string_view intent, std::string_view language, Draws& draws) const;
  std::size_t size() const { return rows_; }

 private:
  static std::string Key(std::string_view intent, std::string_view language);

  std::map<std::string, std::vector<std::string>, std::less<>> texts_;  // by Key
  std::size_t rows_ = 0;
};

}  // namespace tranche::sim
