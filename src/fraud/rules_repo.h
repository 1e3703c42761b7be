// Storage port for fraud rule sets: every version operators saved (the audit trail).
#pragma once

#include <optional>
#include <vector>

#include "fraud/decision.h"

namespace tranche::fraud {

class RulesRepo {
 public:
  virtual ~RulesRepo() = default;
  // The newest version, if any was saved.
  virtual Result<std::optional<RulesVersion>> Current() = 0;
  virtual Result<std::optional<RulesVersion>> Find(std::int64_t version) = 0;
  // Conflict when the version exists (a concurrent save won).
  virtual Status Insert(const RulesVersion& v) = 0;
  // Versions before `before`, newest first; at most `limit`.
  virtual Result<std::vector<RulesVersion>> List(std::int64_t before, std::size_t limit) = 0;
};

}  // namespace tranche::fraud
