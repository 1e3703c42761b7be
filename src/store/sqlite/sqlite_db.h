// SQLite's implementation of the SQL boundary (store/sql/connection.h): a thin RAII
// layer over the SQLite C API, with cached prepared statements and errors as Status.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "store/sql/connection.h"

namespace tranche::store::sqlite {

class SqliteConnection;

class SqliteStatement final : public sql::StatementImpl {
 public:
  SqliteStatement(SqliteConnection& conn, sqlite3_stmt* stmt) : conn_(conn), stmt_(stmt) {}
  ~SqliteStatement() override { sqlite3_finalize(stmt_); }

  void Bind(int index, std::int64_t value) override;
  void Bind(int index, std::string_view text) override;
  void BindBlob(int index, const void* data, std::size_t size) override;
  void BindNull(int index) override;
  void BindDouble(int index, double value) override;
  Result<bool> Step() override;
  std::int64_t Int(int col) const override { return sqlite3_column_int64(stmt_, col); }
  double Double(int col) const override { return sqlite3_column_double(stmt_, col); }
  std::string Text(int col) const override;
  bool IsNull(int col) const override { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
  std::string Blob(int col) const override;
  void Reset() override {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }

 private:
  SqliteConnection& conn_;
  sqlite3_stmt* stmt_;
};

class SqliteConnection final : public sql::Connection {
 public:
  // Opens (creating if needed) the database file and applies the pragmas every
  // connection needs: WAL with a full fsync on commit (without `sync_commits`, a rollback
  // journal in memory and no fsync: see SqliteOptions), foreign keys, a busy timeout.
  static Result<std::unique_ptr<SqliteConnection>> Open(const std::string& path, bool read_only,
                                                        bool sync_commits = true);
  // A private database held in memory on SQLite's memdb VFS, with the journal in memory
  // and no fsync, refused past kMaxInMemoryBytes (SQLITE_FULL). Not ":memory:": its page
  // cache holds every page, and each commit after a B-tree balance that renumbered pages
  // (through the lock-byte page's number as a temporary) walks that whole cache, so a
  // commit's cost grows with the database (35 µs at 20,000 pages, 142 µs at 121,000 in
  // a benchmark of single-row commits; docs/BENCHMARKS.md). On memdb the page cache is
  // the usual bounded one and the cost stays flat.
  static Result<std::unique_ptr<SqliteConnection>> OpenInMemory();
  // Generous for tests, the assistant's evaluation and simulations of up to tens of
  // thousands of consumers (a year of 10,000 is about 4 GB); larger runs use a file.
  static constexpr std::int64_t kMaxInMemoryBytes = std::int64_t{16} << 30;
  ~SqliteConnection() override;
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;

  Status Exec(const char* sql) override;
  sql::Statement Prepare(const char* sql) override;
  std::int64_t Changes() const override { return sqlite3_changes64(db_); }
  // IMMEDIATE: takes the write lock at once, so a write never fails half-way on a
  // lock another connection took first.
  Status BeginWrite() override { return Exec("BEGIN IMMEDIATE"); }
  void EndWrite() override {}  // COMMIT or ROLLBACK released the lock
  Status BeginRead() override { return Exec("BEGIN"); }
  bool InTransaction() const override { return sqlite3_get_autocommit(db_) == 0; }
  // One process owns a SQLite database: there are no other nodes.
  Status Notify(std::string_view) override { return Status::Ok(); }

  sqlite3* raw() { return db_; }  // for the SQLite-only tools (export)
  // Status for the last error on this connection, classified by SQLite's code.
  Status LastError(std::string_view context) const;

 private:
  explicit SqliteConnection(sqlite3* db) : db_(db) {}
  sqlite3* db_;
  // Declared after db_: statements finalize before the connection closes.
  std::unordered_map<const char*, std::unique_ptr<SqliteStatement>> cache_;
};

}  // namespace tranche::store::sqlite
