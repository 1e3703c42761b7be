#include "store/sqlite/sqlite_db.h"

#include <memory>

namespace tranche::store::sqlite {

void SqliteStatement::Bind(int index, std::int64_t value) {
  TRANCHE_ASSERT(sqlite3_bind_int64(stmt_, index, value) == SQLITE_OK);
}

void SqliteStatement::Bind(int index, std::string_view text) {
  TRANCHE_ASSERT(sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()),
                                   SQLITE_TRANSIENT) == SQLITE_OK);
}

void SqliteStatement::BindBlob(int index, const void* data, std::size_t size) {
  TRANCHE_ASSERT(sqlite3_bind_blob(stmt_, index, data, static_cast<int>(size),
                                   SQLITE_TRANSIENT) == SQLITE_OK);
}

void SqliteStatement::BindNull(int index) { TRANCHE_ASSERT(sqlite3_bind_null(stmt_, index) == SQLITE_OK); }

void SqliteStatement::BindDouble(int index, double value) {
  TRANCHE_ASSERT(sqlite3_bind_double(stmt_, index, value) == SQLITE_OK);
}

Result<bool> SqliteStatement::Step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return conn_.LastError(sqlite3_sql(stmt_));
}

std::string SqliteStatement::Text(int col) const {
  const auto* p = sqlite3_column_text(stmt_, col);
  return p == nullptr ? std::string()
                      : std::string(reinterpret_cast<const char*>(p),
                                    static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col)));
}

std::string SqliteStatement::Blob(int col) const {
  const void* p = sqlite3_column_blob(stmt_, col);
  const int n = sqlite3_column_bytes(stmt_, col);
  return p == nullptr ? std::string()
                      : std::string(static_cast<const char*>(p), static_cast<std::size_t>(n));
}

namespace {
// Process-wide SQLite settings, applied once before the first connection.
//  - Memory statistics take a global mutex on every allocation; tranche reads none.
//  - Statement and savepoint journals stay in memory up to 120 KiB (one chunk), then
//    spill to a temporary file. With temp_store=MEMORY SQLite would keep them in 1 KiB
//    chunks and walk that list from the start on every statement release: quadratic
//    in a large unit of work. (The chunk must stay under 128 KiB: SQLite's unix VFS
//    writes at most 128 KiB at once and reports a larger spill as "disk full".)
void ConfigureSqliteOnce() {
  static const bool configured = [] {
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    sqlite3_config(SQLITE_CONFIG_STMTJRNL_SPILL, 120 << 10);
    return sqlite3_initialize() == SQLITE_OK;
  }();
  TRANCHE_ASSERT_MSG(configured, "sqlite3_initialize failed");
}

// Opens `name` on `vfs` (null: the default) with the settings every connection shares.
// NOMUTEX: each connection is used by one thread at a time (the writer thread owns the
// write connection; readers check connections out of a pool).
Result<sqlite3*> OpenHandle(const std::string& name, const char* vfs) {
  ConfigureSqliteOnce();
  sqlite3* db = nullptr;
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  if (sqlite3_open_v2(name.c_str(), &db, flags, vfs) != SQLITE_OK) {
    std::string msg = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    return Status::Unavailable("cannot open database " + name + ": " + msg);
  }
  sqlite3_extended_result_codes(db, 1);
  return db;
}

constexpr char kUnsyncedJournal[] = "PRAGMA journal_mode=MEMORY; PRAGMA synchronous=OFF;";
constexpr char kEveryConnection[] = "PRAGMA foreign_keys=ON; PRAGMA busy_timeout=5000; PRAGMA cache_size=-65536;";
}  // namespace

Result<std::unique_ptr<SqliteConnection>> SqliteConnection::Open(const std::string& path, bool read_only,
                                                                 bool sync_commits) {
  TRANCHE_ASSIGN_OR_RETURN(sqlite3* db, OpenHandle(path, nullptr));
  std::unique_ptr<SqliteConnection> conn(new SqliteConnection(db));
  // synchronous=FULL in WAL mode syncs the log on every commit: a commit that
  // returned is on disk. That is what lets Store::Write acknowledge a write. Without
  // sync_commits (a simulation) nothing is synced and the journal stays in memory.
  TRANCHE_RETURN_IF_ERROR(conn->Exec(
      sync_commits ? "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA wal_autocheckpoint=20000;"
                   : kUnsyncedJournal));
  TRANCHE_RETURN_IF_ERROR(conn->Exec(kEveryConnection));
  if (read_only) TRANCHE_RETURN_IF_ERROR(conn->Exec("PRAGMA query_only=ON;"));
  return conn;
}

Result<std::unique_ptr<SqliteConnection>> SqliteConnection::OpenInMemory() {
  // A name without a leading "/" keeps the memdb database private to this connection.
  TRANCHE_ASSIGN_OR_RETURN(sqlite3* db, OpenHandle("tranche-in-memory", "memdb"));
  std::unique_ptr<SqliteConnection> conn(new SqliteConnection(db));
  sqlite3_int64 limit_bytes = kMaxInMemoryBytes;
  if (sqlite3_file_control(db, "main", SQLITE_FCNTL_SIZE_LIMIT, &limit_bytes) != SQLITE_OK) {
    return Status::Unavailable("cannot size the in-memory database");
  }
  TRANCHE_ASSERT(limit_bytes == kMaxInMemoryBytes);
  TRANCHE_RETURN_IF_ERROR(conn->Exec(kUnsyncedJournal));
  TRANCHE_RETURN_IF_ERROR(conn->Exec(kEveryConnection));
  return conn;
}

SqliteConnection::~SqliteConnection() {
  cache_.clear();  // finalizes every statement
  sqlite3_close(db_);
}

Status SqliteConnection::Exec(const char* sql) {
  char* err = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
    Status st = LastError(err ? err : sql);
    sqlite3_free(err);
    return st;
  }
  return Status::Ok();
}

sql::Statement SqliteConnection::Prepare(const char* sql) {
  auto it = cache_.find(sql);
  if (it == cache_.end()) {
    sqlite3_stmt* stmt = nullptr;
    const int rc = sqlite3_prepare_v3(db_, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    // SQL is compiled into the program: failing to prepare it is a bug.
    TRANCHE_ASSERT_MSG(rc == SQLITE_OK, sqlite3_errmsg(db_));
    it = cache_.emplace(sql, std::make_unique<SqliteStatement>(*this, stmt)).first;
  }
  return sql::Statement(*it->second);
}

Status SqliteConnection::LastError(std::string_view context) const {
  const int code = sqlite3_extended_errcode(db_);
  std::string msg = std::string(sqlite3_errmsg(db_)) + " [" + std::string(context.substr(0, 120)) + "]";
  switch (code & 0xff) {
    case SQLITE_CONSTRAINT: return Status::Conflict("constraint_violation", msg);
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_FULL:
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN: return Status::Unavailable(msg);
    case SQLITE_READONLY: return Status::Internal("write attempted in a read transaction: " + msg);
    default: return Status::Internal(msg);
  }
}

}  // namespace tranche::store::sqlite
