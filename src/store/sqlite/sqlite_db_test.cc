#include "store/sqlite/sqlite_db.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

namespace tranche::store::sqlite {
namespace {

std::int64_t Synchronous(SqliteConnection& conn) {
  sql::Statement s = conn.Prepare("PRAGMA synchronous");
  EXPECT_TRUE(s.Step().value());
  return s.Int(0);
}

std::string JournalMode(SqliteConnection& conn) {
  sql::Statement s = conn.Prepare("PRAGMA journal_mode");
  EXPECT_TRUE(s.Step().value());
  return s.Text(0);
}

// A commit waits for the disk unless the caller says a lost database costs nothing.
TEST(SqliteConnection, CommitsAreSyncedUnlessToldOtherwise) {
  const std::filesystem::path path =
      std::filesystem::temp_directory_path() / ("tranche_sync_" + std::to_string(getpid()) + ".db");
  {
    auto unsynced = SqliteConnection::Open(path.string(), false, false);
    ASSERT_TRUE(unsynced.ok()) << unsynced.status().ToString();
    EXPECT_EQ(Synchronous(**unsynced), 0);  // OFF
    EXPECT_EQ(JournalMode(**unsynced), "memory");
    ASSERT_TRUE((*unsynced)->Exec("CREATE TABLE t(x INTEGER); INSERT INTO t VALUES (1);").ok());
  }
  {
    // The server opens what a simulation wrote: back to a synced WAL, the rows intact.
    auto synced = SqliteConnection::Open(path.string(), false);
    ASSERT_TRUE(synced.ok()) << synced.status().ToString();
    EXPECT_EQ(Synchronous(**synced), 2);  // FULL
    EXPECT_EQ(JournalMode(**synced), "wal");
    sql::Statement s = (*synced)->Prepare("SELECT x FROM t");
    ASSERT_TRUE(s.Step().value());
    EXPECT_EQ(s.Int(0), 1);
  }
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
}

// Each in-memory database belongs to its connection alone, writes nothing to disk, and
// answers SQLITE_FULL, not a crash, past its limit.
TEST(SqliteConnection, InMemoryDatabasesArePrivateAndBounded) {
  auto a = SqliteConnection::OpenInMemory();
  auto b = SqliteConnection::OpenInMemory();
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(Synchronous(**a), 0);
  EXPECT_EQ(JournalMode(**a), "memory");
  ASSERT_TRUE((*a)->Exec("CREATE TABLE t(x BLOB); INSERT INTO t VALUES (zeroblob(100000));").ok());
  EXPECT_FALSE((*b)->Exec("SELECT x FROM t").ok());  // b has no table t
  EXPECT_FALSE(std::filesystem::exists("tranche-in-memory"));

  sqlite3_int64 limit_bytes = 1 << 20;  // lower the limit to 1 MiB to reach it
  ASSERT_EQ(sqlite3_file_control((*a)->raw(), "main", SQLITE_FCNTL_SIZE_LIMIT, &limit_bytes), SQLITE_OK);
  const Status full = (*a)->Exec("INSERT INTO t VALUES (zeroblob(2000000));");
  EXPECT_FALSE(full.ok());
  sql::Statement count = (*a)->Prepare("SELECT count(*) FROM t");
  ASSERT_TRUE(count.Step().value());
  EXPECT_EQ(count.Int(0), 1);  // the failed insert left nothing
}

}  // namespace
}  // namespace tranche::store::sqlite
