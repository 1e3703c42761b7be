#include "store/sqlite/sqlite_store.h"

#include <pthread.h>

#include <future>
#include <iterator>

#include "store/sqlite/repos.h"

namespace tranche::store::sqlite {

namespace {
thread_local bool t_on_writer_thread = false;

std::size_t BucketFor(std::size_t jobs) {
  std::size_t b = 0;
  while (b + 1 < kBatchSizeBuckets && (std::size_t{1} << b) < jobs) ++b;
  return b;
}
}  // namespace

// A transaction view over one connection. Nesting uses SQLite savepoints.
class SqliteStore::ConnTx final : public Tx {
 public:
  explicit ConnTx(Connection& c)
      : c_(c), ledger_(c), merchants_(c), consumers_(c), keys_(c), idempotency_(c),
        sessions_(c), orders_(c), plans_(c), decisions_(c), notifications_(c), webhooks_(c),
        servicing_(c), settlements_(c) {}
  ledger::LedgerRepo& ledger() override { return ledger_; }
  merchants::MerchantRepo& merchants() override { return merchants_; }
  merchants::ConsumerRepo& consumers() override { return consumers_; }
  auth::KeyRepo& keys() override { return keys_; }
  IdempotencyRepo& idempotency() override { return idempotency_; }
  checkout::SessionRepo& sessions() override { return sessions_; }
  checkout::OrderRepo& orders() override { return orders_; }
  lending::PlanRepo& plans() override { return plans_; }
  risk::DecisionRepo& decisions() override { return decisions_; }
  notify::NotificationRepo& notifications() override { return notifications_; }
  webhooks::WebhookRepo& webhooks() override { return webhooks_; }
  servicing::ServicingRepo& servicing() override { return servicing_; }
  settlement::SettlementRepo& settlements() override { return settlements_; }

  Status Nested(const std::function<Status()>& fn) override {
    // Savepoint statements are prepared once per depth: every unit of work in a group
    // commit runs in one, so compiling them each time would cost more than the work.
    static constexpr const char* kSavepoint[] = {"SAVEPOINT sp0", "SAVEPOINT sp1", "SAVEPOINT sp2",
                                                 "SAVEPOINT sp3", "SAVEPOINT sp4", "SAVEPOINT sp5"};
    static constexpr const char* kRollback[] = {"ROLLBACK TO sp0", "ROLLBACK TO sp1", "ROLLBACK TO sp2",
                                                "ROLLBACK TO sp3", "ROLLBACK TO sp4", "ROLLBACK TO sp5"};
    static constexpr const char* kRelease[] = {"RELEASE sp0", "RELEASE sp1", "RELEASE sp2",
                                               "RELEASE sp3", "RELEASE sp4", "RELEASE sp5"};
    TRANCHE_ASSERT_MSG(depth_ < static_cast<int>(std::size(kSavepoint)), "units of work nest too deep");
    if (broken_) return Status::Unavailable("the transaction was lost; retry");
    const int d = depth_++;
    const SqliteLedgerRepo::Mark mark = ledger_.MarkPending();
    Status st = c_.Prepare(kSavepoint[d]).Run();
    if (st.ok()) {
      st = RunGuarded(fn);
      // A ledger append that failed part-way must not commit, even if fn went on.
      if (st.ok() && ledger_.TakeTaint()) {
        st = Status::Internal("a ledger posting failed part-way; its unit of work is undone");
      }
      if (!st.ok() && !c_.Prepare(kRollback[d]).Run().ok()) broken_ = true;
      if (!st.ok()) {
        ledger_.RollbackTo(mark);
        (void)ledger_.TakeTaint();
      }
      if (!c_.Prepare(kRelease[d]).Run().ok()) broken_ = true;
      // SQLite rolls the whole transaction back by itself on some I/O and memory
      // errors; then nothing of this group can commit.
      if (sqlite3_get_autocommit(c_.raw()) != 0) broken_ = true;
    }
    --depth_;
    if (broken_ && st.ok()) st = Status::Unavailable("the transaction was lost; retry");
    return st;
  }

  // True once the open transaction can no longer commit (see Nested). Cleared when
  // the writer starts the next transaction.
  bool broken() const { return broken_; }
  void Reset() { broken_ = false; }

  // Called by the writer around COMMIT; see SqliteLedgerRepo.
  Status BeforeCommit() { return ledger_.FlushBalances(); }
  void AfterCommit() { ledger_.Committed(); }
  void AfterRollback() { ledger_.RolledBack(); }

 private:
  Connection& c_;
  SqliteLedgerRepo ledger_;
  SqliteMerchantRepo merchants_;
  SqliteConsumerRepo consumers_;
  SqliteKeyRepo keys_;
  SqliteIdempotencyRepo idempotency_;
  SqliteSessionRepo sessions_;
  SqliteOrderRepo orders_;
  SqlitePlanRepo plans_;
  SqliteDecisionRepo decisions_;
  SqliteNotificationRepo notifications_;
  SqliteWebhookRepo webhooks_;
  SqliteServicingRepo servicing_;
  SqliteSettlementRepo settlements_;
  int depth_ = 0;
  bool broken_ = false;

  // Turns an exception from a unit of work (a bug) into a failed Status, so the
  // savepoint is still rolled back and released.
  static Status RunGuarded(const std::function<Status()>& fn) {
    try {
      return fn();
    } catch (const std::exception& e) {
      return Status::Internal(std::string("unit of work threw: ") + e.what());
    }
  }
};

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
      writer_tx_(std::make_unique<ConnTx>(*writer_conn_)), reader_conns_(std::move(readers)) {
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
    ConnTx tx(*conn);
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
