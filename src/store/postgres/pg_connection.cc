#include "store/postgres/pg_connection.h"

#include "core/hex.h"

#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace tranche::store::postgres {

namespace {
constexpr Oid kInt8Oid = 20;
constexpr Oid kByteaOid = 17;
constexpr Oid kFloat8Oid = 701;
constexpr Oid kUnknownOid = 0;  // the server infers the type from the statement

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

std::string RewritePlaceholders(std::string_view sql, int& params) {
  std::string out;
  out.reserve(sql.size() + 16);
  params = 0;
  char quote = 0;  // inside '...' or "..."
  for (std::size_t i = 0; i < sql.size(); ++i) {
    const char c = sql[i];
    if (quote != 0) {
      out += c;
      if (c == quote) quote = 0;  // a doubled quote closes and reopens: same result
      continue;
    }
    if (c == '\'' || c == '"') {
      quote = c;
      out += c;
      continue;
    }
    if (c != '?') {
      out += c;
      continue;
    }
    int n = 0;
    std::size_t j = i + 1;
    while (j < sql.size() && IsDigit(sql[j])) n = n * 10 + (sql[j++] - '0');
    if (j == i + 1) n = params + 1;  // a bare `?` is one past the highest so far
    TRANCHE_ASSERT(n >= 1 && n <= 999);
    if (n > params) params = n;
    out += '$';
    out += std::to_string(n);
    i = j - 1;
  }
  TRANCHE_ASSERT_MSG(quote == 0, "unterminated quote in SQL");
  return out;
}

Status StatusFromSqlState(std::string_view sqlstate, std::string message) {
  if (sqlstate == "40001" || sqlstate == "40P01") {
    return Status(StatusCategory::kUnavailable, sql::kTransactionConflict, std::move(message));
  }
  if (sqlstate.substr(0, 2) == "23") return Status::Conflict("constraint_violation", std::move(message));
  if (sqlstate == "25006") return Status::Internal("write attempted in a read transaction: " + message);
  // Connection failures, an administrator's shutdown, insufficient resources, a
  // statement or lock that timed out: the database could not do the work now.
  const std::string_view cls = sqlstate.substr(0, 2);
  if (sqlstate.empty() || cls == "08" || cls == "53" || cls == "57" || cls == "55") {
    return Status::Unavailable(std::move(message));
  }
  return Status::Internal(std::move(message));
}

// --- PgStatement -------------------------------------------------------------------

PgStatement::PgStatement(PgConnection& conn, std::string name, std::string text, int params)
    : conn_(conn), name_(std::move(name)), text_(std::move(text)),
      values_(static_cast<std::size_t>(params)), types_(static_cast<std::size_t>(params), kUnknownOid),
      formats_(static_cast<std::size_t>(params), 0) {}

PgStatement::~PgStatement() { PQclear(result_); }

void PgStatement::Set(int index, std::optional<std::string> value, Oid type, int format) {
  TRANCHE_ASSERT_MSG(index >= 1 && index <= static_cast<int>(values_.size()), "bind index out of range");
  TRANCHE_ASSERT(result_ == nullptr);  // bind, then step
  const auto i = static_cast<std::size_t>(index - 1);
  values_[i] = std::move(value);
  formats_[i] = format;
  // The first execution fixes the parameter types on the server; a later binding of
  // another kind to the same parameter would be a bug in the repository.
  if (!prepared_) types_[i] = type;
}

void PgStatement::Bind(int index, std::int64_t value) { Set(index, std::to_string(value), kInt8Oid, 0); }

void PgStatement::Bind(int index, std::string_view text) {
  // Text carries no NUL byte in PostgreSQL; SQLite would have stored it.
  TRANCHE_ASSERT_MSG(text.find('\0') == std::string_view::npos, "NUL byte in a text parameter");
  Set(index, std::string(text), kUnknownOid, 0);
}

void PgStatement::BindBlob(int index, const void* data, std::size_t size) {
  Set(index, std::string(static_cast<const char*>(data), size), kByteaOid, 1);
}

void PgStatement::BindNull(int index) { Set(index, std::nullopt, kUnknownOid, 0); }

void PgStatement::BindDouble(int index, double value) {
  char buf[32];
  const int n = std::snprintf(buf, sizeof buf, "%.17g", value);
  Set(index, std::string(buf, static_cast<std::size_t>(n)), kFloat8Oid, 0);
}

Status PgStatement::Execute() {
  if (!prepared_) {
    PGresult* res = PQprepare(conn_.raw(), name_.c_str(), text_.c_str(), static_cast<int>(types_.size()),
                              types_.data());
    const bool ok = res != nullptr && PQresultStatus(res) == PGRES_COMMAND_OK;
    Status st = ok ? Status::Ok() : conn_.ErrorOf(res, text_);
    PQclear(res);
    // SQL is compiled into the program: a statement the server cannot parse is a bug,
    // but a lost connection is not.
    TRANCHE_ASSERT_MSG(ok || st.category() == StatusCategory::kUnavailable ||
                           PQtransactionStatus(conn_.raw()) == PQTRANS_INERROR,
                       st.message().c_str());
    if (!ok) return st;
    prepared_ = true;
  }
  std::vector<const char*> values(values_.size());
  std::vector<int> lengths(values_.size());
  for (std::size_t i = 0; i < values_.size(); ++i) {
    values[i] = values_[i] ? values_[i]->data() : nullptr;
    lengths[i] = values_[i] ? static_cast<int>(values_[i]->size()) : 0;
  }
  result_ = PQexecPrepared(conn_.raw(), name_.c_str(), static_cast<int>(values.size()), values.data(),
                           lengths.data(), formats_.data(), /*resultFormat=*/0);
  const ExecStatusType status = result_ == nullptr ? PGRES_FATAL_ERROR : PQresultStatus(result_);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    Status st = conn_.ErrorOf(result_, text_);
    PQclear(result_);
    result_ = nullptr;
    return st;
  }
  // Rows changed, as SQLite counts them: only by INSERT, UPDATE and DELETE (PostgreSQL
  // also reports the rows a SELECT returned).
  const std::string_view command = PQcmdStatus(result_);
  if (command.starts_with("INSERT") || command.starts_with("UPDATE") || command.starts_with("DELETE")) {
    conn_.set_changes(std::atoll(PQcmdTuples(result_)));
  }
  return Status::Ok();
}

