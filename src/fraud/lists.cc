#include "fraud/lists.h"

#include <algorithm>
#include <iterator>

namespace tranche::fraud {

Status ValidateListName(std::string_view name) {
  const auto bad = [] {
    return Status::InvalidArgument("invalid_list_name",
                                   "a list name is 1 to 64 characters of a-z, 0-9 and _, starting with a letter or _",
                                   "name");
  };
  if (name.empty() || name.size() > kMaxListNameBytes) return bad();
  if (!((name[0] >= 'a' && name[0] <= 'z') || name[0] == '_')) return bad();
  for (char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return bad();
  }
  return Status::Ok();
}

Result<std::vector<std::string>> NormalizeEntries(std::vector<std::string> entries, std::string_view param) {
  if (entries.size() > kMaxListEntries) {
    return Status::InvalidArgument("too_many_entries",
                                   "a list holds at most " + std::to_string(kMaxListEntries) + " entries",
                                   std::string(param));
  }
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const std::string& e = entries[i];
    const bool control = std::any_of(e.begin(), e.end(), [](char c) {
      return static_cast<unsigned char>(c) < 0x20 || c == 0x7f;
    });
    if (e.empty() || e.size() > kMaxListEntryBytes || control) {
      return Status::InvalidArgument("invalid_entry",
                                     "an entry is 1 to 256 bytes without control characters",
                                     std::string(param) + "[" + std::to_string(i) + "]");
    }
  }
  std::sort(entries.begin(), entries.end());
  entries.erase(std::unique(entries.begin(), entries.end()), entries.end());
  return entries;
}

ListChange Diff(const std::vector<std::string>& before, const std::vector<std::string>& after) {
  ListChange c;
  std::set_difference(after.begin(), after.end(), before.begin(), before.end(), std::back_inserter(c.added));
  std::set_difference(before.begin(), before.end(), after.begin(), after.end(), std::back_inserter(c.removed));
  return c;
}

Result<std::vector<std::string>> ApplyPatch(const std::vector<std::string>& before, std::vector<std::string> add,
                                            std::vector<std::string> remove) {
  if (add.size() > kMaxListChangeItems || remove.size() > kMaxListChangeItems) {
    return Status::InvalidArgument("too_many_entries",
                                   "a patch adds and removes at most " + std::to_string(kMaxListChangeItems) +
                                       " entries each",
                                   add.size() > kMaxListChangeItems ? "add" : "remove");
  }
  TRANCHE_ASSIGN_OR_RETURN(add, NormalizeEntries(std::move(add), "add"));
  TRANCHE_ASSIGN_OR_RETURN(remove, NormalizeEntries(std::move(remove), "remove"));
  std::vector<std::string> both;
  std::set_intersection(add.begin(), add.end(), remove.begin(), remove.end(), std::back_inserter(both));
  if (!both.empty()) {
    return Status::InvalidArgument("entry_added_and_removed", "a patch may not add and remove the same entry",
                                   "remove");
  }
  std::vector<std::string> kept;
  std::set_difference(before.begin(), before.end(), remove.begin(), remove.end(), std::back_inserter(kept));
  std::vector<std::string> after;
  std::set_union(kept.begin(), kept.end(), add.begin(), add.end(), std::back_inserter(after));
  if (after.size() > kMaxListEntries) {
    return Status::InvalidArgument("too_many_entries",
                                   "a list holds at most " + std::to_string(kMaxListEntries) + " entries", "add");
  }
  return after;
}

}  // namespace tranche::fraud
