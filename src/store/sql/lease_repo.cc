#include "store/sql/lease_repo.h"

#include "store/sql/rows.h"

namespace tranche::store::sql {

Result<std::optional<fleet::Lease>> SqlLeaseRepo::Find(std::string_view name) {
  auto s = c_.Prepare("SELECT name, holder, epoch, expires_at_us FROM leases WHERE name = ?");
  s.Bind(1, name);
  return FindOne<fleet::Lease>(s, [](const Statement& st) -> Result<fleet::Lease> {
    return fleet::Lease{st.Text(0), st.Text(1), st.Int(2), InstantFromUnixMicros(st.Int(3))};
  });
}

Status SqlLeaseRepo::Put(const fleet::Lease& lease) {
  auto s = c_.Prepare(
      "INSERT INTO leases(name, holder, epoch, expires_at_us) VALUES (?1, ?2, ?3, ?4)"
      " ON CONFLICT(name) DO UPDATE SET holder = ?2, epoch = ?3, expires_at_us = ?4");
  s.Bind(1, lease.name).Bind(2, lease.holder).Bind(3, lease.epoch).Bind(4, UnixMicros(lease.expires_at));
  return s.Run();
}

}  // namespace tranche::store::sql
