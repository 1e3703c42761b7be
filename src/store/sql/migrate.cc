#include "store/sql/migrate.h"

#include <string>

namespace tranche::store::sql {

namespace {

Status EnsureMigrationsTable(Connection& conn) {
  return conn.Exec(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, "
      "name TEXT NOT NULL, applied_at_us BIGINT NOT NULL)");
}

int LatestVersion(std::span<const Migration> migrations) {
  TRANCHE_ASSERT(!migrations.empty());
  for (std::size_t i = 0; i < migrations.size(); ++i) {
    TRANCHE_ASSERT(migrations[i].version == static_cast<int>(i) + 1);
  }
  return migrations.back().version;
}

}  // namespace

Result<MigrationStatus> GetMigrationStatus(Connection& conn, std::span<const Migration> migrations) {
  const int latest = LatestVersion(migrations);
  TRANCHE_RETURN_IF_ERROR(EnsureMigrationsTable(conn));
  auto stmt = conn.Prepare("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
  TRANCHE_ASSIGN_OR_RETURN(bool row, stmt.Step());
  TRANCHE_ASSERT(row);
  const int current = static_cast<int>(stmt.Int(0));
  if (current > latest) {
    return Status::Internal("database schema version " + std::to_string(current) +
                            " is newer than this binary knows (" + std::to_string(latest) + ")");
  }
  return MigrationStatus{current, latest};
}

Result<MigrationStatus> Migrate(Connection& conn, std::span<const Migration> migrations, Instant now) {
  TRANCHE_ASSIGN_OR_RETURN(MigrationStatus status, GetMigrationStatus(conn, migrations));
  for (const Migration& m : migrations) {
    if (m.version <= status.current_version) continue;
    TRANCHE_RETURN_IF_ERROR(conn.BeginWrite());
    Status st = conn.Exec(m.sql);
    if (st.ok()) {
      auto ins = conn.Prepare(
          "INSERT INTO schema_migrations(version, name, applied_at_us) VALUES (?, ?, ?)");
      ins.Bind(1, m.version).Bind(2, m.name).Bind(3, UnixMicros(now));
      st = ins.Run();
    }
    if (st.ok()) st = conn.Exec("COMMIT");
    if (!st.ok()) (void)conn.Exec("ROLLBACK");
    conn.EndWrite();
    if (!st.ok()) {
      return Status::Internal("migration " + std::to_string(m.version) + " (" + m.name +
                              ") failed: " + st.message());
    }
    status.current_version = m.version;
  }
  return status;
}

}  // namespace tranche::store::sql
