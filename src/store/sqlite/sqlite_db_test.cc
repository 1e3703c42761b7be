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

// A commit waits for the disk unless the caller says a lost commit costs nothing.
TEST(SqliteConnection, CommitsAreSyncedUnlessToldOtherwise) {
  const std::filesystem::path path =
      std::filesystem::temp_directory_path() / ("tranche_sync_" + std::to_string(getpid()) + ".db");
  {
    auto synced = SqliteConnection::Open(path.string(), false);
    ASSERT_TRUE(synced.ok()) << synced.status().ToString();
    EXPECT_EQ(Synchronous(**synced), 2);  // FULL
    auto unsynced = SqliteConnection::Open(path.string(), false, false);
    ASSERT_TRUE(unsynced.ok()) << unsynced.status().ToString();
    EXPECT_EQ(Synchronous(**unsynced), 0);  // OFF
  }
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
}

}  // namespace
}  // namespace tranche::store::sqlite
