#include "store/sqlite/schema.h"

#include <gtest/gtest.h>

#include "core/time.h"
#include "store/sql/fraud_decision_repo.h"
#include "store/sql/migrate.h"
#include "store/sqlite/sqlite_db.h"

namespace tranche::store::sqlite {
namespace {

const Instant kNow = *ParseRfc3339("2026-12-06T09:00:00Z");

std::string One(SqliteConnection& conn, const char* sql) {
  sql::Statement s = conn.Prepare(sql);
  auto row = s.Step();
  EXPECT_TRUE(row.ok() && *row) << sql;
  return row.ok() && *row ? s.Text(0) : "";
}

// Migration 31 rebuilds the outbox as a rowid table under the webhook deliveries that
// point at it: every event and delivery stays, and the foreign key still holds.
TEST(SqliteSchema, TheOutboxRebuildKeepsEventsAndTheirDeliveries) {
  auto conn = SqliteConnection::OpenInMemory();
  ASSERT_TRUE(conn.ok()) << conn.status().ToString();
  SqliteConnection& c = **conn;
  const auto all = Migrations();
  ASSERT_GE(all.size(), 31u);
  ASSERT_TRUE(sql::Migrate(c, all.first(30), kNow).ok());
  ASSERT_TRUE(c.Exec("INSERT INTO merchants(id, name, country, default_currency, mdr_bps, fixed_fee_minor, created_at_us)"
                     " VALUES ('mer_1', 'Shop', 'SE', 'SEK', 300, 0, 1);"
                     "INSERT INTO webhook_endpoints(id, merchant_id, url, events, created_at_us)"
                     " VALUES ('whe_1', 'mer_1', 'https://shop.example/hook', '[]', 1);"
                     "INSERT INTO events VALUES ('evt_1', 'mer_1', 'order.captured', '{\"a\":1}', 1),"
                     " ('evt_2', 'mer_1', 'order.refunded', '{\"b\":2}', 2);"
                     "INSERT INTO webhook_deliveries(id, event_id, endpoint_id, status, attempts, next_attempt_at_us,"
                     " last_error, created_at_us) VALUES ('whd_1', 'evt_2', 'whe_1', 'pending', 0, 3, '', 3);")
                  .ok());
  EXPECT_NE(One(c, "SELECT sql FROM sqlite_schema WHERE name = 'events'").find("WITHOUT ROWID"), std::string::npos);

  auto migrated = sql::Migrate(c, all, kNow);
  ASSERT_TRUE(migrated.ok()) << migrated.status().ToString();
  EXPECT_TRUE(migrated->up_to_date());
  EXPECT_EQ(One(c, "SELECT sql FROM sqlite_schema WHERE name = 'events'").find("WITHOUT ROWID"), std::string::npos);
  EXPECT_EQ(One(c, "SELECT group_concat(id || ':' || payload, ' ') FROM (SELECT * FROM events ORDER BY id)"),
            "evt_1:{\"a\":1} evt_2:{\"b\":2}");
  EXPECT_EQ(One(c, "SELECT COUNT(*) FROM events INDEXED BY events_by_merchant WHERE merchant_id = 'mer_1'"), "2");
  EXPECT_EQ(One(c, "SELECT event_id FROM webhook_deliveries"), "evt_2");
  EXPECT_EQ(One(c, "SELECT COUNT(*) FROM temp.sqlite_schema"), "0");  // the copy is gone
  // The key still binds: a delivery of no event, or dropping a delivered event, fails.
  EXPECT_FALSE(c.Exec("INSERT INTO webhook_deliveries(id, event_id, endpoint_id, status, attempts, next_attempt_at_us,"
                      " last_error, created_at_us) VALUES ('whd_2', 'evt_9', 'whe_1', 'pending', 0, 3, '', 3)")
                   .ok());
  EXPECT_FALSE(c.Exec("DELETE FROM events WHERE id = 'evt_2'").ok());
  EXPECT_FALSE(c.Exec("INSERT INTO events VALUES ('evt_1', 'mer_1', 'x', '{}', 4)").ok());  // ids stay unique
}

// Migration 32 keeps feature names once per catalogue and rebuilds the decisions as a
// rowid table: a decision stored since then reads back the same named features as one
// stored before it (names beside values).
TEST(SqliteSchema, FraudFeaturesReadBackTheSameWithTheirNamesStoredOnce) {
  auto conn = SqliteConnection::OpenInMemory();
  ASSERT_TRUE(conn.ok()) << conn.status().ToString();
  SqliteConnection& c = **conn;
  const auto all = Migrations();
  ASSERT_GE(all.size(), 32u);
  ASSERT_TRUE(sql::Migrate(c, all.first(31), kNow).ok());
  // Only the decisions are under test: their sessions, consumers and credit decisions
  // are left out.
  ASSERT_TRUE(c.Exec("PRAGMA foreign_keys=OFF").ok());
  ASSERT_TRUE(c.Exec("INSERT INTO fraud_decisions(id, session_id, merchant_id, consumer_id, credit_decision_id,"
                     " currency, amount_minor, action, decided_by, rule, hits, features, score, score_reasons,"
                     " model_version, members, rules_version, review_threshold, block_threshold, created_at_us,"
                     " facts) VALUES ('frd_old', 'ses_1', 'mer_1', 'con_1', 'dec_1', 'USD', 500, 'allow', 'default',"
                     " NULL, '[]', '[[\"amount\",500.0],[\"email_domain\",\"example.com\"],[\"consumer_age_days\",null]]',"
                     " NULL, NULL, NULL, '[]', 1, 70, 90, 1, NULL)")
                  .ok());
  auto migrated = sql::Migrate(c, all, kNow);
  ASSERT_TRUE(migrated.ok()) << migrated.status().ToString();
  EXPECT_EQ(One(c, "SELECT sql FROM sqlite_schema WHERE name = 'fraud_decisions'").find("WITHOUT ROWID"),
            std::string::npos);
  EXPECT_EQ(One(c, "SELECT COUNT(*) FROM sqlite_schema WHERE tbl_name = 'fraud_decisions' AND type = 'index'"
                   " AND name NOT LIKE 'sqlite_autoindex%'"),
            "2");

  sql::SqlFraudDecisionRepo repo(c);
  auto old = repo.Find("frd_old");
  ASSERT_TRUE(old.ok() && old->has_value()) << old.status().ToString();
  const std::vector<std::pair<std::string, fraud::FeatureValue>> expected = {
      {"amount", 500.0}, {"email_domain", std::string("example.com")}, {"consumer_age_days", {}}};
  EXPECT_EQ((*old)->features, expected);

  for (const char* id : {"frd_new1", "frd_new2"}) {
    fraud::FraudDecision d = **old;
    d.id = id;
    ASSERT_TRUE(repo.Insert(d).ok());
    auto read = repo.Find(id);
    ASSERT_TRUE(read.ok() && read->has_value());
    EXPECT_EQ((*read)->features, expected);
  }
  EXPECT_EQ(One(c, "SELECT COUNT(*) FROM fraud_feature_catalogues"), "1");
  EXPECT_EQ(One(c, "SELECT names FROM fraud_feature_catalogues"), "[\"amount\",\"email_domain\",\"consumer_age_days\"]");
  EXPECT_EQ(One(c, "SELECT features FROM fraud_decisions WHERE id = 'frd_new2'"), "[500.0,\"example.com\",null]");
  EXPECT_EQ(One(c, "SELECT COUNT(DISTINCT feature_catalogue) FROM fraud_decisions"), "1");  // the old row has none
}

}  // namespace
}  // namespace tranche::store::sqlite
