// Ledger posting throughput: the pure in-memory core, and durable postings through the
// SQLite store's group commit with many concurrent writers (one entry per unit of work,
// as a capture or a collection posts) and with batched units (many entries per unit of
// work, as a close-of-business run posts).
#include <benchmark/benchmark.h>

#include <atomic>
#include <filesystem>
#include <memory>

#include "core/ids.h"
#include "ledger/book.h"
#include "ledger/posting.h"
#include "store/sqlite/sqlite_store.h"

namespace tranche {
namespace {

const Instant kNow = *ParseRfc3339("2026-11-26T09:00:00Z");

struct Fixture {
  SystemClock clock;
  SeededRandom random{42};
  IdGenerator ids{clock, random};
  std::string merchant = ids.Next("mer");
  std::vector<std::string> consumers;
  std::string dir;
  std::unique_ptr<store::Store> store;

  Fixture() {
    for (int i = 0; i < 1000; ++i) consumers.push_back(ids.Next("con"));
  }

  // A capture: receivable debited, merchant payable and MDR revenue credited. Entry ids
  // come from `entry_ids`: one generator per benchmark thread, so the harness does not
  // serialise its writers on a shared lock the store would never see.
  ledger::JournalEntry Capture(std::uint64_t n, IdGenerator& entry_ids) {
    const std::string id = entry_ids.Next("je");
    const std::int64_t amount = 1000 + static_cast<std::int64_t>(n % 50000);
    const std::int64_t fee = amount * 329 / 10000 + 30;
    return ledger::JournalEntry{
        id, "capture:" + id, ledger::Reason::kCapture, "cap_bench", "", "", kNow,
        {{{ledger::AccountType::kConsumerReceivable, Currency::kUSD, consumers[n % consumers.size()]}, amount},
         {{ledger::AccountType::kMerchantPayable, Currency::kUSD, merchant}, -(amount - fee)},
         {{ledger::AccountType::kMdrRevenue, Currency::kUSD, ""}, -fee}}};
  }

  void OpenStore() {
    dir = (std::filesystem::temp_directory_path() / ("tranche-bench-" + ids.Next("run"))).string();
    std::filesystem::create_directories(dir);
    store::sqlite::SqliteOptions o;
    o.path = dir + "/bench.db";
    auto s = store::sqlite::OpenSqliteStore(o, clock, true);
    TRANCHE_ASSERT(s.ok());
    store = std::move(s).value();
  }

  void CloseStore() {
    store.reset();
    std::filesystem::remove_all(dir);
  }
};

Fixture& Shared() {
  static Fixture f;
  return f;
}

// This thread's id generator (see Fixture::Capture).
IdGenerator& ThreadIds() {
  static SystemClock clock;
  static std::atomic<std::uint64_t> next_seed{1};
  thread_local SeededRandom random(next_seed++);
  thread_local IdGenerator ids(clock, random);
  return ids;
}

void BM_PostInMemory(benchmark::State& state) {
  Fixture& f = Shared();
  ledger::Book book;
  std::uint64_t n = 0;
  for (auto _ : state) {
    auto r = ledger::Post(book, f.Capture(n++, ThreadIds()));
    benchmark::DoNotOptimize(r);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_PostInMemory);

// Each benchmark thread is one writer (like one HTTP request): a unit of work posting
// one entry, acknowledged when durable.
void BM_PostDurable(benchmark::State& state) {
  Fixture& f = Shared();
  std::uint64_t n = static_cast<std::uint64_t>(state.thread_index()) << 32;
  for (auto _ : state) {
    const ledger::JournalEntry e = f.Capture(n++, ThreadIds());
    const Status st = f.store->Write([&](store::Tx& tx) { return ledger::Post(tx.ledger(), e).status(); });
    TRANCHE_ASSERT_MSG(st.ok(), st.ToString().c_str());
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_PostDurable)
    ->Setup([](const benchmark::State&) { Shared().OpenStore(); })
    ->Teardown([](const benchmark::State&) { Shared().CloseStore(); })
    ->Threads(1)->Threads(16)->Threads(64)->Threads(256)->Threads(1024)
    ->UseRealTime()->MinTime(3.0);

// One unit of work posting `range(0)` entries, as a batch job does.
void BM_PostDurableBatched(benchmark::State& state) {
  Fixture& f = Shared();
  const auto batch = static_cast<std::uint64_t>(state.range(0));
  std::uint64_t n = 0;
  for (auto _ : state) {
    std::vector<ledger::JournalEntry> entries;
    for (std::uint64_t i = 0; i < batch; ++i) entries.push_back(f.Capture(n++, ThreadIds()));
    const Status st = f.store->Write([&](store::Tx& tx) -> Status {
      for (const auto& e : entries) TRANCHE_RETURN_IF_ERROR(ledger::Post(tx.ledger(), e).status());
      return Status::Ok();
    });
    TRANCHE_ASSERT_MSG(st.ok(), st.ToString().c_str());
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_PostDurableBatched)
    ->Setup([](const benchmark::State&) { Shared().OpenStore(); })
    ->Teardown([](const benchmark::State&) { Shared().CloseStore(); })
    ->Arg(100)->Arg(1000)->UseRealTime()->MinTime(3.0);

}  // namespace
}  // namespace tranche

BENCHMARK_MAIN();
