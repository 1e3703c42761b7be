#pragma once

#include "fleet/lease_repo.h"
#include "store/sql/connection.h"

namespace tranche::store::sql {

class SqlLeaseRepo final : public fleet::LeaseRepo {
 public:
  explicit SqlLeaseRepo(Connection& c) : c_(c) {}
  Result<std::optional<fleet::Lease>> Find(std::string_view name) override;
  Status Put(const fleet::Lease& lease) override;

 private:
  Connection& c_;
};

}  // namespace tranche::store::sql
