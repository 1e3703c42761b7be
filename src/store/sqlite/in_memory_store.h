// InMemoryStore: the same repositories over a private in-memory SQLite database, with
// each unit of work run on the caller's thread. Nothing touches the disk and there is
// no writer thread, so the use cases (origination, the daily job, plan actions) get
// unit tests that run in milliseconds without a server, files or threads.
//
// It shares every query with SqliteStore (one implementation of each port, not a second
// copy that could drift); what differs is only the transaction shell: no durability,
// no group commit, no reader pool. Not for production.
#pragma once

#include <memory>
#include <mutex>

#include "store/sql/conn_tx.h"
#include "store/sqlite/sqlite_db.h"
#include "store/store.h"

namespace tranche::store::sqlite {

class InMemoryStore final : public Store {
 public:
  // A fresh, fully migrated database; `now` stamps the migrations.
  static Result<std::unique_ptr<InMemoryStore>> Open(Instant now);

  // Precondition for both: not called from inside another Write or Read of this store
  // (the caller would deadlock on itself, as it would with SqliteStore's writer).
  Status Write(TxFn fn) override;
  // Reads run with query_only on, so a write inside a read fails as it does on
  // SqliteStore's read-only connections.
  Status Read(TxFn fn) override;
  StoreStats Stats() const override;
  Status Ping() override;

 private:
  explicit InMemoryStore(std::unique_ptr<SqliteConnection> conn);

  mutable std::mutex mu_;  // one unit of work at a time
  std::unique_ptr<SqliteConnection> conn_;
  sql::ConnectionTx tx_;
  StoreStats stats_;
};

}  // namespace tranche::store::sqlite
