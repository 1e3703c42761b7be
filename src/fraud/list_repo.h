// Storage port for fraud lists: their entries and their change history.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "fraud/lists.h"
#include "fraud/rules_eval.h"

namespace tranche::fraud {

class ListRepo {
 public:
  virtual ~ListRepo() = default;
  virtual Result<std::set<std::string, std::less<>>> Names() = 0;
  // One list with its entries.
  virtual Result<std::optional<FraudList>> Find(std::string_view name) = 0;
  // A new version: entries replaced by list.entries, `change` recorded. Conflict when
  // list.version does not follow the stored one (another request changed it).
  virtual Status Save(const FraudList& list, const ListChange& change) = 0;
  // The list's versions before `before`, newest first; at most `limit`.
  virtual Result<std::vector<ListVersion>> Versions(std::string_view name, std::int64_t before,
                                                    std::size_t limit) = 0;
  // Of the pairs asked, those whose value is in the list.
  virtual Result<ListLookups> Members(const ListLookups& asked) = 0;
};

}  // namespace tranche::fraud
