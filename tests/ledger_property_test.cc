// Property test: many random postings, interleaved across threads through the real
// SQLite store. Whatever the interleaving, every entry balances, each currency's
// trial balance is zero, recomputed balances equal maintained ones, and the
// maintained balances equal those of an in-memory Book fed the same entries.
#include <gtest/gtest.h>

#include <map>
#include <thread>

#include "ledger/book.h"
#include "ledger/posting.h"
#include "store/sqlite/sqlite_store.h"
#include "support/test_server.h"

namespace tranche {
namespace {

using ledger::AccountRef;
using ledger::AccountType;
using ledger::JournalEntry;

constexpr std::uint64_t kSeed = 20261126;
constexpr int kThreads = 8;
constexpr int kEntriesPerThread = 1300;  // over 10,000 postings in all
const Instant kNow = *ParseRfc3339("2026-11-26T09:00:00Z");

// Deterministic for a given thread's random source.
class EntryFactory {
 public:
  EntryFactory(RandomSource& random, IdGenerator& ids, int thread)
      : random_(random), ids_(ids), thread_(thread) {
    SimulatedClock c(kNow);
    SeededRandom owner_random(kSeed);
    IdGenerator owner_ids(c, owner_random);
    for (int i = 0; i < 5; ++i) merchants_.push_back(owner_ids.Next("mer"));
    for (int i = 0; i < 20; ++i) consumers_.push_back(owner_ids.Next("con"));
  }

  std::uint64_t Below(std::uint64_t n) { return random_.NextU64() % n; }

  AccountRef RandomAccount(Currency c) {
    const AccountType type = ledger::kAllAccountTypes[Below(std::size(ledger::kAllAccountTypes))];
    std::string owner;
    if (ledger::OwnerKindOf(type) == ledger::OwnerKind::kMerchant) owner = merchants_[Below(merchants_.size())];
    if (ledger::OwnerKindOf(type) == ledger::OwnerKind::kConsumer) owner = consumers_[Below(consumers_.size())];
    return AccountRef{type, c, owner};
  }

  // 2-6 lines in one or two currencies, each currency group summing to zero.
  JournalEntry Next(int n) {
    JournalEntry e{ids_.Next("je"), "prop:" + std::to_string(thread_) + ":" + std::to_string(n),
                   ledger::Reason::kManualAdjustment, "prop", "", "", kNow, {}};
    const int groups = Below(4) == 0 ? 2 : 1;
    for (int g = 0; g < groups; ++g) {
      const Currency c = kAllCurrencies[Below(std::size(kAllCurrencies))];
      const int lines = 2 + static_cast<int>(Below(2));
      std::int64_t sum = 0;
      for (int i = 0; i < lines - 1; ++i) {
        std::int64_t amount = 1 + static_cast<std::int64_t>(Below(5'000'000));
        if (Below(2) == 0) amount = -amount;
        AddLine(e, RandomAccount(c), amount);
        sum += amount;
      }
      if (sum == 0) sum = 1, AddLine(e, RandomAccount(c), -1);
      AddLine(e, RandomAccount(c), -sum);
    }
    return e;
  }

 private:
  // Accounts may not repeat within an entry; a repeat is merged into its line.
  static void AddLine(JournalEntry& e, const AccountRef& a, std::int64_t amount) {
    for (auto& l : e.lines) {
      if (l.account == a) {
        l.amount_minor += amount;
        return;
      }
    }
    e.lines.push_back({a, amount});
  }

