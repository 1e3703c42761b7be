#include "assist/nlu_data.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/hash.h"

namespace tranche::assist {

namespace {

Status BadRow(std::size_t row, const std::string& what) {
  return Status::InvalidArgument("invalid_intent_data", "data row " + std::to_string(row) + ": " + what);
}

std::optional<Language> ParseLanguage(std::string_view code) {
  for (Language l : kLanguages) {
    if (LanguageCode(l) == code) return l;
  }
  return std::nullopt;
}

// Labels are names ("card_arrival", "reverted_card_payment?", "oos"): they are written
// unquoted into fastText's training text and into prediction CSVs, so printable ASCII
// without spaces, commas or quotes.
bool ValidLabel(std::string_view label) {
  if (label.empty() || label.size() > kMaxLabelChars) return false;
  return std::all_of(label.begin(), label.end(), [](char c) { return c > ' ' && c < 127 && c != ',' && c != '"'; });
}

}  // namespace

Result<IntentData> IntentDataFromTable(const ml::Table& table) {
  const int text_col = table.ColumnIndex("text");
  const int label_col = table.ColumnIndex("label");
  const int category_col = table.ColumnIndex("category");
  const int language_col = table.ColumnIndex("language");
  if (text_col < 0) return Status::InvalidArgument("invalid_intent_data", "the file has no 'text' column");
  if (label_col >= 0 && category_col >= 0) {
    return Status::InvalidArgument("invalid_intent_data", "the file has both 'label' and 'category' columns");
  }
  if (table.rows.size() > kMaxIntentRows) {
    return Status::InvalidArgument("invalid_intent_data", "more than 1,000,000 rows");
  }
  const int intent_col = label_col >= 0 ? label_col : category_col;
  IntentData data;
  data.labelled = intent_col >= 0;
  data.has_language = language_col >= 0;
  data.rows.reserve(table.rows.size());
  std::set<std::string_view> labels;
  for (std::size_t i = 0; i < table.rows.size(); ++i) {
    const auto& cells = table.rows[i];
    Utterance u;
    u.text = cells[static_cast<std::size_t>(text_col)];
    if (u.text.empty()) return BadRow(i + 1, "the text is empty");
    if (u.text.size() > kMaxUtteranceBytes) return BadRow(i + 1, "the text is longer than 2,000 bytes");
    if (intent_col >= 0) {
      u.label = cells[static_cast<std::size_t>(intent_col)];
      if (!ValidLabel(u.label)) return BadRow(i + 1, "the intent must be 1-100 printable ASCII characters without spaces, commas or quotes");
    }
    if (language_col >= 0) {
      u.language = ParseLanguage(cells[static_cast<std::size_t>(language_col)]);
      if (!u.language) return BadRow(i + 1, "the language must be en, sv or de");
    }
    data.rows.push_back(std::move(u));
    if (intent_col >= 0) {
      labels.insert(data.rows.back().label);
      if (labels.size() > kMaxIntentLabels) return BadRow(i + 1, "more than 2,000 distinct intents");
    }
  }
  return data;
}

Split StratifiedSplit(const std::vector<Utterance>& rows, double validation_share, std::uint64_t seed) {
  TRANCHE_ASSERT(validation_share > 0.0 && validation_share < 1.0);
  std::map<std::string_view, std::vector<std::size_t>> by_label;
  for (std::size_t i = 0; i < rows.size(); ++i) by_label[rows[i].label].push_back(i);
  Split split;
  const std::string seed_text = std::to_string(seed);
  for (auto& [label, idx] : by_label) {
    std::vector<std::pair<std::uint64_t, std::size_t>> keyed;
    keyed.reserve(idx.size());
    for (std::size_t i : idx) keyed.emplace_back(Fnv1a(rows[i].text, Fnv1a(seed_text)) ^ i, i);
    std::sort(keyed.begin(), keyed.end());
    const std::size_t held = idx.size() < 2 ? 0
                             : std::max<std::size_t>(1, static_cast<std::size_t>(
                                                            static_cast<double>(idx.size()) * validation_share + 0.5));
    for (std::size_t k = 0; k < keyed.size(); ++k) {
      (k < held ? split.validation : split.train).push_back(keyed[k].second);
    }
  }
  std::sort(split.train.begin(), split.train.end());
  std::sort(split.validation.begin(), split.validation.end());
  return split;
}

std::vector<std::string> LabelsOf(const std::vector<Utterance>& rows) {
  std::set<std::string> labels;
  for (const Utterance& u : rows) labels.insert(u.label);
  return {labels.begin(), labels.end()};
}

}  // namespace tranche::assist
