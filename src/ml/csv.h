// Reading tabular training data: RFC 4180 CSV (quoted fields, doubled quotes, CRLF) with
// a header row. Bounded: a file that is too wide, too long or has a giant field is
// refused with a clear error rather than exhausting memory.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace tranche::ml {

inline constexpr std::size_t kMaxCsvColumns = 5'000;
inline constexpr std::size_t kMaxCsvRows = 5'000'000;
inline constexpr std::size_t kMaxCsvFieldChars = 10'000;

struct Table {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;  // each exactly header.size() cells

  // The index of `name` in the header, or -1.
  int ColumnIndex(std::string_view name) const;
};

// Reads records one at a time from text that outlives the reader (for streams too
// long to hold as a Table). A leading UTF-8 byte order mark is skipped; blank lines are
// skipped. Refused as ParseCsv refuses: an unterminated quote, too many columns, a giant
// field.
class CsvRecords {
 public:
  explicit CsvRecords(std::string_view text);
  // The next record into `cells` (reusing its storage); false at the end.
  Result<bool> Next(std::vector<std::string>& cells);
  // The physical line the last record returned started on (from 1).
  std::size_t line() const { return record_line_; }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
  std::size_t line_ = 1;
  std::size_t record_line_ = 0;
};

// A whole file's bytes; a gzip-compressed file (by its magic bytes) is decompressed.
// Refused beyond max_bytes (after decompression).
inline constexpr std::size_t kMaxTextFileBytes = std::size_t{4} << 30;
Result<std::string> ReadTextFile(const std::string& path, std::size_t max_bytes = kMaxTextFileBytes);

// Parses CSV text. Refused (InvalidArgument, naming the line): no header, duplicate or
// empty column names, a row with another number of cells, an unterminated quote, and
// anything over the limits above.
Result<Table> ParseCsv(std::string_view text);
Result<Table> ReadCsvFile(const std::string& path);

}  // namespace tranche::ml
