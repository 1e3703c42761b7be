#include "ml/csv.h"

#include <zlib.h>

#include <set>

#include "core/assert.h"

namespace tranche::ml {

namespace {

Status Bad(std::size_t line, const std::string& what) {
  return Status::InvalidArgument("invalid_csv", "line " + std::to_string(line) + ": " + what);
}

// Splits one record starting at `pos` into `cells`; advances `pos` past its line end.
// `line` counts physical lines, for messages.
Status NextRecord(std::string_view text, std::size_t& pos, std::size_t& line, std::vector<std::string>& cells) {
  std::size_t used = 1;
  if (cells.empty()) cells.emplace_back();
  cells[0].clear();
  bool quoted = false;
  const std::size_t start_line = line;
  while (pos < text.size()) {
    const char c = text[pos++];
    std::string& cell = cells[used - 1];
    if (quoted) {
      if (c == '"') {
        if (pos < text.size() && text[pos] == '"') {
          cell.push_back('"');
          ++pos;
        } else {
          quoted = false;
        }
      } else {
        if (c == '\n') ++line;
        cell.push_back(c);
      }
    } else if (c == '"' && cell.empty()) {
      quoted = true;
    } else if (c == ',') {
      if (used >= kMaxCsvColumns) return Bad(start_line, "more than " + std::to_string(kMaxCsvColumns) + " columns");
      if (cells.size() == used) cells.emplace_back();
      cells[used++].clear();
    } else if (c == '\n') {
      ++line;
      break;
    } else if (c != '\r') {
      cell.push_back(c);
    }
    if (cells[used - 1].size() > kMaxCsvFieldChars) return Bad(start_line, "a field is longer than 10,000 characters");
  }
  if (quoted) return Bad(start_line, "a quoted field is not closed");
  cells.resize(used);
  return Status::Ok();
}

}  // namespace

int Table::ColumnIndex(std::string_view name) const {
  for (std::size_t i = 0; i < header.size(); ++i) {
    if (header[i] == name) return static_cast<int>(i);
  }
  return -1;
}

CsvRecords::CsvRecords(std::string_view text) : text_(text) {
  if (text_.starts_with("\xEF\xBB\xBF")) text_.remove_prefix(3);  // a UTF-8 byte order mark
}

Result<bool> CsvRecords::Next(std::vector<std::string>& cells) {
  while (pos_ < text_.size()) {
    record_line_ = line_;
    TRANCHE_RETURN_IF_ERROR(NextRecord(text_, pos_, line_, cells));
    if (!(cells.size() == 1 && cells[0].empty())) return true;  // else a blank line
  }
  return false;
}

Result<Table> ParseCsv(std::string_view text) {
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    return Status::InvalidArgument("invalid_csv", "the file is empty");
  }
  CsvRecords records(text);
  Table t;
  TRANCHE_ASSIGN_OR_RETURN(bool any, records.Next(t.header));
  TRANCHE_ASSERT(any);
  std::set<std::string> seen;
  for (const std::string& h : t.header) {
    if (h.empty()) return Bad(1, "a column has no name");
    if (!seen.insert(h).second) return Bad(1, "column '" + h.substr(0, 100) + "' appears twice");
  }
  std::vector<std::string> cells;
  while (true) {
    TRANCHE_ASSIGN_OR_RETURN(bool more, records.Next(cells));
    if (!more) break;
    if (cells.size() != t.header.size()) {
      return Bad(records.line(), "has " + std::to_string(cells.size()) + " cells; the header has " +
                                     std::to_string(t.header.size()));
    }
    if (t.rows.size() >= kMaxCsvRows) return Bad(records.line(), "more than 5,000,000 rows");
    t.rows.push_back(cells);
  }
  return t;
}

Result<std::string> ReadTextFile(const std::string& path, std::size_t max_bytes) {
  gzFile f = gzopen(path.c_str(), "rb");  // reads a plain file as it is
  if (f == nullptr) return Status::NotFound("file_not_found", "cannot read " + path);
  std::string out;
  char buf[1 << 16];
  int n = 0;
  while ((n = gzread(f, buf, sizeof buf)) > 0) {
    if (out.size() + static_cast<std::size_t>(n) > max_bytes) {
      gzclose(f);
      return Status::InvalidArgument("file_too_large", path + " is larger than " + std::to_string(max_bytes) + " bytes");
    }
    out.append(buf, static_cast<std::size_t>(n));
  }
  const bool failed = n < 0;
  gzclose(f);
  if (failed) return Status::InvalidArgument("invalid_file", "cannot decompress " + path);
  return out;
}

Result<Table> ReadCsvFile(const std::string& path) {
  TRANCHE_ASSIGN_OR_RETURN(std::string text, ReadTextFile(path));
  return ParseCsv(text);
}

}  // namespace tranche::ml
