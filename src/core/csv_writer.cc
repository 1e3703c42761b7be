#include "core/csv_writer.h"

#include "core/assert.h"

namespace tranche {

namespace {

bool RunsAsFormula(std::string_view value) {
  if (value.empty()) return false;
  const char c = value.front();
  return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

}  // namespace

CsvRecordWriter& CsvRecordWriter::Text(std::string_view value) {
  Quoted(value, /*neutralise=*/true);
  return *this;
}

CsvRecordWriter& CsvRecordWriter::Integer(std::int64_t value) {
  Quoted(std::to_string(value), /*neutralise=*/false);
  return *this;
}

void CsvRecordWriter::End() {
  TRANCHE_ASSERT(fields_ > 0);
  out_ += "\r\n";
  fields_ = 0;
}

void CsvRecordWriter::Quoted(std::string_view value, bool neutralise) {
  if (fields_++ > 0) out_ += ',';
  out_ += '"';
  if (neutralise && RunsAsFormula(value)) out_ += '\'';
  for (char c : value) {
    if (c == '"') out_ += '"';
    out_ += c;
  }
  out_ += '"';
}

}  // namespace tranche
