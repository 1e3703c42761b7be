// Storage port for the record of closed business dates.
#pragma once

#include <optional>
#include <vector>

#include "core/status.h"
#include "servicing/cob_run.h"

namespace tranche::servicing {

class CobRunRepo {
 public:
  virtual ~CobRunRepo() = default;
  virtual Result<std::optional<Date>> LastClosedDate() = 0;
  virtual Result<std::optional<CobRun>> Find(Date business_date) = 0;
  // Closed dates before `before_date` (YYYY-MM-DD; empty: from the latest), newest first.
  virtual Result<std::vector<CobRun>> List(std::string_view before_date, std::size_t limit) = 0;
  virtual Status Insert(const CobRun& r) = 0;
};

}  // namespace tranche::servicing
