#include "store/open.h"


#include "store/postgres/pg_listener.h"
#include "store/postgres/pg_store.h"
#include "store/sqlite/sqlite_store.h"

namespace tranche::store {

Status ValidateDatabaseUrl(const std::string& url) {
  if (url.empty() || postgres::IsPostgresUrl(url)) return Status::Ok();
  return Status::InvalidArgument("invalid_database", "--database must be a postgres:// URL", "database");
}

Result<std::unique_ptr<Store>> OpenStore(const Location& where, const Clock& clock, bool migrate) {
  TRANCHE_RETURN_IF_ERROR(ValidateDatabaseUrl(where.postgres_url));
  if (where.postgres()) {
    postgres::PostgresOptions o;
    o.url = where.postgres_url;
    o.reader_connections = where.reader_connections;
    return postgres::OpenPostgresStore(o, clock, migrate);
  }
  sqlite::SqliteOptions o;
  o.path = where.sqlite_path;
  o.reader_connections = where.reader_connections;
  return sqlite::OpenSqliteStore(o, clock, migrate);
}

Result<sql::MigrationStatus> MigrateStore(const Location& where, Instant now) {
  TRANCHE_RETURN_IF_ERROR(ValidateDatabaseUrl(where.postgres_url));
  if (where.postgres()) return postgres::MigratePostgres(where.postgres_url, now);
  return sqlite::MigrateDatabase(where.sqlite_path, now);
}

std::unique_ptr<NodeListener> ListenToNodes(const Location& where, NodeMessageFn on_message) {
  if (!where.postgres()) return nullptr;
  return std::make_unique<postgres::PgListener>(where.postgres_url, std::move(on_message));
}

std::string DescribeLocation(const Location& where) {
  if (!where.postgres()) return where.sqlite_path;
  // postgres://user:password@host:port/db?params → postgres://host:port/db
  std::string url = where.postgres_url;
  const std::size_t scheme = url.find("://") + 3;
  const std::size_t at = url.find('@', scheme);
  const std::size_t slash = url.find('/', scheme);
  if (at != std::string::npos && (slash == std::string::npos || at < slash)) url.erase(scheme, at + 1 - scheme);
  const std::size_t query = url.find('?');
  if (query != std::string::npos) url.erase(query);
  return url;
}

}  // namespace tranche::store
