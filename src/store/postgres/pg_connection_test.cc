#include "store/postgres/pg_connection.h"

#include <gtest/gtest.h>

namespace tranche::store::postgres {
namespace {

TEST(RewritePlaceholdersTest, NumbersBareMarksInOrder) {
  int params = 0;
  EXPECT_EQ(RewritePlaceholders("SELECT a FROM t WHERE b = ? AND c > ? LIMIT ?", params),
            "SELECT a FROM t WHERE b = $1 AND c > $2 LIMIT $3");
  EXPECT_EQ(params, 3);
}

TEST(RewritePlaceholdersTest, KeepsNumberedMarksAndCountsTheHighest) {
  int params = 0;
  EXPECT_EQ(RewritePlaceholders("UPDATE t SET a = ?2 WHERE id = ?1 OR ?2 IS NULL", params),
            "UPDATE t SET a = $2 WHERE id = $1 OR $2 IS NULL");
  EXPECT_EQ(params, 2);
  // A bare mark after numbered ones is one past the highest, as in SQLite.
  EXPECT_EQ(RewritePlaceholders("VALUES (?3, ?)", params), "VALUES ($3, $4)");
  EXPECT_EQ(params, 4);
}

TEST(RewritePlaceholdersTest, LeavesQuotedTextAlone) {
  int params = 0;
  EXPECT_EQ(RewritePlaceholders("SELECT '?', \"a?\" FROM t WHERE x = ? AND y = 'it''s ?'", params),
            "SELECT '?', \"a?\" FROM t WHERE x = $1 AND y = 'it''s ?'");
  EXPECT_EQ(params, 1);
}

TEST(RewritePlaceholdersTest, NoMarksNoParameters) {
  int params = 7;
  EXPECT_EQ(RewritePlaceholders("SAVEPOINT sp0", params), "SAVEPOINT sp0");
  EXPECT_EQ(params, 0);
}

TEST(StatusFromSqlStateTest, ClassifiesWhatTheStoreActsOn) {
  EXPECT_TRUE(sql::IsTransactionConflict(StatusFromSqlState("40001", "could not serialize")));
  EXPECT_TRUE(sql::IsTransactionConflict(StatusFromSqlState("40P01", "deadlock detected")));
  EXPECT_EQ(StatusFromSqlState("23505", "duplicate key").code(), "constraint_violation");
  EXPECT_EQ(StatusFromSqlState("23000", "journal entries are immutable").category(), StatusCategory::kConflict);
  EXPECT_EQ(StatusFromSqlState("08006", "connection failure").category(), StatusCategory::kUnavailable);
  EXPECT_EQ(StatusFromSqlState("57P01", "terminating connection").category(), StatusCategory::kUnavailable);
  EXPECT_EQ(StatusFromSqlState("42601", "syntax error").category(), StatusCategory::kInternal);
  EXPECT_FALSE(sql::IsTransactionConflict(StatusFromSqlState("23505", "duplicate key")));
}

}  // namespace
}  // namespace tranche::store::postgres
