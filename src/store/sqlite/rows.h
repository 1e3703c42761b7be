// Small helpers shared by the SQLite repositories: mapping result rows to values.
#pragma once

#include <optional>
#include <vector>

#include "core/time.h"
#include "store/sqlite/sqlite_db.h"

namespace tranche::store::sqlite {

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

// Binds an optional instant as unix microseconds, or NULL.
inline Statement& BindOptionalMicros(Statement& s, int index, const std::optional<Instant>& t) {
  return t ? s.Bind(index, UnixMicros(*t)) : s.BindNull(index);
}

}  // namespace tranche::store::sqlite
