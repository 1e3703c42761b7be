// The storage port for leases (fleet/lease.h); store/sql/lease_repo.cc implements it.
#pragma once

#include <optional>
#include <string_view>

#include "fleet/lease.h"

namespace tranche::fleet {

class LeaseRepo {
 public:
  virtual ~LeaseRepo() = default;
  virtual Result<std::optional<Lease>> Find(std::string_view name) = 0;
  // Inserts or replaces the lease of that name.
  virtual Status Put(const Lease& lease) = 0;
};

}  // namespace tranche::fleet
