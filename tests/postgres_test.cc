// The PostgreSQL store beside the SQLite one: the same schema, the same outcome of the
// same simulated business, a database moved from one to the other with its books intact,
// and two stores (two nodes) writing the same accounts at once. Runs only in the
// `.postgres` registration of the suite (TRANCHE_TEST_POSTGRES names the server).
#include <gtest/gtest.h>

#include <atomic>
#include <sstream>
#include <thread>

#include "core/ids.h"
#include "core/random.h"
#include "ledger/posting.h"
#include "sim/config.h"
#include "sim/driver.h"
#include "store/open.h"
#include "store/postgres/import.h"
#include "store/postgres/pg_connection.h"
#include "store/sqlite/export.h"
#include "store/sqlite/sqlite_db.h"
#include "support/test_server.h"

namespace tranche {
namespace {

const Instant kNow = *ParseRfc3339("2026-11-26T09:00:00Z");

using Columns = std::vector<std::pair<std::string, std::string>>;  // table, column

Columns ListColumns(store::sql::Connection& c, const char* sql) {
  Columns out;
  auto s = c.Prepare(sql);
  while (true) {
    Result<bool> row = s.Step();
    EXPECT_TRUE(row.ok()) << row.status().ToString();
    if (!row.ok() || !*row) return out;
    out.emplace_back(s.Text(0), s.Text(1));
  }
}

// Every account's balance: what two stores holding the same books agree on.
std::map<std::string, std::int64_t> Balances(store::Store& s) {
  std::map<std::string, std::int64_t> out;
  const Status st = s.Read([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(auto accounts, tx.ledger().ListAccounts());
    for (const auto& a : accounts) out[a.account_id] = a.balance_minor();
    return Status::Ok();
  });
  EXPECT_TRUE(st.ok()) << st.ToString();
  return out;
}

void ExpectLedgerVerifies(store::Store& s) {
  const Status st = s.Read([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(ledger::VerifyReport r, ledger::Verify(tx.ledger()));
    EXPECT_TRUE(r.ok());
    return Status::Ok();
  });
  EXPECT_TRUE(st.ok()) << st.ToString();
}

std::int64_t CountEntries(store::Store& s) {
  std::int64_t n = -1;
  EXPECT_TRUE(s.Read([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(n, tx.ledger().CountEntries());
    return Status::Ok();
  }).ok());
  return n;
}

sim::SimConfig SmallBusiness() {
  sim::SimConfig c = sim::DefaultConfig();
  c.consumers = 150;
  c.days = 35;  // long enough for instalments to fall due, settle and reconcile
  c.start_date = Date{std::chrono::year{2026}, std::chrono::month{9}, std::chrono::day{1}};
  return c;
}

class PostgresTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_FALSE(pg_.url().empty()) << "TRANCHE_TEST_POSTGRES is not set"; }

  Result<std::unique_ptr<store::Store>> OpenPostgres(const std::string& url) {
    return store::OpenStore(store::Location{"", url}, clock_, /*migrate=*/true);
  }
  Result<std::unique_ptr<store::Store>> OpenSqlite() {
    return store::OpenStore(store::Location{dir_.path() + "/t.db", ""}, clock_, /*migrate=*/true);
  }

  testing::TempDir dir_;
  testing::TestDatabase pg_;
  SimulatedClock clock_{kNow};
};

TEST_F(PostgresTest, SchemaHasTheSameTablesAndColumnsAsSqlite) {
  ASSERT_TRUE(store::MigrateStore(store::Location{dir_.path() + "/t.db", ""}, kNow).ok());
  ASSERT_TRUE(store::MigrateStore(store::Location{"", pg_.url()}, kNow).ok());
  auto lite = store::sqlite::SqliteConnection::Open(dir_.path() + "/t.db", true);
  auto pg = store::postgres::PgConnection::Open(pg_.url());
  ASSERT_TRUE(lite.ok() && pg.ok());
  const Columns sqlite_columns = ListColumns(
      **lite,
      "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p"
      " WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' ORDER BY m.name, p.cid");
  const Columns pg_columns = ListColumns(
      **pg,
      "SELECT table_name, column_name FROM information_schema.columns"
      " WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position");
  EXPECT_GT(sqlite_columns.size(), 100u);
  EXPECT_EQ(sqlite_columns, pg_columns);
}

TEST_F(PostgresTest, TheSameSimulatedBusinessEndsWithTheSameBooks) {
  auto lite = OpenSqlite();
  auto pg = OpenPostgres(pg_.url());
  ASSERT_TRUE(lite.ok()) << lite.status().ToString();
  ASSERT_TRUE(pg.ok()) << pg.status().ToString();
  auto on_sqlite = sim::Run(SmallBusiness(), **lite, sim::RunOptions{"", false, false});
  auto on_postgres = sim::Run(SmallBusiness(), **pg, sim::RunOptions{"", false, false});
  ASSERT_TRUE(on_sqlite.ok()) << on_sqlite.status().ToString();
  ASSERT_TRUE(on_postgres.ok()) << on_postgres.status().ToString();
  EXPECT_GT(on_sqlite->settlements, 0);
  EXPECT_GT(on_sqlite->collections_succeeded, 0);
  EXPECT_EQ(on_sqlite->purchases, on_postgres->purchases);
  EXPECT_EQ(on_sqlite->approved, on_postgres->approved);
  EXPECT_EQ(on_sqlite->collections_failed, on_postgres->collections_failed);
  EXPECT_EQ(on_sqlite->recon_exceptions, on_postgres->recon_exceptions);
  EXPECT_EQ(on_sqlite->refusals, on_postgres->refusals);
  EXPECT_EQ(on_sqlite->digest, on_postgres->digest);
  EXPECT_EQ(Balances(**lite), Balances(**pg));
  EXPECT_EQ(CountEntries(**lite), CountEntries(**pg));
  ExpectLedgerVerifies(**pg);
}

