#include "store/sqlite/migrations.h"

#include <iterator>

namespace tranche::store::sqlite {

namespace {

struct Migration {
  int version;
  const char* name;
  const char* sql;
};

constexpr Migration kMigrations[] = {
    {1, "ledger",
     R"sql(
-- Accounts get a small integer key so each line stores 8 bytes, not a 60-byte id.
CREATE TABLE ledger_accounts (
  account_key INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,               -- type:CURRENCY[:owner]
  type TEXT NOT NULL,
  currency TEXT NOT NULL,
  owner TEXT NOT NULL,
  -- typeof: SQLite turns an overflowing integer sum into a REAL; refuse that instead.
  debits_minor INTEGER NOT NULL CHECK (typeof(debits_minor) = 'integer' AND debits_minor >= 0),
  credits_minor INTEGER NOT NULL CHECK (typeof(credits_minor) = 'integer' AND credits_minor >= 0),
  line_count INTEGER NOT NULL
);
CREATE TABLE journal_entries (
  seq INTEGER PRIMARY KEY,               -- posting order; the pagination cursor
  id TEXT NOT NULL UNIQUE,
  posting_key TEXT NOT NULL UNIQUE,      -- idempotent posting
  reason TEXT NOT NULL,
  object_id TEXT NOT NULL,
  reverses TEXT REFERENCES journal_entries(id),
  memo TEXT NOT NULL,
  posted_at_us INTEGER NOT NULL
);
-- At most one reversal per entry; a partial index, since most entries reverse nothing.
CREATE UNIQUE INDEX journal_entries_reversal ON journal_entries(reverses)
  WHERE reverses IS NOT NULL;
CREATE TABLE journal_lines (
  entry_seq INTEGER NOT NULL REFERENCES journal_entries(seq),
  line_no INTEGER NOT NULL,
  account_key INTEGER NOT NULL REFERENCES ledger_accounts(account_key),
  amount_minor INTEGER NOT NULL CHECK (amount_minor <> 0),
  PRIMARY KEY (entry_seq, line_no)
) WITHOUT ROWID;
CREATE INDEX journal_lines_by_account ON journal_lines(account_key, entry_seq);
-- Entries are immutable: corrections are reversals, never edits.
CREATE TRIGGER journal_entries_immutable_u BEFORE UPDATE ON journal_entries
  BEGIN SELECT RAISE(ABORT, 'journal entries are immutable'); END;
CREATE TRIGGER journal_entries_immutable_d BEFORE DELETE ON journal_entries
  BEGIN SELECT RAISE(ABORT, 'journal entries are immutable'); END;
CREATE TRIGGER journal_lines_immutable_u BEFORE UPDATE ON journal_lines
  BEGIN SELECT RAISE(ABORT, 'journal lines are immutable'); END;
CREATE TRIGGER journal_lines_immutable_d BEFORE DELETE ON journal_lines
  BEGIN SELECT RAISE(ABORT, 'journal lines are immutable'); END;
)sql"},
    {2, "principals",
     R"sql(
CREATE TABLE merchants (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  country TEXT NOT NULL,
  default_currency TEXT NOT NULL,
  mdr_bps INTEGER NOT NULL,
  fixed_fee_minor INTEGER NOT NULL,
  created_at_us INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE operators (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  created_at_us INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE consumers (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,
  given_name TEXT NOT NULL,
  family_name TEXT NOT NULL,
  created_at_us INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE api_keys (
  id TEXT PRIMARY KEY,
  principal_kind TEXT NOT NULL,
  principal_id TEXT NOT NULL,
  secret_hash BLOB NOT NULL UNIQUE,      -- SHA-256 of the secret; the secret is never stored
  display_prefix TEXT NOT NULL,
  created_at_us INTEGER NOT NULL,
  revoked_at_us INTEGER
) WITHOUT ROWID;
CREATE INDEX api_keys_by_principal ON api_keys(principal_id);
)sql"},
    {3, "idempotency",
     R"sql(
CREATE TABLE idempotency_keys (
  principal_id TEXT NOT NULL,
  key TEXT NOT NULL,
  request_hash BLOB NOT NULL,
  status_code INTEGER NOT NULL,
  response_body TEXT NOT NULL,
  created_at_us INTEGER NOT NULL,
  PRIMARY KEY (principal_id, key)
) WITHOUT ROWID;
CREATE INDEX idempotency_keys_by_age ON idempotency_keys(created_at_us);
)sql"},
    {4, "checkout_sessions",
     R"sql(
CREATE TABLE checkout_sessions (
  id TEXT PRIMARY KEY,
  merchant_id TEXT NOT NULL REFERENCES merchants(id),
  currency TEXT NOT NULL,
  amount_minor INTEGER NOT NULL CHECK (amount_minor > 0),
  order_lines TEXT NOT NULL,             -- JSON array, validated before it is stored
  merchant_reference TEXT NOT NULL,
  consumer_email TEXT,
  client_token_hash BLOB NOT NULL UNIQUE,  -- SHA-256; the token itself is never stored
  status TEXT NOT NULL,
  created_at_us INTEGER NOT NULL,
  expires_at_us INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX checkout_sessions_by_merchant ON checkout_sessions(merchant_id, id);
)sql"},
};

constexpr int kLatestVersion = kMigrations[std::size(kMigrations) - 1].version;

Status EnsureMigrationsTable(Connection& conn) {
  return conn.Exec(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
      "name TEXT NOT NULL, applied_at_us INTEGER NOT NULL)");
}

}  // namespace

Result<MigrationStatus> GetMigrationStatus(Connection& conn) {
  TRANCHE_RETURN_IF_ERROR(EnsureMigrationsTable(conn));
  auto stmt = conn.Prepare("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
  TRANCHE_ASSIGN_OR_RETURN(bool row, stmt.Step());
  TRANCHE_ASSERT(row);
  const int current = static_cast<int>(stmt.Int(0));
  if (current > kLatestVersion) {
    return Status::Internal("database schema version " + std::to_string(current) +
                            " is newer than this binary knows (" +
                            std::to_string(kLatestVersion) + ")");
  }
  return MigrationStatus{current, kLatestVersion};
}

Result<MigrationStatus> Migrate(Connection& conn, Instant now) {
  TRANCHE_ASSIGN_OR_RETURN(MigrationStatus status, GetMigrationStatus(conn));
  for (const Migration& m : kMigrations) {
    if (m.version <= status.current_version) continue;
    TRANCHE_RETURN_IF_ERROR(conn.Exec("BEGIN IMMEDIATE"));
    Status st = conn.Exec(m.sql);
    if (st.ok()) {
      auto ins = conn.Prepare(
          "INSERT INTO schema_migrations(version, name, applied_at_us) VALUES (?, ?, ?)");
      ins.Bind(1, m.version).Bind(2, m.name).Bind(3, UnixMicros(now));
      st = ins.Run();
    }
    if (st.ok()) st = conn.Exec("COMMIT");
    if (!st.ok()) {
      (void)conn.Exec("ROLLBACK");
      return Status::Internal("migration " + std::to_string(m.version) + " (" + m.name +
                              ") failed: " + st.message());
    }
    status.current_version = m.version;
  }
  return status;
}

}  // namespace tranche::store::sqlite
