// Writing CSV for people's spreadsheets: RFC 4180 records with every field quoted, and
// text that a spreadsheet would evaluate as a formula neutralised.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace tranche {

// Appends one record to `out`, field by field, then CRLF on End().
//
// Every field is quoted and its quotes doubled, so commas, quotes and line breaks in a
// value never shift columns. Text starting with '=', '+', '-', '@', a tab or a carriage
// return is prefixed with an apostrophe: spreadsheets run such cells as formulas (CSV
// injection), and a reference or memo is attacker-controlled text. Integers are written
// as they are, so a negative amount stays a number.
class CsvRecordWriter {
 public:
  explicit CsvRecordWriter(std::string& out) : out_(out) {}

  CsvRecordWriter& Text(std::string_view value);
  CsvRecordWriter& Integer(std::int64_t value);
  // Precondition: at least one field was written.
  void End();

 private:
  void Quoted(std::string_view value, bool neutralise);

  std::string& out_;
  int fields_ = 0;
};

}  // namespace tranche
