#include "store/postgres/import.h"

#include <nlohmann/json.hpp>

#include <deque>
#include <memory>

#include "core/hex.h"
#include "store/postgres/pg_connection.h"
#include "store/postgres/pg_store.h"
#include "store/postgres/schema.h"

namespace tranche::store::postgres {

namespace {

using Json = nlohmann::json;

bool IsIdentifier(const std::string& s) {
  if (s.empty() || s.size() > 63) return false;
  for (char c : s) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

Result<Json> ReadLine(std::istream& in) {
  std::string line;
  if (!std::getline(in, line)) return Status::InvalidArgument("truncated_dump", "the dump ends before its end line");
  if (line.size() > kMaxDumpLineBytes) return Status::InvalidArgument("invalid_dump", "a dump line is too long");
  Json j = Json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return Status::InvalidArgument("invalid_dump", "a dump line is not JSON");
  return j;
}

Status BindValue(sql::Statement& s, int index, const Json& v) {
  if (v.is_null()) {
    s.BindNull(index);
  } else if (v.is_number_integer()) {
    s.Bind(index, v.get<std::int64_t>());
  } else if (v.is_number_float()) {
    s.BindDouble(index, v.get<double>());
  } else if (v.is_string()) {
    s.Bind(index, v.get_ref<const std::string&>());
  } else if (v.is_object() && v.size() == 1 && v.contains("hex") && v["hex"].is_string()) {
    const std::optional<std::string> bytes = HexDecode(v["hex"].get_ref<const std::string&>());
    if (!bytes) return Status::InvalidArgument("invalid_dump", "a blob's hex is not hex");
    s.BindBlob(index, bytes->data(), bytes->size());
  } else {
    return Status::InvalidArgument("invalid_dump", "a value of an unknown kind");
  }
  return Status::Ok();
}

// The database's tables that hold rows already (the import only fills an empty one).
Result<bool> HasRows(PgConnection& conn) {
  auto tables = conn.Prepare(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
      " AND table_type = 'BASE TABLE' AND table_name <> 'schema_migrations'");
  std::vector<std::string> names;
  while (true) {
    TRANCHE_ASSIGN_OR_RETURN(bool row, tables.Step());
    if (!row) break;
    names.push_back(tables.Text(0));
  }
  for (const std::string& t : names) {
    const std::string sql = "SELECT 1 FROM \"" + t + "\" LIMIT 1";
    PGresult* res = PQexec(conn.raw(), sql.c_str());
    const bool ok = PQresultStatus(res) == PGRES_TUPLES_OK;
    const bool any = ok && PQntuples(res) > 0;
    PQclear(res);
    if (!ok) return Status::Internal("cannot read table " + t);
    if (any) return true;
  }
  return false;
}

// Identity columns were given explicit values: move their sequences past them.
Status ResetIdentities(PgConnection& conn) {
  return conn.Exec(
      "DO $$ DECLARE r record; BEGIN"
      " FOR r IN SELECT table_name, column_name FROM information_schema.columns"
      "  WHERE table_schema = current_schema() AND is_identity = 'YES' LOOP"
      "  EXECUTE format('SELECT setval(pg_get_serial_sequence(%L, %L), COALESCE(MAX(%I), 0) + 1, false) FROM %I',"
      "   r.table_name, r.column_name, r.column_name, r.table_name);"
      " END LOOP; END $$");
}

class Importer {
 public:
  // `texts` keeps each INSERT's text alive as long as the connection that caches it.
  Importer(PgConnection& conn, std::istream& in, std::deque<std::string>& texts)
      : conn_(conn), in_(in), texts_(texts) {}

  Result<ImportReport> Run(int schema_version) {
    TRANCHE_ASSIGN_OR_RETURN(Json header, ReadLine(in_));
    if (!header.is_object() || header.value("tranche_dump", 0) != 1) {
      return Status::InvalidArgument("invalid_dump", "not a tranche dump");
    }
    if (header.value("schema_version", 0) != schema_version) {
      return Status::BusinessRule("schema_mismatch", "the dump is of schema version " +
                                                         std::to_string(header.value("schema_version", 0)) +
                                                         "; this binary's is " + std::to_string(schema_version));
    }
    ImportReport report;
    while (true) {
      TRANCHE_ASSIGN_OR_RETURN(Json line, ReadLine(in_));
      if (line.is_object() && line.value("end", false)) {
        if (line.value("rows", std::int64_t{-1}) != report.rows) {
          return Status::InvalidArgument("truncated_dump", "the dump's row count does not match its rows");
        }
        return report;
      }
      if (line.is_array()) {
        TRANCHE_RETURN_IF_ERROR(InsertRow(line));
        ++report.rows;
        continue;
      }
      TRANCHE_RETURN_IF_ERROR(StartTable(line));
      ++report.tables;
    }
  }

 private:
  Status StartTable(const Json& line) {
    if (!line.is_object() || !line.contains("table") || !line["table"].is_string() || !line.contains("columns") ||
        !line["columns"].is_array() || line["columns"].empty() || line["columns"].size() > kMaxDumpColumns) {
      return Status::InvalidArgument("invalid_dump", "a table line is malformed");
    }
    const std::string table = line["table"].get<std::string>();
    if (!IsIdentifier(table)) return Status::InvalidArgument("invalid_dump", "a table name is not an identifier");
    std::string sql = "INSERT INTO \"" + table + "\" (";
    std::string values;
    for (std::size_t i = 0; i < line["columns"].size(); ++i) {
      const Json& c = line["columns"][i];
      if (!c.is_string() || !IsIdentifier(c.get<std::string>())) {
        return Status::InvalidArgument("invalid_dump", "a column name is not an identifier");
      }
      sql += (i ? ", \"" : "\"") + c.get<std::string>() + "\"";
      values += i ? ", ?" : "?";
    }
    texts_.push_back(sql + ") VALUES (" + values + ")");
    insert_ = texts_.back().c_str();
    columns_ = line["columns"].size();
    return Status::Ok();
  }

  Status InsertRow(const Json& row) {
    if (insert_ == nullptr || row.size() != columns_) {
      return Status::InvalidArgument("invalid_dump", "a row does not match its table's columns");
    }
    auto s = conn_.Prepare(insert_);
    for (std::size_t i = 0; i < row.size(); ++i) {
      TRANCHE_RETURN_IF_ERROR(BindValue(s, static_cast<int>(i) + 1, row[i]));
    }
    return s.Run();
  }

  PgConnection& conn_;
  std::istream& in_;
  std::deque<std::string>& texts_;
  const char* insert_ = nullptr;
  std::size_t columns_ = 0;
};

}  // namespace

Result<ImportReport> ImportDump(const std::string& url, std::istream& in, Instant now) {
  TRANCHE_ASSIGN_OR_RETURN(sql::MigrationStatus ms, MigratePostgres(url, now));
  std::deque<std::string> texts;  // outlives the connection, whose cache points into it
  TRANCHE_ASSIGN_OR_RETURN(auto conn, PgConnection::Open(url));
  TRANCHE_ASSIGN_OR_RETURN(bool has_rows, HasRows(*conn));
  if (has_rows) return Status::BusinessRule("database_not_empty", "import only into an empty database");
  TRANCHE_RETURN_IF_ERROR(conn->BeginWrite());
  Result<ImportReport> report = Importer(*conn, in, texts).Run(ms.current_version);
  Status st = report.status();
  if (st.ok()) st = ResetIdentities(*conn);
  if (st.ok()) st = conn->Exec("COMMIT");
  if (!st.ok()) (void)conn->Exec("ROLLBACK");
  conn->EndWrite();
  if (!st.ok()) return st;
  return report;
}

}  // namespace tranche::store::postgres
