// Intent data: utterances with their intent (and, in tranche's own data, their
// language), read from a CSV table, and the split that carves a validation set out of
// training data. Pure.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "assist/understanding.h"
#include "core/status.h"
#include "ml/csv.h"

namespace tranche::assist {

// Rows and labels an intent file may hold; a label name's length.
inline constexpr std::size_t kMaxIntentRows = 1'000'000;
inline constexpr std::size_t kMaxIntentLabels = 2'000;
inline constexpr std::size_t kMaxLabelChars = 100;

// The label that marks out-of-scope rows.
inline constexpr std::string_view kOutOfScope = "oos";

struct Utterance {
  std::string text;
  std::string label;                   // empty in an unlabelled file
  std::optional<Language> language;    // set when the file has a `language` column
};

struct IntentData {
  std::vector<Utterance> rows;  // in file order
  bool labelled = false;        // the file has a `label` or `category` column
  bool has_language = false;    // the file has a `language` column
};

// Reads a table with a `text` column, an optional `label` (or `category`) column and an
// optional `language` column (en, sv or de). Refused (InvalidArgument, naming the data
// row, 1-based): no `text` column, both `label` and `category`, an empty or over-long
// text (kMaxUtteranceBytes), a label that is empty, longer than kMaxLabelChars or holds
// anything but printable ASCII other than space, comma and quote, an unknown
// language, and more rows or labels than the limits above.
Result<IntentData> IntentDataFromTable(const ml::Table& table);

// Row indices split into training and validation, stratified by label: within each
// label the rows are ordered by a seeded hash and every k-th goes to validation, so
// about `validation_share` of each label is held out (at least one row of every label
// with two or more rows). Deterministic for a given seed.
struct Split {
  std::vector<std::size_t> train;
  std::vector<std::size_t> validation;
};
Split StratifiedSplit(const std::vector<Utterance>& rows, double validation_share, std::uint64_t seed);

// The distinct labels of `rows`, sorted.
std::vector<std::string> LabelsOf(const std::vector<Utterance>& rows);

}  // namespace tranche::assist
