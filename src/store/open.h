// Which store a process uses: the embedded SQLite database in its data directory (the
// default), or a PostgreSQL database shared by a fleet of nodes (`--database
// postgres://...`). Everything above the store sees only store::Store.
#pragma once

#include <memory>
#include <string>

#include "core/clock.h"
#include "store/node_listener.h"
#include "store/sql/migrate.h"
#include "store/store.h"

namespace tranche::store {

struct Location {
  std::string sqlite_path;   // used when postgres_url is empty
  std::string postgres_url;  // postgres://user@host:port/database
  std::size_t reader_connections = 8;
  bool postgres() const { return !postgres_url.empty(); }
};

// InvalidArgument unless `url` is empty or a postgres:// (postgresql://) URL.
Status ValidateDatabaseUrl(const std::string& url);

// Opens the store; refuses a database whose schema is behind unless `migrate`.
Result<std::unique_ptr<Store>> OpenStore(const Location& where, const Clock& clock, bool migrate);

// Applies pending migrations (creating the SQLite file if needed).
Result<sql::MigrationStatus> MigrateStore(const Location& where, Instant now);

// Starts listening for the other nodes' notifications (Tx::NotifyNodes) when the store
// is shared (PostgreSQL); none for SQLite, which one process owns. `on_message` runs on
// the listener's thread; topic "*" means anything may have changed.
std::unique_ptr<NodeListener> ListenToNodes(const Location& where, NodeMessageFn on_message);

// How the location is named in messages and logs: the SQLite path, or the PostgreSQL
// host, port and database without user or password.
std::string DescribeLocation(const Location& where);

}  // namespace tranche::store
