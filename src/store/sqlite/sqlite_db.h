// A thin RAII layer over the SQLite C API: connections, cached prepared statements,
// errors as Status.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/status.h"

namespace tranche::store::sqlite {

class Connection;

// A prepared statement borrowed from a connection's cache. Resets itself (and clears
// its bindings) when it goes out of scope, so it can be reused at once.
class Statement {
 public:
  Statement(Connection& conn, sqlite3_stmt* stmt) : conn_(conn), stmt_(stmt) {}
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  // Bind indices start at 1, as in SQLite.
  Statement& Bind(int index, std::int64_t value);
  Statement& Bind(int index, std::string_view text);
  Statement& BindBlob(int index, const void* data, std::size_t size);
  Statement& BindNull(int index);
  Statement& BindDouble(int index, double value);

  // Steps once: true when a row is available, false when done. Errors as Status.
  Result<bool> Step();
  // Steps to completion, expecting no rows.
  Status Run();

  std::int64_t Int(int col) const;
  double Double(int col) const;
  std::string Text(int col) const;
  bool IsNull(int col) const;
  std::string Blob(int col) const;

 private:
  Connection& conn_;
  sqlite3_stmt* stmt_;
};

class Connection {
 public:
  // Opens (creating if needed) the database file and applies the pragmas every
  // connection needs: WAL, full fsync on commit, foreign keys, a busy timeout.
  static Result<std::unique_ptr<Connection>> Open(const std::string& path, bool read_only);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  Status Exec(const char* sql);
  // Returns the cached statement for `sql`. `sql` must be a string literal (or
  // otherwise outlive the connection): the cache is keyed by its address.
  Statement Prepare(const char* sql);
  // Status for the last error on this connection, classified by SQLite's code.
  Status LastError(std::string_view context) const;
  sqlite3* raw() { return db_; }
  std::int64_t Changes() const;

 private:
  explicit Connection(sqlite3* db) : db_(db) {}
  sqlite3* db_;
  std::unordered_map<const char*, sqlite3_stmt*> cache_;
};

}  // namespace tranche::store::sqlite
