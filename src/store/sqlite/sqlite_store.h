// SqliteStore: the embedded store. One writer thread owns the only write connection
// and commits queued units of work in groups (one transaction, one fsync for many
// requests); readers use a pool of query-only connections, which WAL lets run
// alongside the writer.
#pragma once

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "core/clock.h"
#include "store/sqlite/conn_tx.h"
#include "store/sqlite/migrations.h"
#include "store/store.h"

namespace tranche::store::sqlite {

struct SqliteOptions {
  std::string path;                  // database file
  std::size_t max_batch_jobs = 1024; // units of work per commit
  std::size_t max_queue_depth = 16384;
  std::size_t reader_connections = 8;
};

class SqliteStore final : public Store {
 public:
  // Opens the database; refuses to open one whose schema is behind unless `migrate`.
  static Result<std::unique_ptr<SqliteStore>> Open(const SqliteOptions& options,
                                                   const Clock& clock, bool migrate);
  ~SqliteStore() override;

  Status Write(TxFn fn) override;
  Status Read(TxFn fn) override;
  StoreStats Stats() const override;
  Status Ping() override;

 private:
  struct Job;
  SqliteStore(SqliteOptions options, std::unique_ptr<Connection> writer,
              std::vector<std::unique_ptr<Connection>> readers);
  void WriterLoop();
  void CommitBatch(std::vector<Job*>& batch);
  Connection* AcquireReader();
  void ReleaseReader(Connection* c);

  const SqliteOptions options_;
  std::unique_ptr<Connection> writer_conn_;
  std::unique_ptr<ConnectionTx> writer_tx_;

  mutable std::mutex mu_;
  std::condition_variable queue_cv_;
  std::deque<Job*> queue_;
  bool stopping_ = false;
  StoreStats stats_;

  std::mutex readers_mu_;
  std::condition_variable readers_cv_;
  std::vector<std::unique_ptr<Connection>> reader_conns_;
  std::vector<Connection*> free_readers_;

  std::thread writer_thread_;
};

// Opens the database file directly and applies pending migrations.
Result<MigrationStatus> MigrateDatabase(const std::string& path, Instant now);

}  // namespace tranche::store::sqlite
