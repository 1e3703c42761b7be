// How the reporting commands open an existing database: one reader connection, no
// migrations, and a clear refusal when the directory holds none.
#pragma once

#include <CLI/CLI.hpp>

#include <filesystem>
#include <memory>
#include <string>

#include "app/platform.h"
#include "store/open.h"

namespace tranche::cli {

// Where a command's database is: the SQLite file in data_dir, or a PostgreSQL URL.
struct DatabaseArgs {
  std::string data_dir = "./data";
  std::string database;
};

inline void AddDatabaseOptions(CLI::App* cmd, DatabaseArgs& a) {
  cmd->add_option("--data-dir", a.data_dir, "directory holding the database")->capture_default_str();
  cmd->add_option("--database", a.database, "a PostgreSQL database (postgres://...) instead of --data-dir's");
}

inline Result<std::unique_ptr<store::Store>> OpenDatabase(const DatabaseArgs& a, const Clock& clock) {
  store::Location where{app::DatabasePath(a.data_dir), a.database};
  where.reader_connections = 1;
  // A report never creates an empty database where none was.
  if (!where.postgres() && !std::filesystem::exists(where.sqlite_path)) {
    return Status::NotFound("no_database", "no database in " + a.data_dir);
  }
  return store::OpenStore(where, clock, /*migrate=*/false);
}

}  // namespace tranche::cli
