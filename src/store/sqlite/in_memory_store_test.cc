#include "store/sqlite/in_memory_store.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "ledger/posting.h"

namespace tranche::store::sqlite {
namespace {

const Instant kNow = *ParseRfc3339("2026-12-01T09:00:00Z");

// Entry ids must be je_<ULID>; the generator's clock and seed are fixed, so ids are too.
ledger::JournalEntry Entry(std::int64_t amount) {
  static SimulatedClock clock(kNow);
  static SeededRandom random(1);
  static IdGenerator ids(clock, random);
  const std::string id = ids.Next("je");
  return ledger::JournalEntry{
      id, "k:" + id, ledger::Reason::kManualAdjustment, "opr_test", "", "test", kNow,
      {{{ledger::AccountType::kSettlementCash, Currency::kUSD, ""}, amount},
       {{ledger::AccountType::kSuspense, Currency::kUSD, ""}, -amount}}};
}

std::int64_t Entries(Store& store) {
  std::int64_t n = -1;
  EXPECT_TRUE(store.Read([&](Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(n, tx.ledger().CountEntries());
    return Status::Ok();
  }).ok());
  return n;
}

TEST(InMemoryStoreTest, CommitsSucceedingWorkAndUndoesFailingWork) {
  auto store = InMemoryStore::Open(kNow);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  InMemoryStore& s = **store;
  const Status posted = s.Write([](Tx& tx) { return ledger::Post(tx.ledger(), Entry(100)).status(); });
  ASSERT_TRUE(posted.ok()) << posted.ToString();
  const Status failed = s.Write([](Tx& tx) -> Status {
    TRANCHE_RETURN_IF_ERROR(ledger::Post(tx.ledger(), Entry(5)).status());
    return Status::BusinessRule("refused", "after a posting");
  });
  EXPECT_EQ(failed.code(), "refused");
  EXPECT_EQ(Entries(s), 1);
  // The maintained balance saw only the committed entry.
  std::int64_t cash = 0;
  ASSERT_TRUE(s.Read([&](Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(auto a, tx.ledger().GetAccount("settlement_cash:USD"));
    if (!a) return Status::NotFound("account_not_found", "no settlement cash account");
    cash = a->balance_minor();
    TRANCHE_ASSIGN_OR_RETURN(auto report, ledger::Verify(tx.ledger()));
    EXPECT_TRUE(report.ok());
    return Status::Ok();
  }).ok());
  EXPECT_EQ(cash, 100);
  EXPECT_EQ(s.Stats().failed_jobs, 1u);
}

TEST(InMemoryStoreTest, ReadsCannotWrite) {
  auto store = InMemoryStore::Open(kNow);
  ASSERT_TRUE(store.ok());
  const Status st = (*store)->Read([](Tx& tx) { return ledger::Post(tx.ledger(), Entry(100)).status(); });
  EXPECT_FALSE(st.ok());
  EXPECT_EQ(Entries(**store), 0);
  // And the connection writes again afterwards.
  EXPECT_TRUE((*store)->Write([](Tx& tx) { return ledger::Post(tx.ledger(), Entry(100)).status(); }).ok());
  EXPECT_EQ(Entries(**store), 1);
  EXPECT_TRUE((*store)->Ping().ok());
}

TEST(InMemoryStoreTest, OnCommitRunsOnceAfterTheCommitAndOnlyForWorkThatStayed) {
  auto store = InMemoryStore::Open(kNow);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  InMemoryStore& s = **store;
  std::vector<std::string> ran;
  const Status ok = s.Write([&](Tx& tx) -> Status {
    tx.OnCommit([&] { ran.push_back("outer"); });
    // A nested unit of work that fails takes its functions with it; one that succeeds keeps them.
    (void)tx.Nested([&] {
      tx.OnCommit([&] { ran.push_back("undone"); });
      return Status::Internal("fails");
    });
    TRANCHE_RETURN_IF_ERROR(tx.Nested([&] {
      tx.OnCommit([&] { ran.push_back("nested"); });
      return Status::Ok();
    }));
    EXPECT_TRUE(ran.empty());  // nothing runs before the commit
    return Status::Ok();
  });
  ASSERT_TRUE(ok.ok()) << ok.ToString();
  EXPECT_EQ(ran, (std::vector<std::string>{"outer", "nested"}));

  ran.clear();
  EXPECT_FALSE(s.Write([&](Tx& tx) -> Status {
    tx.OnCommit([&] { ran.push_back("failed"); });
    return Status::Internal("fails");
  }).ok());
  EXPECT_TRUE(s.Read([&](Tx& tx) -> Status {
    tx.OnCommit([&] { ran.push_back("read"); });
    return Status::Ok();
  }).ok());
  // The next write runs only its own.
  ASSERT_TRUE(s.Write([&](Tx& tx) -> Status {
    tx.OnCommit([&] { ran.push_back("next"); });
    return Status::Ok();
  }).ok());
  EXPECT_EQ(ran, (std::vector<std::string>{"next"}));
}

TEST(InMemoryStoreTest, AUnitActingAsCommittedRunsItsFunctionsWhenItSucceeds) {
  auto store = InMemoryStore::Open(kNow);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  std::vector<std::string> ran;
  const Status ok = (*store)->Write([&](Tx& tx) -> Status {
    tx.OnCommit([&] { ran.push_back("outer"); });
    EXPECT_TRUE(tx.NestedAsIfCommitted([&] {
      tx.OnCommit([&] { ran.push_back("first"); });
      return ledger::Post(tx.ledger(), Entry(100)).status();
    }).ok());
    // At once, as if the unit had committed; the enclosing work's function waits.
    EXPECT_EQ(ran, (std::vector<std::string>{"first"}));
    EXPECT_FALSE(tx.NestedAsIfCommitted([&] {
      tx.OnCommit([&] { ran.push_back("undone"); });
      TRANCHE_RETURN_IF_ERROR(ledger::Post(tx.ledger(), Entry(200)).status());
      return Status::Internal("fails");
    }).ok());
    TRANCHE_RETURN_IF_ERROR(tx.NestedAsIfCommitted([&] {
      tx.OnCommit([&] { ran.push_back("second"); });
      return Status::Ok();
    }));
    EXPECT_EQ(ran, (std::vector<std::string>{"first", "second"}));
    return Status::Ok();
  });
  ASSERT_TRUE(ok.ok()) << ok.ToString();
  EXPECT_EQ(ran, (std::vector<std::string>{"first", "second", "outer"}));
  EXPECT_EQ(Entries(**store), 1);  // the failed unit's posting was undone
}

}  // namespace
}  // namespace tranche::store::sqlite
