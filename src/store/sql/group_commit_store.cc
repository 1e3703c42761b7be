#include "store/sql/group_commit_store.h"

#include <pthread.h>

#include <future>

namespace tranche::store::sql {

namespace {
thread_local bool t_on_writer_thread = false;

std::size_t BucketFor(std::size_t jobs) {
  std::size_t b = 0;
  while (b + 1 < kBatchSizeBuckets && (std::size_t{1} << b) < jobs) ++b;
  return b;
}
}  // namespace

struct GroupCommitStore::Job {
  TxFn fn;
  Status result;
  std::promise<void> done;
};

GroupCommitStore::GroupCommitStore(GroupCommitOptions options, std::unique_ptr<Connection> writer,
                                   std::vector<std::unique_ptr<Connection>> readers)
    : options_(options), writer_conn_(std::move(writer)),
      writer_tx_(std::make_unique<ConnectionTx>(*writer_conn_)), reader_conns_(std::move(readers)) {
  TRANCHE_ASSERT(options_.max_batch_jobs >= 1 && options_.max_attempts >= 1);
  TRANCHE_ASSERT(!reader_conns_.empty());
  for (auto& r : reader_conns_) free_readers_.push_back(r.get());
  writer_thread_ = std::thread([this] { WriterLoop(); });
}

GroupCommitStore::~GroupCommitStore() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  queue_cv_.notify_all();
  writer_thread_.join();
  // Every queued job was drained by the writer before it stopped.
  TRANCHE_ASSERT(queue_.empty());
}

Status GroupCommitStore::Write(TxFn fn) {
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

void GroupCommitStore::WriterLoop() {
  t_on_writer_thread = true;
  pthread_setname_np(pthread_self(), "tranche-writer");  // visible in top, perf, gdb
  std::vector<Job*> batch;
  while (true) {
    {
      std::unique_lock lock(mu_);
      queue_cv_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and nothing left to commit
      // Everything that queued up while the last commit ran goes into this one: the
      // group commit.
      while (!queue_.empty() && batch.size() < options_.max_batch_jobs) {
        batch.push_back(queue_.front());
        queue_.pop_front();
      }
    }
    CommitBatch(batch);
    batch.clear();
  }
}

Status GroupCommitStore::RunBatchOnce(std::vector<Job*>& batch) {
  writer_tx_->Reset();
  Status begin = writer_conn_->BeginWrite();
  if (!begin.ok()) {
    for (Job* job : batch) job->result = begin;
    return begin;
  }
  bool conflicted = false;
  for (Job* job : batch) {
    job->result = writer_tx_->Nested([&] { return job->fn(*writer_tx_); });
    // A conflict spoils the transaction's snapshot, not only this job's savepoint.
    if (IsTransactionConflict(job->result)) {
      conflicted = true;
      break;
    }
  }
  Status commit = conflicted           ? Status(StatusCategory::kUnavailable, kTransactionConflict,
                                                "a unit of work conflicted with another writer")
                  : writer_tx_->broken() ? Status::Unavailable("the transaction was lost")
                                         : writer_tx_->BeforeCommit();
  if (commit.ok()) commit = writer_conn_->Exec("COMMIT");
  if (commit.ok()) {
    writer_conn_->EndWrite();
    writer_tx_->AfterCommit();
    return commit;
  }
  (void)writer_conn_->Exec("ROLLBACK");
  writer_conn_->EndWrite();
  writer_tx_->AfterRollback();
  // Nothing in the batch is durable, so no job may report success.
  for (Job* job : batch) {
    if (job->result.ok() || conflicted) job->result = Status::Unavailable("commit failed: " + commit.message());
  }
  return commit;
}

void GroupCommitStore::CommitBatch(std::vector<Job*>& batch) {
  int attempt = 1;
  std::uint64_t retries = 0;
  while (IsTransactionConflict(RunBatchOnce(batch)) && attempt < options_.max_attempts) {
    ++attempt;
    ++retries;
  }
  std::size_t failed = 0;
  for (Job* job : batch) failed += job->result.ok() ? 0 : 1;
  {
    std::lock_guard lock(mu_);
    ++stats_.commits;
    stats_.jobs += batch.size();
    stats_.failed_jobs += failed;
    stats_.conflict_retries += retries;
    ++stats_.batch_size_buckets[BucketFor(batch.size())];
  }
  for (Job* job : batch) job->done.set_value();
}

Connection* GroupCommitStore::AcquireReader() {
  std::unique_lock lock(readers_mu_);
  readers_cv_.wait(lock, [this] { return !free_readers_.empty(); });
  Connection* c = free_readers_.back();
  free_readers_.pop_back();
  return c;
}

void GroupCommitStore::ReleaseReader(Connection* c) {
  {
    std::lock_guard lock(readers_mu_);
    free_readers_.push_back(c);
  }
  readers_cv_.notify_one();
}

Status GroupCommitStore::Read(TxFn fn) {
  Connection* conn = AcquireReader();
  Status st = conn->BeginRead();
  if (st.ok()) {
    ConnectionTx tx(*conn);
    st = tx.Nested([&] { return fn(tx); });
    Status end = conn->Exec("COMMIT");
    if (st.ok()) st = end;
  }
  ReleaseReader(conn);
  return st;
}

StoreStats GroupCommitStore::Stats() const {
  std::lock_guard lock(mu_);
  StoreStats s = stats_;
  s.queue_depth = queue_.size();
  return s;
}

Status GroupCommitStore::Ping() {
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

}  // namespace tranche::store::sql
