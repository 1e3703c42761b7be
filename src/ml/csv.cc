#include "ml/csv.h"

#include <fstream>
#include <set>
#include <sstream>

namespace tranche::ml {

namespace {

Status Bad(std::size_t line, const std::string& what) {
  return Status::InvalidArgument("invalid_csv", "line " + std::to_string(line) + ": " + what);
}

// Splits one record starting at `pos` into cells; advances `pos` past its line end.
// `line` counts physical lines, for messages.
Result<std::vector<std::string>> NextRecord(std::string_view text, std::size_t& pos, std::size_t& line) {
  std::vector<std::string> cells(1);
  bool quoted = false;
  const std::size_t start_line = line;
  while (pos < text.size()) {
    const char c = text[pos++];
    if (quoted) {
      if (c == '"') {
        if (pos < text.size() && text[pos] == '"') {
          cells.back().push_back('"');
          ++pos;
        } else {
          quoted = false;
        }
      } else {
        if (c == '\n') ++line;
        cells.back().push_back(c);
      }
    } else if (c == '"' && cells.back().empty()) {
      quoted = true;
    } else if (c == ',') {
      if (cells.size() >= kMaxCsvColumns) return Bad(start_line, "more than " + std::to_string(kMaxCsvColumns) + " columns");
      cells.emplace_back();
    } else if (c == '\n') {
      ++line;
      break;
    } else if (c != '\r') {
      cells.back().push_back(c);
    }
    if (cells.back().size() > kMaxCsvFieldChars) return Bad(start_line, "a field is longer than 10,000 characters");
  }
  if (quoted) return Bad(start_line, "a quoted field is not closed");
  return cells;
}

}  // namespace

int Table::ColumnIndex(std::string_view name) const {
  for (std::size_t i = 0; i < header.size(); ++i) {
    if (header[i] == name) return static_cast<int>(i);
  }
  return -1;
}

Result<Table> ParseCsv(std::string_view text) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // a UTF-8 byte order mark
  Table t;
  std::size_t pos = 0;
  std::size_t line = 1;
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    return Status::InvalidArgument("invalid_csv", "the file is empty");
  }
  TRANCHE_ASSIGN_OR_RETURN(t.header, NextRecord(text, pos, line));
  std::set<std::string> seen;
  for (const std::string& h : t.header) {
    if (h.empty()) return Bad(1, "a column has no name");
    if (!seen.insert(h).second) return Bad(1, "column '" + h.substr(0, 100) + "' appears twice");
  }
  while (pos < text.size()) {
    const std::size_t record_line = line;
    TRANCHE_ASSIGN_OR_RETURN(auto cells, NextRecord(text, pos, line));
    if (cells.size() == 1 && cells[0].empty()) continue;  // blank line
    if (cells.size() != t.header.size()) {
      return Bad(record_line, "has " + std::to_string(cells.size()) + " cells; the header has " +
                                  std::to_string(t.header.size()));
    }
    if (t.rows.size() >= kMaxCsvRows) return Bad(record_line, "more than 5,000,000 rows");
    t.rows.push_back(std::move(cells));
  }
  return t;
}

Result<Table> ReadCsvFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("file_not_found", "cannot read " + path);
  std::ostringstream buf;
  buf << in.rdbuf();
  return ParseCsv(buf.str());
}

}  // namespace tranche::ml
