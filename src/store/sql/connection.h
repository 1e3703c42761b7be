// The SQL boundary the repositories are written against: a connection that prepares
// statements and a statement that binds, steps and reads columns. Each database
// (sqlite/, postgres/) implements it once; every repository in this directory runs
// unchanged over either, so there is one implementation of each port, not one per
// database that could drift.
//
// SQL given to Prepare is the common dialect both databases accept: `?` or `?N`
// placeholders, `ON CONFLICT ... DO ...`, `RETURNING`, COALESCE, CASE; no
// database-specific functions (date arithmetic happens in C++). A parameter PostgreSQL
// cannot type where it first appears (`? IS NULL`) is cast (`CAST(? AS TEXT) IS NULL`);
// a column alias is not used in WHERE; every selected column is grouped or aggregated.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/status.h"

namespace tranche::store::sql {

// The code of a failure the database reports when two transactions' writes could not
// both stand (PostgreSQL's serialization failures and deadlocks). The transaction did
// nothing; running it again from the start can succeed.
inline constexpr char kTransactionConflict[] = "transaction_conflict";
inline bool IsTransactionConflict(const Status& s) { return s.code() == kTransactionConflict; }

// One prepared statement's state, owned by its connection's cache.
class StatementImpl {
 public:
  virtual ~StatementImpl() = default;
  virtual void Bind(int index, std::int64_t value) = 0;
  virtual void Bind(int index, std::string_view text) = 0;
  virtual void BindBlob(int index, const void* data, std::size_t size) = 0;
  virtual void BindNull(int index) = 0;
  virtual void BindDouble(int index, double value) = 0;
  virtual Result<bool> Step() = 0;
  virtual std::int64_t Int(int col) const = 0;
  virtual double Double(int col) const = 0;
  virtual std::string Text(int col) const = 0;
  virtual bool IsNull(int col) const = 0;
  virtual std::string Blob(int col) const = 0;
  // Forgets bindings and results so the statement can be used again.
  virtual void Reset() = 0;
};

// A prepared statement borrowed from a connection's cache. Resets itself (and clears
// its bindings) when it goes out of scope, so it can be reused at once. Bind indices
// start at 1; column indices at 0. A NULL column reads as 0 or "".
class Statement {
 public:
  explicit Statement(StatementImpl& impl) : impl_(impl) {}
  ~Statement() { impl_.Reset(); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  Statement& Bind(int index, std::int64_t value) { impl_.Bind(index, value); return *this; }
  Statement& Bind(int index, std::string_view text) { impl_.Bind(index, text); return *this; }
  Statement& BindBlob(int index, const void* data, std::size_t size) {
    impl_.BindBlob(index, data, size);
    return *this;
  }
  Statement& BindNull(int index) { impl_.BindNull(index); return *this; }
  Statement& BindDouble(int index, double value) { impl_.BindDouble(index, value); return *this; }

  // Steps once: true when a row is available, false when done. Errors as Status.
  Result<bool> Step() { return impl_.Step(); }
  // Steps to completion, expecting no rows.
  Status Run() {
    TRANCHE_ASSIGN_OR_RETURN(bool row, Step());
    if (row) return Status::Internal("statement returned a row where none was expected");
    return Status::Ok();
  }

  std::int64_t Int(int col) const { return impl_.Int(col); }
  double Double(int col) const { return impl_.Double(col); }
  std::string Text(int col) const { return impl_.Text(col); }
  bool IsNull(int col) const { return impl_.IsNull(col); }
  std::string Blob(int col) const { return impl_.Blob(col); }

 private:
  StatementImpl& impl_;
};

class Connection {
 public:
  virtual ~Connection() = default;
  // Runs one or more statements that bind nothing and return no rows (DDL, COMMIT).
  virtual Status Exec(const char* sql) = 0;
  // Returns the cached statement for `sql`. `sql` must be a string literal (or
  // otherwise outlive the connection): the cache is keyed by its address. SQL that
  // fails to prepare is a bug (it is compiled into the program) and asserts.
  virtual Statement Prepare(const char* sql) = 0;
  // Rows changed by the last INSERT, UPDATE or DELETE.
  virtual std::int64_t Changes() const = 0;
  // Starts the transaction of a write: serialised against every other write, of this
  // process and (PostgreSQL) of every other node. EndWrite follows the COMMIT or ROLLBACK.
  virtual Status BeginWrite() = 0;
  virtual void EndWrite() = 0;
  // Starts a read-only transaction over one consistent snapshot.
  virtual Status BeginRead() = 0;
  // Sends `message` to the other nodes' listeners when the transaction commits.
  virtual Status Notify(std::string_view message) = 0;
  // False once the database has ended the open transaction by itself (some I/O
  // errors in SQLite); nothing of it can then commit.
  virtual bool InTransaction() const = 0;
};

}  // namespace tranche::store::sql
