// Versioned schema migrations. Each migration runs once, in its own transaction,
// and is recorded in schema_migrations; a migration is never edited once released,
// a change is a new migration.
#pragma once

#include "core/time.h"
#include "store/sqlite/sqlite_db.h"

namespace tranche::store::sqlite {

struct MigrationStatus {
  int current_version = 0;
  int latest_version = 0;
  bool up_to_date() const { return current_version == latest_version; }
};

Result<MigrationStatus> GetMigrationStatus(Connection& conn);
// Applies every pending migration; returns the status afterwards.
Result<MigrationStatus> Migrate(Connection& conn, Instant now);

}  // namespace tranche::store::sqlite
