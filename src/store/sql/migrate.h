// Versioned schema migrations. Each migration runs once, in its own transaction,
// and is recorded in schema_migrations; a migration is never edited once released,
// a change is a new migration (in every dialect's list).
#pragma once

#include <span>

#include "core/time.h"
#include "store/sql/connection.h"
#include "store/sql/migration.h"

namespace tranche::store::sql {

struct MigrationStatus {
  int current_version = 0;
  int latest_version = 0;
  bool up_to_date() const { return current_version == latest_version; }
};

// Precondition for both: `migrations` is non-empty, versions 1, 2, ... in order.
Result<MigrationStatus> GetMigrationStatus(Connection& conn, std::span<const Migration> migrations);
// Applies every pending migration; returns the status afterwards.
Result<MigrationStatus> Migrate(Connection& conn, std::span<const Migration> migrations, Instant now);

}  // namespace tranche::store::sql
