#include "store/sqlite/export.h"

#include <nlohmann/json.hpp>
#include <sqlite3.h>

#include <map>
#include <set>
#include <vector>

#include "core/hex.h"
#include "store/sql/migrate.h"
#include "store/sqlite/schema.h"
#include "store/sqlite/sqlite_db.h"

namespace tranche::store::sqlite {

namespace {

using Json = nlohmann::json;

// Every table but SQLite's own and schema_migrations, each after the tables its
// foreign keys reference.
Result<std::vector<std::string>> TablesInDependencyOrder(sqlite3* db) {
  std::vector<std::string> names;
  {
    sqlite3_stmt* s = nullptr;
    TRANCHE_ASSERT(sqlite3_prepare_v2(db,
                                      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                                      "'sqlite_%' AND name <> 'schema_migrations' ORDER BY name",
                                      -1, &s, nullptr) == SQLITE_OK);
    while (sqlite3_step(s) == SQLITE_ROW) names.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(s, 0)));
    sqlite3_finalize(s);
  }
  std::map<std::string, std::set<std::string>> references;
  for (const std::string& t : names) {
    sqlite3_stmt* s = nullptr;
    const std::string sql = "SELECT \"table\" FROM pragma_foreign_key_list('" + t + "')";
    TRANCHE_ASSERT(sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr) == SQLITE_OK);
    while (sqlite3_step(s) == SQLITE_ROW) {
      std::string target = reinterpret_cast<const char*>(sqlite3_column_text(s, 0));
      if (target != t) references[t].insert(std::move(target));
    }
    sqlite3_finalize(s);
  }
  std::vector<std::string> ordered;
  std::set<std::string> placed;
  while (ordered.size() < names.size()) {
    const std::size_t before = ordered.size();
    for (const std::string& t : names) {
      if (placed.count(t)) continue;
      bool ready = true;
      for (const std::string& r : references[t]) ready = ready && placed.count(r) > 0;
      if (ready) {
        ordered.push_back(t);
        placed.insert(t);
      }
    }
    if (ordered.size() == before) return Status::Internal("foreign keys form a cycle between tables");
  }
  return ordered;
}

Json ValueOf(sqlite3_stmt* s, int col) {
  switch (sqlite3_column_type(s, col)) {
    case SQLITE_INTEGER: return sqlite3_column_int64(s, col);
    case SQLITE_FLOAT: return sqlite3_column_double(s, col);
    case SQLITE_NULL: return nullptr;
    case SQLITE_BLOB: {
      const auto* p = static_cast<const std::uint8_t*>(sqlite3_column_blob(s, col));
      const auto n = static_cast<std::size_t>(sqlite3_column_bytes(s, col));
      return Json{{"hex", HexEncode(std::span(p, n))}};
    }
    default:
      return std::string(reinterpret_cast<const char*>(sqlite3_column_text(s, col)),
                         static_cast<std::size_t>(sqlite3_column_bytes(s, col)));
  }
}

Result<std::int64_t> DumpTable(sqlite3* db, const std::string& table, std::ostream& out) {
  sqlite3_stmt* s = nullptr;
  const std::string sql = "SELECT * FROM \"" + table + "\"";
  TRANCHE_ASSERT(sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr) == SQLITE_OK);
  const int columns = sqlite3_column_count(s);
  Json header{{"table", table}, {"columns", Json::array()}};
  for (int c = 0; c < columns; ++c) header["columns"].push_back(sqlite3_column_name(s, c));
  out << header.dump() << '\n';
  std::int64_t rows = 0;
  int rc = SQLITE_ROW;
  while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
    Json row = Json::array();
    for (int c = 0; c < columns; ++c) row.push_back(ValueOf(s, c));
    out << row.dump() << '\n';
    ++rows;
  }
  sqlite3_finalize(s);
  if (rc != SQLITE_DONE) return Status::Internal("reading " + table + " failed: " + sqlite3_errmsg(db));
  return rows;
}

}  // namespace

Result<ExportReport> ExportDatabase(const std::string& path, std::ostream& out) {
  TRANCHE_ASSIGN_OR_RETURN(auto conn, SqliteConnection::Open(path, /*read_only=*/true));
  TRANCHE_ASSIGN_OR_RETURN(sql::MigrationStatus ms, sql::GetMigrationStatus(*conn, Migrations()));
  if (!ms.up_to_date()) return Status::BusinessRule("schema_behind", "migrate the database before exporting it");
  ExportReport report;
  report.schema_version = ms.current_version;
  TRANCHE_RETURN_IF_ERROR(conn->BeginRead());
  auto dump = [&]() -> Status {
    TRANCHE_ASSIGN_OR_RETURN(auto tables, TablesInDependencyOrder(conn->raw()));
    out << Json{{"tranche_dump", 1}, {"schema_version", ms.current_version}}.dump() << '\n';
    for (const std::string& t : tables) {
      TRANCHE_ASSIGN_OR_RETURN(std::int64_t rows, DumpTable(conn->raw(), t, out));
      report.rows += rows;
      ++report.tables;
    }
    out << Json{{"end", true}, {"tables", report.tables}, {"rows", report.rows}}.dump() << '\n';
    out.flush();
    return out.good() ? Status::Ok() : Status::Unavailable("writing the dump failed");
  };
  Status st;
  try {
    st = dump();
  } catch (const Json::exception& e) {  // text that is not UTF-8
    st = Status::Internal(std::string("a stored value cannot be dumped: ") + e.what());
  }
  (void)conn->Exec("COMMIT");
  if (!st.ok()) return st;
  return report;
}

}  // namespace tranche::store::sqlite
