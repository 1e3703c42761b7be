#include "sim/phrasebook.h"

#include <nlohmann/json.hpp>

#include "assist/understanding.h"
#include "core/assert.h"

namespace tranche::sim {

namespace {

bool IsUtf8(const std::string& text) {
  try {
    (void)nlohmann::json(text).dump();  // throws on invalid UTF-8
    return true;
  } catch (const nlohmann::json::exception&) {
    return false;
  }
}

}  // namespace

std::string Phrasebook::Key(std::string_view intent, std::string_view language) {
  std::string key(intent);
  key += '/';
  key += language;
  return key;
}

Result<Phrasebook> Phrasebook::FromTable(const ml::Table& table) {
  const int text = table.ColumnIndex("text");
  const int label = table.ColumnIndex("label");
  const int language = table.ColumnIndex("language");
  if (text < 0 || label < 0 || language < 0) {
    return Status::InvalidArgument("invalid_phrasebook", "needs the columns text, label and language");
  }
  if (table.rows.size() > kMaxPhrasebookRows) {
    return Status::InvalidArgument("invalid_phrasebook", "more than 100000 rows");
  }
  Phrasebook book;
  for (std::size_t i = 0; i < table.rows.size(); ++i) {
    const std::vector<std::string>& row = table.rows[i];
    const std::string& t = row[static_cast<std::size_t>(text)];
    if (t.empty() || t.size() > assist::kMaxUtteranceBytes || !IsUtf8(t)) {
      return Status::InvalidArgument("invalid_phrasebook",
                                     "row " + std::to_string(i + 1) + ": the text is empty, too long or not UTF-8");
    }
    book.texts_[Key(row[static_cast<std::size_t>(label)], row[static_cast<std::size_t>(language)])].push_back(t);
    ++book.rows_;
  }
  return book;
}

Result<Phrasebook> Phrasebook::Load(const std::string& csv_path) {
  TRANCHE_ASSIGN_OR_RETURN(const ml::Table table, ml::ReadCsvFile(csv_path));
  return FromTable(table);
}

std::string_view Phrasebook::Say(std::string_view intent, std::string_view language, Draws& draws) const {
  auto it = texts_.find(Key(intent, language));
  if (it == texts_.end()) it = texts_.find(Key(intent, "en"));
  if (it == texts_.end()) return {};
  TRANCHE_ASSERT(!it->second.empty());
  return it->second[draws.Below(it->second.size())];
}

}  // namespace tranche::sim
