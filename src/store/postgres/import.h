// `tranche import`: loads a dump written by `tranche export` (store/sqlite/export.h)
// into a PostgreSQL database migrated to the same schema version and still empty. One
// transaction: the database holds the whole dump or, on any failure, nothing of it.
#pragma once

#include <cstdint>
#include <istream>
#include <string>

#include "core/clock.h"
#include "core/status.h"

namespace tranche::store::postgres {

struct ImportReport {
  std::int64_t tables = 0;
  std::int64_t rows = 0;
};

// Limits on a dump's shape: a line, a table's columns.
inline constexpr std::size_t kMaxDumpLineBytes = 64u << 20;
inline constexpr std::size_t kMaxDumpColumns = 200;

// Migrates the database first (an empty one gets the whole schema), then refuses a
// dump of another schema version, or a database whose tables hold rows already.
Result<ImportReport> ImportDump(const std::string& url, std::istream& in, Instant now);

}  // namespace tranche::store::postgres