Result<bool> PgStatement::Step() {
  if (result_ == nullptr) {
    TRANCHE_RETURN_IF_ERROR(Execute());
    row_ = -1;
  }
  if (row_ < PQntuples(result_)) ++row_;
  return row_ < PQntuples(result_);
}

const char* PgStatement::Value(int col) const {
  TRANCHE_ASSERT(result_ != nullptr && row_ >= 0 && row_ < PQntuples(result_));
  TRANCHE_ASSERT(col >= 0 && col < PQnfields(result_));
  return PQgetisnull(result_, row_, col) ? nullptr : PQgetvalue(result_, row_, col);
}

std::int64_t PgStatement::Int(int col) const {
  const char* v = Value(col);
  if (v == nullptr) return 0;
  if (v[0] == 't' && v[1] == '\0') return 1;  // a boolean expression
  if (v[0] == 'f' && v[1] == '\0') return 0;
  std::int64_t n = 0;
  const char* end = v + std::strlen(v);
  const auto [ptr, ec] = std::from_chars(v, end, n);
  // An integral NUMERIC (SUM of BIGINT) may carry no fraction; anything else is a bug.
  TRANCHE_ASSERT_MSG(ec == std::errc() && (ptr == end || *ptr == '.'), "column is not an integer");
  return n;
}

double PgStatement::Double(int col) const {
  const char* v = Value(col);
  return v == nullptr ? 0.0 : std::strtod(v, nullptr);
}

std::string PgStatement::Text(int col) const {
  const char* v = Value(col);
  return v == nullptr ? std::string()
                      : std::string(v, static_cast<std::size_t>(PQgetlength(result_, row_, col)));
}

bool PgStatement::IsNull(int col) const { return Value(col) == nullptr; }

std::string PgStatement::Blob(int col) const {
  const char* v = Value(col);
  if (v == nullptr) return {};
  // bytea in text form is hex: \x0a1b...
  const auto n = static_cast<std::size_t>(PQgetlength(result_, row_, col));
  TRANCHE_ASSERT_MSG(n >= 2 && v[0] == '\\' && v[1] == 'x', "column is not bytea");
  std::optional<std::string> bytes = HexDecode(std::string_view(v + 2, n - 2));
  TRANCHE_ASSERT(bytes.has_value());
  return *std::move(bytes);
}

void PgStatement::Reset() {
  PQclear(result_);
  result_ = nullptr;
  row_ = -1;
  for (auto& v : values_) v.reset();
}

// --- PgConnection ------------------------------------------------------------------