  RandomSource& random_;
  IdGenerator& ids_;
  int thread_;
  std::vector<std::string> merchants_, consumers_;
};

// Drops lines merged down to zero; an entry left with fewer than two lines is skipped.
bool Normalize(JournalEntry& e) {
  std::erase_if(e.lines, [](const ledger::Line& l) { return l.amount_minor == 0; });
  return e.lines.size() >= 2;
}

TEST(LedgerPropertyTest, RandomConcurrentPostingsKeepTheLedgerSound) {
  testing::TempDir dir;
  SimulatedClock clock(kNow);
  store::sqlite::SqliteOptions o;
  o.path = dir.path() + "/ledger.db";
  auto opened = store::sqlite::OpenSqliteStore(o, clock, true);
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  auto& store = **opened;
  SeededRandom id_random(kSeed);
  IdGenerator ids(clock, id_random);

  std::vector<std::vector<JournalEntry>> posted(kThreads);
  std::atomic<int> failures{0}, retried{0}, replays{0}, reverse_attempts{0}, reversals{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      SeededRandom random(kSeed + static_cast<std::uint64_t>(t));
      EntryFactory factory(random, ids, t);
      for (int n = 0; n < kEntriesPerThread; ++n) {
        JournalEntry e = factory.Next(n);
        if (!Normalize(e)) continue;
        Result<ledger::Posted> r = Status::Internal("unset");
        const Status st = store.Write([&](store::Tx& tx) {
          r = ledger::Post(tx.ledger(), e);
          return r.status();
        });
        if (!st.ok()) {
          ++failures;
          continue;
        }
        posted[t].push_back(r->entry);
        // Every 10th posting is retried: it must replay, not post twice.
        if (n % 10 == 0) {
          ++retried;
          const Status again = store.Write([&](store::Tx& tx) {
            r = ledger::Post(tx.ledger(), e);
            return r.status();
          });
          if (again.ok() && r->replayed) ++replays;
        }
        // Every 25th is reversed.
        if (n % 25 == 0) {
          ++reverse_attempts;
          const Status rev = store.Write([&](store::Tx& tx) {
            r = ledger::Reverse(tx.ledger(), e.id, ids.Next("je"), "rev:" + e.id, "prop", kNow);
            return r.status();
          });
          if (rev.ok()) {
            ++reversals;
            posted[t].push_back(r->entry);
          }
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  ASSERT_EQ(failures.load(), 0);
  EXPECT_GT(retried.load(), 0);
  EXPECT_EQ(replays.load(), retried.load());
  EXPECT_GT(reverse_attempts.load(), 0);
  EXPECT_EQ(reversals.load(), reverse_attempts.load());

  // The same entries in a Book: order within a thread is kept; across threads order
  // does not matter to balances, which are sums.
  ledger::Book book;
  std::size_t total = 0;
  for (const auto& per_thread : posted) {
    for (const auto& e : per_thread) {
      auto appended = book.Append(e);
      ASSERT_TRUE(appended.ok() && *appended);
      ++total;
    }
  }
  EXPECT_GE(total, 10'000u);

  ASSERT_TRUE(store.Read([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(auto count, tx.ledger().CountEntries());
    EXPECT_EQ(count, static_cast<std::int64_t>(total));
    TRANCHE_ASSIGN_OR_RETURN(auto report, ledger::Verify(tx.ledger()));
    EXPECT_TRUE(report.ok());
    EXPECT_TRUE(report.mismatched_accounts.empty());
    EXPECT_TRUE(report.unbalanced_entries.empty());
    TRANCHE_ASSIGN_OR_RETURN(auto maintained, tx.ledger().ListAccounts());
    TRANCHE_ASSIGN_OR_RETURN(auto recomputed, tx.ledger().RecomputeAccounts());
    std::map<std::string, ledger::AccountBalance> a, b;
    for (auto& x : maintained) a[x.account_id] = x;
    for (auto& x : recomputed) b[x.account_id] = x;
    EXPECT_EQ(a, b);
    auto in_memory = book.ListAccounts();
    std::map<std::string, ledger::AccountBalance> c;
    for (auto& x : *in_memory) c[x.account_id] = x;
    EXPECT_EQ(a, c);
    TRANCHE_ASSIGN_OR_RETURN(auto by_type, tx.ledger().SumByType());
    EXPECT_EQ(by_type, *ledger::SumByType(maintained));  // SQL and in-memory sums agree
    TRANCHE_ASSIGN_OR_RETURN(auto trial_balance, ledger::TrialBalance(by_type));
    for (const auto& cur : trial_balance) EXPECT_EQ(cur.net_minor(), 0);
    return Status::Ok();
  }).ok());
  // Concurrency must actually have produced group commits.
  const auto stats = store.Stats();
  EXPECT_LT(stats.commits, stats.jobs);
}

}  // namespace
}  // namespace tranche
