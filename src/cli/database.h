// How the reporting commands open an existing database: one reader connection, no
// migrations, and a clear refusal when the directory holds none.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "app/platform.h"
#include "store/sqlite/sqlite_store.h"

namespace tranche::cli {

inline Result<std::unique_ptr<store::sqlite::SqliteStore>> OpenDatabase(const std::string& data_dir,
                                                                        const Clock& clock) {
  store::sqlite::SqliteOptions options;
  options.path = app::DatabasePath(data_dir);
  options.reader_connections = 1;
  if (!std::filesystem::exists(options.path)) return Status::NotFound("no_database", "no database in " + data_dir);
  return store::sqlite::SqliteStore::Open(options, clock, false);
}

}  // namespace tranche::cli
