#include "store/postgres/pg_store.h"

#include "store/postgres/pg_connection.h"
#include "store/postgres/schema.h"
#include "store/sql/group_commit_store.h"

namespace tranche::store::postgres {

namespace {

// The advisory lock key nodes take to migrate: one node applies the migrations while
// the others wait, then find nothing left to do.
constexpr const char* kLockMigrations = "SELECT pg_advisory_lock(7431001)";
constexpr const char* kUnlockMigrations = "SELECT pg_advisory_unlock(7431001)";

// Pagination (`id > cursor ORDER BY id`) needs text compared byte by byte, as SQLite
// compares it: a database with a locale's collation would page in another order.
Status CheckCollation(PgConnection& conn) {
  auto s = conn.Prepare("SELECT datcollate FROM pg_database WHERE datname = current_database()");
  TRANCHE_ASSIGN_OR_RETURN(bool row, s.Step());
  TRANCHE_ASSERT(row);
  const std::string collate = s.Text(0);
  // C.UTF-8 orders by code point, which is byte order in UTF-8.
  if (collate == "C" || collate == "POSIX" || collate == "C.UTF-8" || collate == "C.utf8") return Status::Ok();
  return Status::BusinessRule("unsupported_collation",
                              "the database sorts text by locale " + collate +
                                  "; create it with LC_COLLATE 'C' (CREATE DATABASE ... LC_COLLATE 'C' "
                                  "LC_CTYPE 'C' TEMPLATE template0)");
}

Result<sql::MigrationStatus> MigrateLocked(PgConnection& conn, Instant now) {
  TRANCHE_RETURN_IF_ERROR(CheckCollation(conn));
  TRANCHE_RETURN_IF_ERROR(conn.Exec(kLockMigrations));
  Result<sql::MigrationStatus> ms = sql::Migrate(conn, Migrations(), now);
  (void)conn.Exec(kUnlockMigrations);  // also released when the session ends
  return ms;
}

}  // namespace

bool IsPostgresUrl(std::string_view database) {
  return database.starts_with("postgres://") || database.starts_with("postgresql://");
}

Result<sql::MigrationStatus> MigratePostgres(const std::string& url, Instant now) {
  TRANCHE_ASSIGN_OR_RETURN(auto conn, PgConnection::Open(url));
  return MigrateLocked(*conn, now);
}

Result<std::unique_ptr<Store>> OpenPostgresStore(const PostgresOptions& options, const Clock& clock,
                                                 bool migrate) {
  TRANCHE_ASSERT(IsPostgresUrl(options.url));
  TRANCHE_ASSERT(options.max_batch_jobs >= 1 && options.reader_connections >= 1 && options.max_attempts >= 1);
  TRANCHE_ASSIGN_OR_RETURN(auto writer, PgConnection::Open(options.url));
  TRANCHE_RETURN_IF_ERROR(CheckCollation(*writer));
  TRANCHE_ASSIGN_OR_RETURN(sql::MigrationStatus ms, migrate ? MigrateLocked(*writer, clock.Now())
                                                            : sql::GetMigrationStatus(*writer, Migrations()));
  if (!ms.up_to_date()) {
    return Status::BusinessRule("schema_behind",
                                "database schema is at version " + std::to_string(ms.current_version) + " of " +
                                    std::to_string(ms.latest_version) + "; run `tranche migrate`");
  }
  std::vector<std::unique_ptr<sql::Connection>> readers;
  for (std::size_t i = 0; i < options.reader_connections; ++i) {
    TRANCHE_ASSIGN_OR_RETURN(auto r, PgConnection::Open(options.url));
    readers.push_back(std::move(r));
  }
  sql::GroupCommitOptions gc;
  gc.max_batch_jobs = options.max_batch_jobs;
  gc.max_queue_depth = options.max_queue_depth;
  gc.max_attempts = options.max_attempts;
  return std::unique_ptr<Store>(
      std::make_unique<sql::GroupCommitStore>(gc, std::move(writer), std::move(readers)));
}

}  // namespace tranche::store::postgres
