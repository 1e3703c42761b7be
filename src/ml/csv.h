// Reading tabular training data: RFC 4180 CSV (quoted fields, doubled quotes, CRLF) with
// a header row. Bounded: a file that is too wide, too long or has a giant field is
// refused with a clear error rather than exhausting memory.
#pragma once

#include <string>
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

// Parses CSV text. Refused (InvalidArgument, naming the line): no header, duplicate or
// empty column names, a row with another number of cells, an unterminated quote, and
// anything over the limits above.
Result<Table> ParseCsv(std::string_view text);
Result<Table> ReadCsvFile(const std::string& path);

}  // namespace tranche::ml
