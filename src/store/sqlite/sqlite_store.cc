#include "store/sqlite/sqlite_store.h"

#include <pthread.h>

#include <future>
#include <iterator>

#include "store/sqlite/conn_tx.h"

namespace tranche::store::sqlite {

namespace {
thread_local bool t_on_writer_thread = false;

std::size_t BucketFor(std::size_t jobs) {
  std::size_t b = 0;
  while (b + 1 < kBatchSizeBuckets && (std::size_t{1} << b) < jobs) ++b;
  return b;
}
}  // namespace

struct SqliteStore::Job {
  TxFn fn;
  Status result;
  std::promise<void> done;
};

Result<MigrationStatus> MigrateDatabase(const std::string& path, Instant now) {
  TRANCHE_ASSIGN_OR_RETURN(auto conn, Connection::Open(path, false));
  return Migrate(*conn, now);
}

Result<std::unique_ptr<SqliteStore>> SqliteStore::Open(const SqliteOptions& options,
                                                       const Clock& clock, bool migrate) {
  TRANCHE_ASSERT(options.max_batch_jobs >= 1 && options.reader_connections >= 1);
  TRANCHE_ASSIGN_OR_RETURN(auto writer, Connection::Open(options.path, false));
  TRANCHE_ASSIGN_OR_RETURN(MigrationStatus ms, migrate ? Migrate(*writer, clock.Now())
                                                       : GetMigrationStatus(*writer));
  if (!ms.up_to_date()) {
    return Status::BusinessRule("schema_behind",
                                "database schema is at version " +
                                    std::to_string(ms.current_version) + " of " +
                                    std::to_string(ms.latest_version) + "; run `tranche migrate`");
  }
  std::vector<std::unique_ptr<Connection>> readers;
  for (std::size_t i = 0; i < options.reader_connections; ++i) {
    TRANCHE_ASSIGN_OR_RETURN(auto r, Connection::Open(options.path, true));
    readers.push_back(std::move(r));
  }
  return std::unique_ptr<SqliteStore>(
      new SqliteStore(options, std::move(writer), std::move(readers)));
}

SqliteStore::SqliteStore(SqliteOptions options, std::unique_ptr<Connection> writer,
                         std::vector<std::unique_ptr<Connection>> readers)
    : options_(std::move(options)), writer_conn_(std::move(writer)),
      writer_tx_(std::make_unique<ConnectionTx>(*writer_conn_)), reader_conns_(std::move(readers)) {
  for (auto& r : reader_conns_) free_readers_.push_back(r.get());
  writer_thread_ = std::thread([this] { WriterLoop(); });
}

SqliteStore::~SqliteStore() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  queue_cv_.notify_all();
  writer_thread_.join();
  // Every queued job was drained by the writer before it stopped.
  TRANCHE_ASSERT(queue_.empty());
}

Status SqliteStore::Write(TxFn fn) {
  TRANCHE_ASSERT_MSG(!t_on_writer_thread, "Store::Write called from inside a write");
  Job job{std::move(fn), Status::Ok(), {}};
  auto done = job.done.get_future();
  {
    std::lock_guard lock(mu_);
    if (stopping_) return Status::Unavailable("store is shutting down");
    if (queue_.size() >= options_.max_queue_depth) {
      ++stats_.queue_rejections;
      return Status::ResourceExhausted("write queue is full; retry later");
    }
    queue_.push_back(&job);
  }
  queue_cv_.notify_one();
  done.wait();
  return job.result;
}

void SqliteStore::WriterLoop() {
  t_on_writer_thread = true;
  pthread_setname_np(pthread_self(), "tranche-writer");  // visible in top, perf, gdb
  std::vector<Job*> batch;
  while (true) {
    {
      std::unique_lock lock(mu_);
      queue_cv_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and nothing left to commit
      // Everything that queued up while the last commit's fsync ran goes into this
      // one: the group commit.
      while (!queue_.empty() && batch.size() < options_.max_batch_jobs) {
        batch.push_back(queue_.front());
        queue_.pop_front();
      }
    }
    CommitBatch(batch);
    batch.clear();
  }
}

void SqliteStore::CommitBatch(std::vector<Job*>& batch) {
  writer_tx_->Reset();
  Status begin = writer_conn_->Exec("BEGIN IMMEDIATE");
  std::size_t failed = 0;
  if (begin.ok()) {
    for (Job* job : batch) {
      job->result = writer_tx_->Nested([&] { return job->fn(*writer_tx_); });
      if (!job->result.ok()) ++failed;
    }
    Status commit = writer_tx_->broken() ? Status::Unavailable("the transaction was lost")
                                         : writer_tx_->BeforeCommit();
    if (commit.ok()) commit = writer_conn_->Exec("COMMIT");
    if (commit.ok()) {
      writer_tx_->AfterCommit();
    } else {
      (void)writer_conn_->Exec("ROLLBACK");
      writer_tx_->AfterRollback();
      // Nothing in the batch is durable, so no job may report success.
      for (Job* job : batch) {
        if (job->result.ok()) job->result = Status::Unavailable("commit failed: " + commit.message());
      }
    }
  } else {
    for (Job* job : batch) job->result = begin;
  }
  {
    std::lock_guard lock(mu_);
    ++stats_.commits;
    stats_.jobs += batch.size();
    stats_.failed_jobs += failed;
    ++stats_.batch_size_buckets[BucketFor(batch.size())];
  }
  for (Job* job : batch) job->done.set_value();
}

Connection* SqliteStore::AcquireReader() {
  std::unique_lock lock(readers_mu_);
  readers_cv_.wait(lock, [this] { return !free_readers_.empty(); });
  Connection* c = free_readers_.back();
  free_readers_.pop_back();
  return c;
}

void SqliteStore::ReleaseReader(Connection* c) {
  {
    std::lock_guard lock(readers_mu_);
    free_readers_.push_back(c);
  }
  readers_cv_.notify_one();
}

Status SqliteStore::Read(TxFn fn) {
  Connection* conn = AcquireReader();
  Status st = conn->Exec("BEGIN");
  if (st.ok()) {
    ConnectionTx tx(*conn);
    st = tx.Nested([&] { return fn(tx); });
    Status end = conn->Exec("COMMIT");
    if (st.ok()) st = end;
  }
  ReleaseReader(conn);
  return st;
}

StoreStats SqliteStore::Stats() const {
  std::lock_guard lock(mu_);
  StoreStats s = stats_;
  s.queue_depth = queue_.size();
  return s;
}

Status SqliteStore::Ping() {
  Connection* conn = AcquireReader();
  Status st;
  {
    auto stmt = conn->Prepare("SELECT 1");  // reset before the connection goes back
    Result<bool> row = stmt.Step();
    if (!row.ok()) st = row.status();
  }
  ReleaseReader(conn);
  return st;
}

}  // namespace tranche::store::sqlite
