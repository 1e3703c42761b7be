// Small helpers shared by the SQLite repositories: mapping result rows to values.
#pragma once

#include <optional>
#include <vector>

#include "core/time.h"
#include "store/sql/connection.h"

namespace tranche::store::sql {

// Steps `stmt` once and maps the row, if any, with `read` (Statement → Result<T>).
template <typename T, typename ReadFn>
Result<std::optional<T>> FindOne(Statement& stmt, ReadFn read) {
  TRANCHE_ASSIGN_OR_RETURN(bool row, stmt.Step());
  if (!row) return std::optional<T>();
  Result<T> value = read(stmt);
  if (!value.ok()) return value.status();
  return std::optional<T>(std::move(value).value());
}

// Steps `stmt` to the end, mapping every row with `read`.
template <typename T, typename ReadFn>
Result<std::vector<T>> CollectAll(Statement& stmt, ReadFn read) {
  std::vector<T> out;
  while (true) {
    TRANCHE_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) return out;
    Result<T> value = read(stmt);
    if (!value.ok()) return value.status();
    out.push_back(std::move(value).value());
  }
}

// Nullable columns: the value, or NULL. Dates are stored as YYYY-MM-DD (they sort as
// dates), instants as unix microseconds.
inline Statement& BindOptional(Statement& s, int index, const std::optional<std::string>& v) {
  return v ? s.Bind(index, *v) : s.BindNull(index);
}
inline Statement& BindOptional(Statement& s, int index, const std::optional<Date>& d) {
  return d ? s.Bind(index, FormatDate(*d)) : s.BindNull(index);
}
inline Statement& BindOptional(Statement& s, int index, const std::optional<Instant>& t) {
  return t ? s.Bind(index, UnixMicros(*t)) : s.BindNull(index);
}

inline std::optional<std::string> OptionalText(const Statement& s, int col) {
  return s.IsNull(col) ? std::nullopt : std::optional<std::string>(s.Text(col));
}
inline std::optional<Instant> OptionalInstant(const Statement& s, int col) {
  return s.IsNull(col) ? std::nullopt : std::optional<Instant>(InstantFromUnixMicros(s.Int(col)));
}

// A nullable date column; false when a stored date is malformed.
inline bool ReadOptionalDate(const Statement& s, int col, std::optional<Date>& out) {
  out.reset();
  if (s.IsNull(col)) return true;
  out = ParseDate(s.Text(col));
  return out.has_value();
}

// The one-row answer of an aggregate over dates (MIN, MAX): none when there were no rows.
inline Result<std::optional<Date>> AggregateDate(Statement& s) {
  TRANCHE_ASSIGN_OR_RETURN(bool row, s.Step());
  TRANCHE_ASSERT(row);  // an aggregate always answers one row
  std::optional<Date> d;
  if (!ReadOptionalDate(s, 0, d)) return Status::Internal("a stored date is malformed");
  return d;
}

}  // namespace tranche::store::sql
