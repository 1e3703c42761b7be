// GroupCommitStore: the Store over any SQL connection (store/sql/connection.h). One
// writer thread owns the only write connection and commits queued units of work in
// groups (one transaction, one durable commit for many requests); readers use a pool of
// connections, each read one snapshot.
//
// When the database refuses a group because another writer's transaction conflicted
// with it (PostgreSQL under SERIALIZABLE, with several nodes writing), the whole group
// is rolled back and run again, a bounded number of times: every unit of work is a
// function of the transaction, so running it again is how it stays correct.
#pragma once

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "store/sql/conn_tx.h"
#include "store/store.h"

namespace tranche::store::sql {

struct GroupCommitOptions {
  std::size_t max_batch_jobs = 1024;  // units of work per commit
  std::size_t max_queue_depth = 16384;
  int max_attempts = 8;               // runs of one group that conflicted
};

class GroupCommitStore final : public Store {
 public:
  // Precondition: the schema is up to date; `readers` is non-empty.
  GroupCommitStore(GroupCommitOptions options, std::unique_ptr<Connection> writer,
                   std::vector<std::unique_ptr<Connection>> readers);
  ~GroupCommitStore() override;

  Status Write(TxFn fn) override;
  Status Read(TxFn fn) override;
  StoreStats Stats() const override;
  Status Ping() override;

 private:
  struct Job;
  void WriterLoop();
  void CommitBatch(std::vector<Job*>& batch);
  // One attempt at the group: runs every job and commits. Returns the commit's Status;
  // each job's own result is left in the job.
  Status RunBatchOnce(std::vector<Job*>& batch);
  Connection* AcquireReader();
  void ReleaseReader(Connection* c);

  const GroupCommitOptions options_;
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

}  // namespace tranche::store::sql
