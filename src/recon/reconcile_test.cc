// The reconciliation use cases over a real (in-memory) store: a day's file matched
// against the ledger, its exceptions queued, the run recorded and the state carried;
// resolving an exception with a write-off posts once and the ledger stays balanced.
#include "recon/reconcile.h"

#include <gtest/gtest.h>

#include "ledger/posting.h"
#include "store/sqlite/in_memory_store.h"

namespace tranche::recon {
namespace {

const Date kDay = *ParseDate("2026-03-02");
const Instant kClose = Instant(std::chrono::sys_days(AddDays(kDay, 1)));  // a close stamps the end of its date

class ReconcileTest : public ::testing::Test {
 protected:
  ReconcileTest() : clock_(kClose), random_(7), ids_(clock_, random_) {
    auto store = store::sqlite::InMemoryStore::Open(kClose);
    EXPECT_TRUE(store.ok());
    store_ = std::move(*store);
  }

  // A collection of `minor` from a consumer, posted by the close of kDay.
  std::string Collect(std::int64_t minor) {
    const std::string col = ids_.Next("col");
    const std::string con = ids_.Next("con");
    ledger::JournalEntry e{ids_.Next("je"), "collection:" + col, ledger::Reason::kCollection, col, "", "", kClose, {}};
    ledger::AddLine(e, {ledger::AccountType::kCollectionsCash, Currency::kUSD, ""}, minor);
    ledger::AddLine(e, {ledger::AccountType::kConsumerReceivable, Currency::kUSD, con}, -minor);
    EXPECT_TRUE(store_->Write([&](store::Tx& tx) { return ledger::Post(tx.ledger(), e).status(); }).ok());
    return col;
  }

  Result<DayOutcome> Day(Date d, const std::vector<FileLine>& file) {
    DayOutcome out;
    Status st = store_->Write([&](store::Tx& tx) -> Status {
      TRANCHE_ASSIGN_OR_RETURN(out, ReconcileDay(tx, ids_, clock_.Now(), d, file, MatchRules{100}));
      return Status::Ok();
    });
    if (!st.ok()) return st;
    return out;
  }

  std::int64_t Balance(const std::string& account) {
    std::int64_t minor = 0;
    EXPECT_TRUE(store_->Read([&](store::Tx& tx) -> Status {
      TRANCHE_ASSIGN_OR_RETURN(auto b, tx.ledger().GetAccount(account));
      minor = b ? b->balance_minor() : 0;
      return Status::Ok();
    }).ok());
    return minor;
  }

  FileLine Line(const std::string& ref, std::int64_t minor, std::int64_t fee) {
    return {kDay, "pr_" + ref, ref, LineKind::kCollection, Money(minor, Currency::kUSD), fee};
  }

  SimulatedClock clock_;
  SeededRandom random_;
  IdGenerator ids_;
  std::unique_ptr<store::sqlite::InMemoryStore> store_;
};

TEST_F(ReconcileTest, ADayQueuesItsExceptionsRecordsItsRunAndIsReconciledOnce) {
  const std::string exact = Collect(10'000);
  const std::string off = Collect(5'000);
  auto day = Day(kDay, {Line(exact, 10'000, 30), Line(off, 4'000, 10), Line("col_unknown", 900, 0)});
  ASSERT_TRUE(day.ok()) << day.status().ToString();
  EXPECT_EQ(day->result.matched, 1);
  ASSERT_EQ(day->exceptions.size(), 2u);
  EXPECT_EQ(day->exceptions[0].exception.kind, ExceptionKind::kAmountMismatch);
  EXPECT_EQ(day->exceptions[1].exception.kind, ExceptionKind::kUnknownReference);
  EXPECT_EQ(Balance("processing_expense:USD"), 30);  // the matched line's fee
  EXPECT_EQ(Balance("collections_cash:USD"), 15'000 - 30);

  Summary summary;
  ASSERT_TRUE(store_->Read([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(summary, ReadSummary(tx));
    return Status::Ok();
  }).ok());
  EXPECT_EQ(summary.last_date, kDay);
  EXPECT_EQ(summary.open.count, 2);
  EXPECT_EQ(summary.open.unreconciled_minor.at(Currency::kUSD), 1'000 + 900);
  ASSERT_EQ(summary.runs.size(), 1u);
  EXPECT_EQ(summary.runs[0].lines, 3);
  EXPECT_EQ(summary.runs[0].exceptions, 2);

  // Once per date, in date order; the carried state makes the next day's file work.
  EXPECT_EQ(Day(kDay, {}).status().code(), "already_reconciled");
  EXPECT_EQ(Day(AddDays(kDay, -1), {}).status().code(), "already_reconciled");
  auto next = Day(AddDays(kDay, 1), {Line(exact, 10'000, 30)});
  ASSERT_TRUE(next.ok());
  EXPECT_EQ(next->result.duplicates, 1);
}

TEST_F(ReconcileTest, AWriteOffPostsOnceAndTheLedgerBalances) {
  const std::string off = Collect(5'000);
  auto day = Day(kDay, {Line(off, 4'000, 0)});
  ASSERT_TRUE(day.ok());
  ASSERT_EQ(day->exceptions.size(), 1u);
  const std::string id = day->exceptions[0].id;
  Status st = store_->Write([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(auto r, ClaimException(tx, id, "opr_a", clock_.Now()));
    EXPECT_EQ(r.claimed_by, "opr_a");
    TRANCHE_ASSIGN_OR_RETURN(r, ResolveException(tx, ids_, id, "opr_a", Resolution::kWriteOff, "short paid", clock_.Now()));
    EXPECT_FALSE(r.journal_entry_id.empty());
    return Status::Ok();
  });
  ASSERT_TRUE(st.ok()) << st.ToString();
  EXPECT_EQ(Balance("collections_cash:USD"), 4'000);
  EXPECT_EQ(Balance("processing_expense:USD"), 1'000);
  st = store_->Write([&](store::Tx& tx) {
    return ResolveException(tx, ids_, id, "opr_a", Resolution::kWriteOff, "again", clock_.Now()).status();
  });
  EXPECT_EQ(st.code(), "exception_resolved");
  EXPECT_EQ(Balance("processing_expense:USD"), 1'000);
  st = store_->Write([&](store::Tx& tx) {
    return ClaimException(tx, "rex_missing", "opr_a", clock_.Now()).status();
  });
  EXPECT_EQ(st.code(), "exception_not_found");
  ASSERT_TRUE(store_->Read([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(auto report, ledger::Verify(tx.ledger()));
    EXPECT_TRUE(report.ok());
    TRANCHE_ASSIGN_OR_RETURN(auto open, tx.recon().TotalsOfOpen());
    EXPECT_EQ(open.count, 0);
    return Status::Ok();
  }).ok());
}

}  // namespace
}  // namespace tranche::recon
