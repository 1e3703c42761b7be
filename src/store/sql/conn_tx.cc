#include "store/sql/conn_tx.h"

#include <iterator>

namespace tranche::store::sql {

Status ConnectionTx::Nested(const std::function<Status()>& fn) {
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
  const SqlLedgerRepo::Mark mark = ledger_.MarkPending();
  const std::size_t hooks = on_commit_.size();
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
      on_commit_.resize(hooks);  // what fn registered follows its changes
    }
    if (!c_.Prepare(kRelease[d]).Run().ok()) broken_ = true;
    // SQLite rolls the whole transaction back by itself on some I/O and memory
    // errors; then nothing of this group can commit.
    if (!c_.InTransaction()) broken_ = true;
  }
  --depth_;
  if (broken_ && st.ok()) st = Status::Unavailable("the transaction was lost; retry");
  return st;
}

Status ConnectionTx::NestedAsIfCommitted(const std::function<Status()>& fn) {
  // The store's Write runs its function in one savepoint (depth 1); deeper, an enclosing
  // unit could still be undone after the functions ran.
  TRANCHE_ASSERT_MSG(depth_ <= 1, "a unit of work that acts as committed cannot sit inside another");
  const std::size_t hooks = on_commit_.size();
  Status st = Nested(fn);
  if (st.ok()) RunOnCommitFrom(hooks);
  return st;
}

Status ConnectionTx::NotifyNodes(std::string_view topic, std::string_view id) {
  TRANCHE_ASSERT(!topic.empty() && topic.size() <= 32 && topic.find(':') == std::string_view::npos);
  TRANCHE_ASSERT(id.size() <= 256);
  return c_.Notify(std::string(topic) + ":" + std::string(id));
}

void ConnectionTx::AfterCommit() {
  ledger_.Committed();
  RunOnCommitFrom(0);
}

void ConnectionTx::RunOnCommitFrom(std::size_t first) {
  TRANCHE_ASSERT(first <= on_commit_.size());
  // Moved out first: a function may not register more (it runs after the commit, or as
  // if after it).
  std::vector<std::function<void()>> hooks(
      std::make_move_iterator(on_commit_.begin() + static_cast<std::ptrdiff_t>(first)),
      std::make_move_iterator(on_commit_.end()));
  on_commit_.resize(first);
  for (const auto& fn : hooks) fn();
}

Status ConnectionTx::RunGuarded(const std::function<Status()>& fn) {
  try {
    return fn();
  } catch (const std::exception& e) {
    return Status::Internal(std::string("unit of work threw: ") + e.what());
  }
}

}  // namespace tranche::store::sql
