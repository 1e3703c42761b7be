// `tranche export`: a SQLite database as a dump that `tranche import` loads into a
// PostgreSQL database of the same schema version (the way off one machine).
//
// The dump is JSON lines: a header {"tranche_dump":1,"schema_version":N}; then per
// table {"table":T,"columns":[...]} followed by one array per row; then
// {"end":true,"tables":K,"rows":R}. Values keep their stored type: integers, text,
// null, doubles, and blobs as {"hex":"..."}. Tables come in foreign-key order (a table
// after every table it references), rows in storage order, so a reversal follows the
// entry it reverses. schema_migrations is not dumped: the target migrates itself.
#pragma once

#include <cstdint>
#include <ostream>
#include <string>

#include "core/status.h"

namespace tranche::store::sqlite {

struct ExportReport {
  int schema_version = 0;
  std::int64_t tables = 0;
  std::int64_t rows = 0;
};

// Precondition: no process writes to the database meanwhile (the dump is one read
// transaction, so it is consistent anyway; a writer would only wait).
Result<ExportReport> ExportDatabase(const std::string& path, std::ostream& out);

}  // namespace tranche::store::sqlite
