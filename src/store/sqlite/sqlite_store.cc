#include "store/sqlite/sqlite_store.h"

#include "store/sql/group_commit_store.h"
#include "store/sqlite/schema.h"
#include "store/sqlite/sqlite_db.h"

namespace tranche::store::sqlite {

Result<sql::MigrationStatus> MigrateDatabase(const std::string& path, Instant now) {
  TRANCHE_ASSIGN_OR_RETURN(auto conn, SqliteConnection::Open(path, false));
  return sql::Migrate(*conn, Migrations(), now);
}

Result<std::unique_ptr<Store>> OpenSqliteStore(const SqliteOptions& options, const Clock& clock,
                                               bool migrate) {
  TRANCHE_ASSERT(options.max_batch_jobs >= 1 && options.reader_connections >= 1);
  TRANCHE_ASSIGN_OR_RETURN(auto writer, SqliteConnection::Open(options.path, false, options.sync_commits));
  TRANCHE_ASSIGN_OR_RETURN(sql::MigrationStatus ms, migrate ? sql::Migrate(*writer, Migrations(), clock.Now())
                                                            : sql::GetMigrationStatus(*writer, Migrations()));
  if (!ms.up_to_date()) {
    return Status::BusinessRule("schema_behind",
                                "database schema is at version " +
                                    std::to_string(ms.current_version) + " of " +
                                    std::to_string(ms.latest_version) + "; run `tranche migrate`");
  }
  std::vector<std::unique_ptr<sql::Connection>> readers;
  for (std::size_t i = 0; i < options.reader_connections; ++i) {
    TRANCHE_ASSIGN_OR_RETURN(auto r, SqliteConnection::Open(options.path, true, options.sync_commits));
    readers.push_back(std::move(r));
  }
  sql::GroupCommitOptions gc;
  gc.max_batch_jobs = options.max_batch_jobs;
  gc.max_queue_depth = options.max_queue_depth;
  // One writer holds SQLite's lock for the whole group: a group never conflicts.
  gc.max_attempts = 1;
  return std::unique_ptr<Store>(
      std::make_unique<sql::GroupCommitStore>(gc, std::move(writer), std::move(readers)));
}

}  // namespace tranche::store::sqlite
