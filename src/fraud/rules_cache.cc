#include "fraud/rules_cache.h"

namespace tranche::fraud {

Result<std::shared_ptr<const ParseOutcome>> RulesCache::Get(std::int64_t version, std::string_view source,
                                                            const Catalogue& catalogue,
                                                            const std::function<Result<ListNameSet>()>& list_names) {
  {
    std::lock_guard lock(mu_);
    TRANCHE_ASSERT_MSG(catalogue_ == nullptr || catalogue_ == &catalogue, "one catalogue per rules cache");
    catalogue_ = &catalogue;
    if (version == version_) return parsed_;
  }
  // Parsed outside the lock: a first parse of a large rule set must not stall the
  // authorizations still on the previous version. Two threads may both parse a new
  // version; the results are equal and either is kept.
  TRANCHE_ASSIGN_OR_RETURN(ListNameSet lists, list_names());
  auto parsed = std::make_shared<const ParseOutcome>(ParseRules(source, catalogue, lists));
  std::lock_guard lock(mu_);
  if (version > version_) {
    version_ = version;
    parsed_ = parsed;
  }
  return parsed;
}

}  // namespace tranche::fraud
