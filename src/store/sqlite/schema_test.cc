#include "store/sqlite/schema.h"

#include <gtest/gtest.h>

#include "core/time.h"
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

}  // namespace
}  // namespace tranche::store::sqlite
