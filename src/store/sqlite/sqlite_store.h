// The embedded store: the group-commit store (store/sql/group_commit_store.h) over
// SQLite connections to one database file. The writer's connection commits to the WAL
// with a full fsync (unless told not to); readers use query-only connections, which WAL lets run alongside the writer.
#pragma once

#include <memory>
#include <string>

#include "core/clock.h"
#include "store/sql/migrate.h"
#include "store/store.h"

namespace tranche::store::sqlite {

struct SqliteOptions {
  std::string path;                  // database file
  std::size_t max_batch_jobs = 1024; // units of work per commit
  std::size_t max_queue_depth = 16384;
  std::size_t reader_connections = 8;
  // Whether commits are durable: the WAL, synced on every commit (synchronous=FULL). Off
  // only where a lost database costs nothing but a rerun, such as a simulation, whose
  // reads and writes never overlap: the rollback journal is kept in memory and nothing
  // is synced, so each commit writes its pages once, straight into the file, where the
  // WAL wrote them twice; a crash in the middle of a commit can leave the file unusable.
  bool sync_commits = true;
};

// Opens the database; refuses to open one whose schema is behind unless `migrate`.
Result<std::unique_ptr<Store>> OpenSqliteStore(const SqliteOptions& options, const Clock& clock,
                                               bool migrate);

// Opens the database file directly and applies pending migrations.
Result<sql::MigrationStatus> MigrateDatabase(const std::string& path, Instant now);

}  // namespace tranche::store::sqlite
