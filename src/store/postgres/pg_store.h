// The PostgreSQL store: the group-commit store (store/sql/group_commit_store.h) over
// libpq connections, for a fleet of `tranche serve` nodes sharing one database. Each
// node's writer commits its queued units of work in groups under SERIALIZABLE; a group
// that conflicts with another node's is run again (bounded), so every invariant the
// single SQLite writer keeps by running alone holds across the fleet.
#pragma once

#include <memory>
#include <string>

#include "core/clock.h"
#include "store/sql/migrate.h"
#include "store/store.h"

namespace tranche::store::postgres {

struct PostgresOptions {
  std::string url;                    // postgres://user@host:port/database
  std::size_t max_batch_jobs = 256;   // units of work per commit (a conflict reruns them all)
  std::size_t max_queue_depth = 16384;
  std::size_t reader_connections = 4;
  int max_attempts = 8;               // runs of a group that conflicted
};

// True when `database` names a PostgreSQL database (postgres:// or postgresql://).
bool IsPostgresUrl(std::string_view database);

// Connects; refuses a database whose schema is behind unless `migrate`.
Result<std::unique_ptr<Store>> OpenPostgresStore(const PostgresOptions& options, const Clock& clock,
                                                 bool migrate);

// Applies pending migrations, one node at a time (under an advisory lock).
Result<sql::MigrationStatus> MigratePostgres(const std::string& url, Instant now);

}  // namespace tranche::store::postgres
