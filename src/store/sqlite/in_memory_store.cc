#include "store/sqlite/in_memory_store.h"

#include "store/sql/migrate.h"
#include "store/sqlite/schema.h"

namespace tranche::store::sqlite {

Result<std::unique_ptr<InMemoryStore>> InMemoryStore::Open(Instant now) {
  TRANCHE_ASSIGN_OR_RETURN(auto conn, SqliteConnection::OpenInMemory());
  TRANCHE_ASSIGN_OR_RETURN(sql::MigrationStatus ms, sql::Migrate(*conn, Migrations(), now));
  TRANCHE_ASSERT(ms.up_to_date());
  return std::unique_ptr<InMemoryStore>(new InMemoryStore(std::move(conn)));
}

InMemoryStore::InMemoryStore(std::unique_ptr<SqliteConnection> conn) : conn_(std::move(conn)), tx_(*conn_) {}

Status InMemoryStore::Write(TxFn fn) {
  std::lock_guard lock(mu_);
  tx_.Reset();
  TRANCHE_RETURN_IF_ERROR(conn_->BeginWrite());
  Status result = tx_.Nested([&] { return fn(tx_); });
  Status commit = tx_.broken() ? Status::Unavailable("the transaction was lost") : tx_.BeforeCommit();
  if (commit.ok()) commit = conn_->Exec("COMMIT");
  if (!commit.ok()) (void)conn_->Exec("ROLLBACK");
  conn_->EndWrite();
  if (commit.ok()) {
    tx_.AfterCommit();
  } else {
    tx_.AfterRollback();
    if (result.ok()) result = Status::Unavailable("commit failed: " + commit.message());
  }
  ++stats_.commits;
  ++stats_.jobs;
  if (!result.ok()) ++stats_.failed_jobs;
  ++stats_.batch_size_buckets[0];
  return result;
}

Status InMemoryStore::Read(TxFn fn) {
  std::lock_guard lock(mu_);
  TRANCHE_RETURN_IF_ERROR(conn_->Exec("PRAGMA query_only=ON; BEGIN"));
  sql::ConnectionTx tx(*conn_);
  Status st = tx.Nested([&] { return fn(tx); });
  Status end = conn_->Exec("COMMIT; PRAGMA query_only=OFF");
  TRANCHE_ASSERT_MSG(end.ok(), "ending a read transaction cannot fail");
  return st;
}

StoreStats InMemoryStore::Stats() const {
  std::lock_guard lock(mu_);
  return stats_;
}

Status InMemoryStore::Ping() {
  std::lock_guard lock(mu_);
  auto stmt = conn_->Prepare("SELECT 1");
  return stmt.Step().status();
}

}  // namespace tranche::store::sqlite
