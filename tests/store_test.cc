// The SQLite store against a real database file: migrations, group commit,
// rollback of failed units of work, read-only snapshots, immutability.
#include <gtest/gtest.h>

#include <thread>

#include "ledger/posting.h"
#include "store/sqlite/sqlite_db.h"
#include "store/sqlite/sqlite_store.h"
#include "support/test_server.h"

namespace tranche {
namespace {

using store::sqlite::SqliteOptions;
using store::sqlite::OpenSqliteStore;

const Instant kNow = *ParseRfc3339("2026-11-26T09:00:00Z");

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    SqliteOptions o;
    o.path = dir_.path() + "/t.db";
    auto s = OpenSqliteStore(o, clock_, /*migrate=*/true);
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    store_ = std::move(s).value();
  }

  ledger::JournalEntry Entry(std::int64_t amount, std::string key = "") {
    std::string id = ids_.Next("je");
    return ledger::JournalEntry{
        id, key.empty() ? "k:" + id : key, ledger::Reason::kManualAdjustment, "opr_test", "",
        "test", kNow,
        {{{ledger::AccountType::kSettlementCash, Currency::kUSD, ""}, amount},
         {{ledger::AccountType::kSuspense, Currency::kUSD, ""}, -amount}}};
  }

  testing::TempDir dir_;
  SimulatedClock clock_{kNow};
  SeededRandom random_{7};
  IdGenerator ids_{clock_, random_};
  std::unique_ptr<store::Store> store_;
};

TEST_F(StoreTest, RefusesToOpenAnUnmigratedDatabase) {
  SqliteOptions o;
  o.path = dir_.path() + "/fresh.db";
  auto s = OpenSqliteStore(o, clock_, /*migrate=*/false);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), "schema_behind");
  auto migrated = store::sqlite::MigrateDatabase(o.path, kNow);
  ASSERT_TRUE(migrated.ok());
  EXPECT_TRUE(migrated->up_to_date());
  EXPECT_TRUE(OpenSqliteStore(o, clock_, false).ok());
}

TEST_F(StoreTest, FailedUnitOfWorkChangesNothing) {
  ASSERT_TRUE(store_->Write([&](store::Tx& tx) { return ledger::Post(tx.ledger(), Entry(100)).status(); }).ok());
  const Status failed = store_->Write([&](store::Tx& tx) -> Status {
    TRANCHE_RETURN_IF_ERROR(ledger::Post(tx.ledger(), Entry(5)).status());
    return Status::BusinessRule("refused", "the second half of this unit refuses");
  });
  EXPECT_EQ(failed.code(), "refused");
  std::int64_t n = 0;
  ASSERT_TRUE(store_->Read([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(n, tx.ledger().CountEntries());
    TRANCHE_ASSIGN_OR_RETURN(auto acct, tx.ledger().GetAccount("settlement_cash:USD"));
    if (!acct) return Status::Internal("account missing");
    EXPECT_EQ(acct->balance_minor(), 100);
    return Status::Ok();
  }).ok());
  EXPECT_EQ(n, 1);
}

TEST_F(StoreTest, ConcurrentWritesShareCommits) {
  constexpr int kThreads = 32, kPerThread = 50;
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < kPerThread; ++i) {
        auto e = Entry(1 + i);
        if (!store_->Write([&](store::Tx& tx) { return ledger::Post(tx.ledger(), e).status(); }).ok()) {
          ++failures;
        }
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(failures.load(), 0);
  const auto stats = store_->Stats();
  EXPECT_EQ(stats.jobs, static_cast<std::uint64_t>(kThreads * kPerThread));
  // With 32 writers waiting on fsync, commits must carry more than one job on average.
  EXPECT_LT(stats.commits, stats.jobs);
}

TEST_F(StoreTest, ReadsCannotWrite) {
  const Status st = store_->Read([&](store::Tx& tx) { return ledger::Post(tx.ledger(), Entry(1)).status(); });
  EXPECT_FALSE(st.ok());
}

TEST_F(StoreTest, EntriesAreImmutableInTheDatabase) {
  ASSERT_TRUE(store_->Write([&](store::Tx& tx) { return ledger::Post(tx.ledger(), Entry(100)).status(); }).ok());
  auto conn = store::sqlite::SqliteConnection::Open(dir_.path() + "/t.db", false);
  ASSERT_TRUE(conn.ok());
  EXPECT_FALSE((*conn)->Exec("UPDATE journal_lines SET amount_minor = 1").ok());
  EXPECT_FALSE((*conn)->Exec("DELETE FROM journal_entries").ok());
}

TEST_F(StoreTest, PostingKeyMakesPostingIdempotent) {
  auto e = Entry(250, "capture:cap_1");
  for (int i = 0; i < 3; ++i) {
    Result<ledger::Posted> posted = Status::Internal("unset");
    ASSERT_TRUE(store_->Write([&](store::Tx& tx) -> Status {
      posted = ledger::Post(tx.ledger(), e);
      return posted.status();
    }).ok());
    EXPECT_EQ(posted->replayed, i > 0);
  }
  auto other = Entry(999, "capture:cap_1");
  const Status st = store_->Write([&](store::Tx& tx) { return ledger::Post(tx.ledger(), other).status(); });
  EXPECT_EQ(st.code(), "posting_key_reused");
}

}  // namespace
}  // namespace tranche

