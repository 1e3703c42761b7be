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

}  // namespace
}  // namespace tranche::store::sqlite
