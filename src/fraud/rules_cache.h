// Rule sets parsed once per version. Every authorization evaluates the current rules;
// parsing and type-checking them each time cost more than the evaluation itself. A
// saved version never changes, the catalogue is fixed while the process runs and lists
// are never deleted, so a version's parse (success or errors) is final.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <string_view>

#include "core/status.h"
#include "fraud/rules.h"

namespace tranche::fraud {

using ListNameSet = std::set<std::string, std::less<>>;

// Thread-safe. Keeps the newest version asked for: versions only grow, and an older
// one (asked by a transaction that began before a save) is parsed without being kept.
class RulesCache {
 public:
  // The rules of `version`, whose text is `source`, checked against `catalogue` and the
  // lists `list_names` answers (asked only when the version is parsed). Precondition:
  // one catalogue for the cache's life.
  Result<std::shared_ptr<const ParseOutcome>> Get(std::int64_t version, std::string_view source,
                                                  const Catalogue& catalogue,
                                                  const std::function<Result<ListNameSet>()>& list_names);

 private:
  std::mutex mu_;
  std::int64_t version_ = -1;
  std::shared_ptr<const ParseOutcome> parsed_;
  const Catalogue* catalogue_ = nullptr;
};

}  // namespace tranche::fraud