TEST_F(PostgresTest, ExportAndImportMoveTheBooksIntact) {
  std::map<std::string, std::int64_t> before;
  std::int64_t entries = 0;
  {
    auto lite = OpenSqlite();
    ASSERT_TRUE(lite.ok());
    ASSERT_TRUE(sim::Run(SmallBusiness(), **lite, sim::RunOptions{"", false, false}).ok());
    before = Balances(**lite);
    entries = CountEntries(**lite);
  }
  std::stringstream dump;
  auto exported = store::sqlite::ExportDatabase(dir_.path() + "/t.db", dump);
  ASSERT_TRUE(exported.ok()) << exported.status().ToString();
  EXPECT_GT(exported->rows, entries);
  const std::string text = dump.str();

  // A dump cut short (at a line's end, as a full disk would leave it) loads nothing.
  std::istringstream truncated(text.substr(0, text.rfind('\n', text.size() / 2) + 1));
  auto refused = store::postgres::ImportDump(pg_.url(), truncated, kNow);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), "truncated_dump");

  std::istringstream in(text);
  auto imported = store::postgres::ImportDump(pg_.url(), in, kNow);
  ASSERT_TRUE(imported.ok()) << imported.status().ToString();
  EXPECT_EQ(imported->rows, exported->rows);
  EXPECT_EQ(imported->tables, exported->tables);

  auto pg = OpenPostgres(pg_.url());
  ASSERT_TRUE(pg.ok());
  EXPECT_EQ(Balances(**pg), before);
  EXPECT_EQ(CountEntries(**pg), entries);
  ExpectLedgerVerifies(**pg);
  // The sequences moved past the imported numbers: the next entry posts.
  SeededRandom random(3);
  IdGenerator ids(clock_, random);
  const std::string id = ids.Next("je");
  const ledger::JournalEntry e{id, "k:" + id, ledger::Reason::kManualAdjustment, "opr_test", "", "after import", kNow,
                               {{{ledger::AccountType::kSettlementCash, Currency::kUSD, ""}, 5},
                                {{ledger::AccountType::kSuspense, Currency::kUSD, ""}, -5}}};
  EXPECT_TRUE((*pg)->Write([&](store::Tx& tx) { return ledger::Post(tx.ledger(), e).status(); }).ok());
  EXPECT_EQ(CountEntries(**pg), entries + 1);

  // A database that holds rows already is refused.
  std::istringstream again(text);
  auto twice = store::postgres::ImportDump(pg_.url(), again, kNow);
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.status().code(), "database_not_empty");
}

TEST_F(PostgresTest, TwoNodesWritingTheSameAccountsLoseNothing) {
  auto a = OpenPostgres(pg_.url());
  auto b = OpenPostgres(pg_.url());
  ASSERT_TRUE(a.ok() && b.ok());
  constexpr int kThreadsPerNode = 4, kPerThread = 40;
  SeededRandom random(11);
  IdGenerator ids(clock_, random);
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (store::Store* node : {a->get(), b->get()}) {
    for (int t = 0; t < kThreadsPerNode; ++t) {
      threads.emplace_back([&, node] {
        for (int i = 0; i < kPerThread; ++i) {
          const std::string id = ids.Next("je");
          const ledger::JournalEntry e{id, "k:" + id, ledger::Reason::kManualAdjustment, "opr_test", "", "node", kNow,
                                       {{{ledger::AccountType::kSettlementCash, Currency::kUSD, ""}, 3},
                                        {{ledger::AccountType::kSuspense, Currency::kUSD, ""}, -3}}};
          const Status st = node->Write([&](store::Tx& tx) { return ledger::Post(tx.ledger(), e).status(); });
          if (!st.ok()) {
            ADD_FAILURE() << st.ToString();
            ++failures;
          }
        }
      });
    }
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(failures.load(), 0);
  constexpr std::int64_t kEntries = 2 * kThreadsPerNode * kPerThread;
  EXPECT_EQ(CountEntries(**a), kEntries);
  EXPECT_EQ(Balances(**b)["settlement_cash:USD"], 3 * kEntries);
  ExpectLedgerVerifies(**a);
}

TEST_F(PostgresTest, DatabaseUrlsAreCheckedAndDescribedWithoutCredentials) {
  EXPECT_EQ(store::ValidateDatabaseUrl("sqlite:///tmp/x").code(), "invalid_database");
  EXPECT_TRUE(store::ValidateDatabaseUrl("postgresql://h/db").ok());
  EXPECT_EQ(store::DescribeLocation(store::Location{"", "postgres://user:secret@db.example:5432/tranche?sslmode=require"}),
            "postgres://db.example:5432/tranche");
}

}  // namespace
}  // namespace tranche
