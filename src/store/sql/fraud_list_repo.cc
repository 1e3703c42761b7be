// Fraud lists, their entries and versions in SQLite.
#include <nlohmann/json.hpp>

#include "store/sql/fraud_list_repo.h"
#include "store/sql/json_text.h"
#include "store/sql/rows.h"

namespace tranche::store::sql {

using Json = nlohmann::json;
using fraud::FraudList;
using fraud::ListChange;
using fraud::ListLookups;
using fraud::ListVersion;

namespace {

Result<ListVersion> ReadListVersion(const Statement& s) {
  ListVersion v;
  v.name = s.Text(0);
  v.version = s.Int(1);
  try {
    v.change.added = Json::parse(s.Text(2)).get<std::vector<std::string>>();
    v.change.removed = Json::parse(s.Text(3)).get<std::vector<std::string>>();
  } catch (const Json::exception&) {
    return Status::Internal("stored fraud list version is malformed");
  }
  v.entry_count = static_cast<std::size_t>(s.Int(4));
  v.changed_by = s.Text(5);
  v.changed_at = InstantFromUnixMicros(s.Int(6));
  return v;
}

}  // namespace

Result<std::set<std::string, std::less<>>> SqlFraudListRepo::Names() {
  auto s = c_.Prepare("SELECT name FROM fraud_lists ORDER BY name");
  std::set<std::string, std::less<>> out;
  while (true) {
    TRANCHE_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) return out;
    out.insert(s.Text(0));
  }
}

Result<std::optional<FraudList>> SqlFraudListRepo::Find(std::string_view name) {
  auto s = c_.Prepare("SELECT name, version, updated_at_us, updated_by FROM fraud_lists WHERE name = ?");
  s.Bind(1, name);
  TRANCHE_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return std::optional<FraudList>();
  FraudList l{s.Text(0), {}, s.Int(1), InstantFromUnixMicros(s.Int(2)), s.Text(3)};
  auto e = c_.Prepare("SELECT value FROM fraud_list_entries WHERE name = ? ORDER BY value");
  e.Bind(1, name);
  while (true) {
    TRANCHE_ASSIGN_OR_RETURN(bool more, e.Step());
    if (!more) break;
    l.entries.push_back(e.Text(0));
  }
  return std::optional<FraudList>(std::move(l));
}

Status SqlFraudListRepo::Save(const FraudList& list, const ListChange& change) {
  auto upsert = c_.Prepare(
      "INSERT INTO fraud_lists(name, version, entry_count, updated_by, updated_at_us) VALUES (?1, ?2, ?3, ?4, ?5)"
      " ON CONFLICT(name) DO UPDATE SET version = ?2, entry_count = ?3, updated_by = ?4, updated_at_us = ?5"
      " WHERE fraud_lists.version = ?2 - 1");
  upsert.Bind(1, list.name).Bind(2, list.version).Bind(3, static_cast<std::int64_t>(list.entries.size()))
      .Bind(4, list.updated_by).Bind(5, UnixMicros(list.updated_at));
  TRANCHE_RETURN_IF_ERROR(upsert.Run());
  if (c_.Changes() != 1) return Status::Conflict("list_changed", "the list was changed by another request");
  for (const std::string& v : change.removed) {
    auto del = c_.Prepare("DELETE FROM fraud_list_entries WHERE name = ? AND value = ?");
    del.Bind(1, list.name).Bind(2, v);
    TRANCHE_RETURN_IF_ERROR(del.Run());
  }
  for (const std::string& v : change.added) {
    auto ins = c_.Prepare("INSERT INTO fraud_list_entries(name, value) VALUES (?, ?)");
    ins.Bind(1, list.name).Bind(2, v);
    TRANCHE_RETURN_IF_ERROR(ins.Run());
  }
  auto version = c_.Prepare(
      "INSERT INTO fraud_list_versions(name, version, added, removed, entry_count, changed_by, changed_at_us)"
      " VALUES (?, ?, ?, ?, ?, ?, ?)");
  version.Bind(1, list.name).Bind(2, list.version).Bind(3, JsonText(Json(change.added)))
      .Bind(4, JsonText(Json(change.removed))).Bind(5, static_cast<std::int64_t>(list.entries.size()))
      .Bind(6, list.updated_by).Bind(7, UnixMicros(list.updated_at));
  return version.Run();
}

Result<std::vector<ListVersion>> SqlFraudListRepo::Versions(std::string_view name, std::int64_t before,
                                                                  std::size_t limit) {
  auto s = c_.Prepare(
      "SELECT name, version, added, removed, entry_count, changed_by, changed_at_us FROM fraud_list_versions"
      " WHERE name = ? AND version < ? ORDER BY version DESC LIMIT ?");
  s.Bind(1, name).Bind(2, before).Bind(3, static_cast<std::int64_t>(limit));
  return CollectAll<ListVersion>(s, ReadListVersion);
}

Result<ListLookups> SqlFraudListRepo::Members(const ListLookups& asked) {
  ListLookups out;
  for (const auto& [name, value] : asked) {
    auto s = c_.Prepare("SELECT 1 FROM fraud_list_entries WHERE name = ? AND value = ?");
    s.Bind(1, name).Bind(2, value);
    TRANCHE_ASSIGN_OR_RETURN(bool row, s.Step());
    if (row) out.emplace(name, value);
  }
  return out;
}

}  // namespace tranche::store::sql