Result<std::unique_ptr<PgConnection>> PgConnection::Open(const std::string& url) {
  PGconn* conn = PQconnectdb(url.c_str());
  if (conn == nullptr) return Status::Unavailable("cannot connect to PostgreSQL: out of memory");
  if (PQstatus(conn) != CONNECTION_OK) {
    // The message names the host and the reason, never the password.
    std::string msg = PQerrorMessage(conn);
    PQfinish(conn);
    return Status::Unavailable("cannot connect to PostgreSQL: " + msg);
  }
  std::unique_ptr<PgConnection> c(new PgConnection(conn));
  TRANCHE_RETURN_IF_ERROR(c->ConfigureSession());
  return c;
}

PgConnection::~PgConnection() {
  cache_.clear();
  PQfinish(conn_);
}

Status PgConnection::ErrorOf(const PGresult* res, std::string_view context) const {
  const char* state = res == nullptr ? nullptr : PQresultErrorField(res, PG_DIAG_SQLSTATE);
  std::string msg = res == nullptr ? PQerrorMessage(conn_) : PQresultErrorMessage(res);
  while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
  msg += " [" + std::string(context.substr(0, 120)) + "]";
  if (PQstatus(conn_) != CONNECTION_OK) return Status::Unavailable("PostgreSQL connection lost: " + msg);
  return StatusFromSqlState(state == nullptr ? "" : state, std::move(msg));
}

Status PgConnection::Exec(const char* sql) {
  PGresult* res = PQexec(conn_, sql);
  const ExecStatusType status = res == nullptr ? PGRES_FATAL_ERROR : PQresultStatus(res);
  Status st = status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK ? Status::Ok() : ErrorOf(res, sql);
  PQclear(res);
  return st;
}

sql::Statement PgConnection::Prepare(const char* sql) {
  auto it = cache_.find(sql);
  if (it == cache_.end()) {
    int params = 0;
    std::string text = RewritePlaceholders(sql, params);
    auto stmt = std::make_unique<PgStatement>(*this, "t" + std::to_string(++next_statement_), std::move(text),
                                              params);
    it = cache_.emplace(sql, std::move(stmt)).first;
  }
  return sql::Statement(*it->second);
}

Status PgConnection::Revive() {
  if (PQstatus(conn_) == CONNECTION_OK) return Status::Ok();
  PQreset(conn_);
  if (PQstatus(conn_) != CONNECTION_OK) {
    return Status::Unavailable(std::string("PostgreSQL connection lost: ") + PQerrorMessage(conn_));
  }
  for (auto& [_, stmt] : cache_) stmt->Unprepare();
  return ConfigureSession();
}

Status PgConnection::ConfigureSession() {
  const std::string sql = "SET TIME ZONE 'UTC'; SET client_min_messages = warning; SET statement_timeout = " +
                          std::to_string(kStatementTimeoutMs);
  return Exec(sql.c_str());
}

Status PgConnection::Begin(const char* sql) {
  TRANCHE_RETURN_IF_ERROR(Revive());
  return Exec(sql);
}

Status PgConnection::BeginWrite() {
  TRANCHE_RETURN_IF_ERROR(Revive());
  TRANCHE_ASSERT(!holds_writer_lock_);
  TRANCHE_RETURN_IF_ERROR(Exec("SELECT pg_advisory_lock(7431002)"));
  holds_writer_lock_ = true;
  Status st = Exec("BEGIN ISOLATION LEVEL SERIALIZABLE");
  if (!st.ok()) EndWrite();
  return st;
}

void PgConnection::EndWrite() {
  // A lost connection took the lock with it.
  if (holds_writer_lock_ && PQstatus(conn_) == CONNECTION_OK) (void)Exec("SELECT pg_advisory_unlock(7431002)");
  holds_writer_lock_ = false;
}



Status PgConnection::BeginRead() { return Begin("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"); }

Status PgConnection::Notify(std::string_view message) {
  TRANCHE_ASSERT(message.size() <= kMaxNotifyBytes);
  auto s = Prepare("SELECT pg_notify('tranche_nodes', ?)");
  s.Bind(1, message);
  TRANCHE_ASSIGN_OR_RETURN(bool row, s.Step());
  TRANCHE_ASSERT(row);
  return Status::Ok();
}

bool PgConnection::InTransaction() const {
  const PGTransactionStatusType s = PQtransactionStatus(conn_);
  return s == PQTRANS_INTRANS || s == PQTRANS_INERROR;
}

}  // namespace tranche::store::postgres
