// PostgreSQL's implementation of the SQL boundary (store/sql/connection.h) over libpq.
//
// Statements are written in the common dialect with `?`/`?N` placeholders; they are
// rewritten to `$N` once and prepared on the server at first use (named per
// connection), so each later execution sends only the parameters. Parameters go as text
// (bytea in binary) and results come back as text, parsed on read: the repositories'
// integer, text and blob columns read the same as they do from SQLite.
#pragma once

#include <libpq-fe.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "store/sql/connection.h"

namespace tranche::store::postgres {

class PgConnection;

// Rewrites SQLite-style placeholders (`?` and `?N`) to PostgreSQL's `$N`, leaving
// string literals and quoted identifiers alone. Sets `params` to the highest number.
std::string RewritePlaceholders(std::string_view sql, int& params);

// The Status for a failed result: constraint violations are Conflicts, serialization
// failures and deadlocks are transaction conflicts (sql::kTransactionConflict), a lost
// connection is Unavailable, the rest Internal.
Status StatusFromSqlState(std::string_view sqlstate, std::string message);

class PgStatement final : public sql::StatementImpl {
 public:
  PgStatement(PgConnection& conn, std::string name, std::string text, int params);
  ~PgStatement() override;

  void Bind(int index, std::int64_t value) override;
  void Bind(int index, std::string_view text) override;
  void BindBlob(int index, const void* data, std::size_t size) override;
  void BindNull(int index) override;
  void BindDouble(int index, double value) override;
  Result<bool> Step() override;
  std::int64_t Int(int col) const override;
  double Double(int col) const override;
  std::string Text(int col) const override;
  bool IsNull(int col) const override;
  std::string Blob(int col) const override;
  void Reset() override;

  // The server forgot every prepared statement (a new session after a reconnect).
  void Unprepare() { prepared_ = false; }

 private:
  void Set(int index, std::optional<std::string> value, Oid type, int format);
  Status Execute();
  const char* Value(int col) const;

  PgConnection& conn_;
  const std::string name_;
  const std::string text_;  // with $N placeholders
  bool prepared_ = false;
  std::vector<std::optional<std::string>> values_;
  std::vector<Oid> types_;
  std::vector<int> formats_;  // 0 text, 1 binary
  PGresult* result_ = nullptr;
  int row_ = -1;  // the current row; -1 before the first Step
};

inline constexpr int kStatementTimeoutMs = 30000;
// The channel nodes LISTEN on for one another's cache invalidations.
inline constexpr char kNodeChannel[] = "tranche_nodes";
inline constexpr std::size_t kMaxNotifyBytes = 7000;  // PostgreSQL's payload limit is 8000

class PgConnection final : public sql::Connection {
 public:
  // Connects to `url` (postgres://user@host:port/db?...). The connection's time zone is
  // UTC; a statement or a lock wait lasts at most kStatementTimeoutMs.
  static Result<std::unique_ptr<PgConnection>> Open(const std::string& url);
  ~PgConnection() override;
  PgConnection(const PgConnection&) = delete;
  PgConnection& operator=(const PgConnection&) = delete;

  Status Exec(const char* sql) override;
  sql::Statement Prepare(const char* sql) override;
  std::int64_t Changes() const override { return changes_; }
  // Takes the fleet's writer lock (a session advisory lock, before BEGIN so the
  // transaction's snapshot is taken after it), then BEGINs SERIALIZABLE. One write
  // transaction at a time across all nodes: the invariants the single SQLite writer
  // keeps hold unchanged, journal entries commit in sequence order (so a cursor over
  // "entries after N" never skips one that committed late), and hot rows (balances)
  // never conflict. SERIALIZABLE stays as the second line: a writer that does not take
  // the lock (a migration, an import) still cannot break a unit of work's reads.
  Status BeginWrite() override;
  void EndWrite() override;
  Status BeginRead() override;
  bool InTransaction() const override;
  // pg_notify on kNodeChannel: delivered at COMMIT, dropped on rollback.
  Status Notify(std::string_view message) override;

  PGconn* raw() { return conn_; }
  void set_changes(std::int64_t n) { changes_ = n; }
  // The Status of a result that failed (`res` may be null: the connection failed).
  Status ErrorOf(const PGresult* res, std::string_view context) const;

 private:
  explicit PgConnection(PGconn* conn) : conn_(conn) {}
  // Reconnects a connection the server dropped, outside any transaction.
  Status Revive();
  Status Begin(const char* sql);
  Status ConfigureSession();

  PGconn* conn_;
  std::unordered_map<const char*, std::unique_ptr<PgStatement>> cache_;
  int next_statement_ = 0;
  bool holds_writer_lock_ = false;
  std::int64_t changes_ = 0;
};

}  // namespace tranche::store::postgres
