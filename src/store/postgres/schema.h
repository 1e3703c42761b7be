// The schema in PostgreSQL's dialect (PostgreSQL 15): the same migrations, by version
// and name, as SQLite's list (store/sqlite/migrations.cc), giving the same tables with
// the same columns in the same order, the same indexes and the same constraints, so the
// repositories' SQL runs on both.
//
// What the store that runs these must know (the differences that remain):
// - Text sorts and compares byte by byte in SQLite (BINARY). The database must have
//   LC_COLLATE "C" (scripts/pg-cluster.sh creates it so) or ORDER BY id and the
//   `id > cursor` pagination would follow the locale's order instead.
// - journal_entries.seq and ledger_accounts.account_key come from identity sequences
//   (the inserts omit them; read them back with RETURNING, not last_insert_rowid). A
//   sequence hands numbers out at INSERT, not at COMMIT: with concurrent writers an
//   entry with a smaller seq can become visible after one with a larger seq, so "entries
//   after seq N" (settlement's last_seq, reconciliation's ledger cursor) holds only if
//   ledger writers are serialized or readers stop short of uncommitted numbers.
// - A rolled-back or conflicting (ON CONFLICT DO NOTHING) insert still uses up a
//   sequence number: seq has gaps, as SQLite's can after a rollback of the newest rows.
// - The identity columns are BY DEFAULT, not ALWAYS, so an import can keep SQLite's
//   numbers; it must then move each sequence past them (setval with
//   pg_get_serial_sequence), or the next insert collides.
// - The immutability triggers fail with SQLSTATE 23000 (integrity_constraint_violation),
//   the class SQLite's RAISE(ABORT) reports (SQLITE_CONSTRAINT), so both map to Conflict.
// - schema_migrations itself is the runner's table, as in SQLite, not a migration.
#pragma once

#include <span>

#include "store/sql/migration.h"

namespace tranche::store::postgres {

// Versions 1, 2, ... in order, each to run in one transaction.
std::span<const sql::Migration> Migrations();

}  // namespace tranche::store::postgres