namespace tranche {
namespace {

// Balance changes are written behind, once per account per commit; a unit of work
// that fails must take its deltas and any accounts it created with it.
TEST_F(StoreTest, FailedUnitOfWorkForgetsTheAccountsAndDeltasItCreated) {
  const ledger::AccountRef fresh{ledger::AccountType::kCollectionsCash, Currency::kEUR, ""};
  auto entry = [&](std::int64_t amount) {
    return ledger::JournalEntry{ids_.Next("je"), "", ledger::Reason::kManualAdjustment,
                                "opr_test", "", "t", kNow,
                                {{fresh, amount},
                                 {{ledger::AccountType::kSuspense, Currency::kEUR, ""}, -amount}}};
  };
  auto keyed = [&](ledger::JournalEntry e) {
    e.posting_key = "k:" + e.id;
    return e;
  };
  const Status failed = store_->Write([&](store::Tx& tx) -> Status {
    TRANCHE_RETURN_IF_ERROR(ledger::Post(tx.ledger(), keyed(entry(70))).status());
    return Status::BusinessRule("refused", "after creating a new account");
  });
  ASSERT_EQ(failed.code(), "refused");
  // The same new account again, now for real: its key must be created afresh.
  ASSERT_TRUE(store_->Write([&](store::Tx& tx) -> Status {
    TRANCHE_RETURN_IF_ERROR(ledger::Post(tx.ledger(), keyed(entry(30))).status());
    TRANCHE_RETURN_IF_ERROR(ledger::Post(tx.ledger(), keyed(entry(12))).status());
    // Inside the transaction, before the flush, reads include the pending deltas.
    TRANCHE_ASSIGN_OR_RETURN(auto acct, tx.ledger().GetAccount("collections_cash:EUR"));
    if (!acct) return Status::Internal("account missing");
    EXPECT_EQ(acct->balance_minor(), 42);
    EXPECT_EQ(acct->line_count, 2);
    return Status::Ok();
  }).ok());
  ASSERT_TRUE(store_->Read([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(auto acct, tx.ledger().GetAccount("collections_cash:EUR"));
    if (!acct) return Status::Internal("account missing");
    EXPECT_EQ(acct->balance_minor(), 42);
    TRANCHE_ASSIGN_OR_RETURN(auto report, ledger::Verify(tx.ledger()));
    EXPECT_TRUE(report.ok());
    return Status::Ok();
  }).ok());
}

// Many units of work in one group, some failing, all touching the same hot accounts:
// maintained balances must equal recomputed ones.
TEST_F(StoreTest, MixedGroupsKeepMaintainedBalancesExact) {
  std::vector<std::thread> threads;
  std::atomic<std::int64_t> committed_cash{0};
  for (int t = 0; t < 16; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 40; ++i) {
        const std::int64_t amount = 1 + t * 100 + i;
        auto e = Entry(amount);
        const bool fail = (i + t) % 3 == 0;
        const Status st = store_->Write([&](store::Tx& tx) -> Status {
          TRANCHE_RETURN_IF_ERROR(ledger::Post(tx.ledger(), e).status());
          return fail ? Status::BusinessRule("refused", "every third unit fails") : Status::Ok();
        });
        if (st.ok()) committed_cash += amount;
      }
    });
  }
  for (auto& th : threads) th.join();
  ASSERT_TRUE(store_->Read([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(auto acct, tx.ledger().GetAccount("settlement_cash:USD"));
    if (!acct) return Status::Internal("account missing");
    EXPECT_EQ(acct->balance_minor(), committed_cash.load());
    TRANCHE_ASSIGN_OR_RETURN(auto report, ledger::Verify(tx.ledger()));
    EXPECT_TRUE(report.ok());
    return Status::Ok();
  }).ok());
}

}  // namespace
}  // namespace tranche

namespace tranche {
namespace {

TEST_F(StoreTest, AUnitOfWorkThatThrowsFailsAloneEveryTime) {
  for (int i = 0; i < 20; ++i) {
    const Status st = store_->Write([&](store::Tx& tx) -> Status {
      return tx.Nested([&]() -> Status {
        TRANCHE_RETURN_IF_ERROR(ledger::Post(tx.ledger(), Entry(9)).status());
        throw std::runtime_error("bug in a handler");
      });
    });
    EXPECT_EQ(st.category(), StatusCategory::kInternal);
  }
  ASSERT_TRUE(store_->Write([&](store::Tx& tx) { return ledger::Post(tx.ledger(), Entry(1)).status(); }).ok());
  std::int64_t n = 0;
  ASSERT_TRUE(store_->Read([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(n, tx.ledger().CountEntries());
    return Status::Ok();
  }).ok());
  EXPECT_EQ(n, 1);
}

}  // namespace
}  // namespace tranche
