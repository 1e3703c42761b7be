#include "fleet/lease.h"

#include "core/assert.h"

namespace tranche::fleet {

std::optional<Lease> Acquire(const std::optional<Lease>& current, std::string_view name, std::string_view node,
                             Instant now, std::chrono::microseconds ttl) {
  TRANCHE_ASSERT(ttl.count() > 0);
  TRANCHE_ASSERT(!name.empty() && name.size() <= kMaxLeaseNameBytes);
  TRANCHE_ASSERT(!node.empty() && node.size() <= kMaxNodeIdBytes);
  TRANCHE_ASSERT(!current || current->name == name);
  if (current && current->holder == node && current->expires_at > now) {
    Lease renewed = *current;
    renewed.expires_at = now + ttl;
    return renewed;
  }
  if (current && current->expires_at > now) return std::nullopt;  // another node's, still live
  // Free or expired: a new epoch, even for the node that held it before (its old
  // epoch's writes, if it is still making any, must fail).
  return Lease{std::string(name), std::string(node), current ? current->epoch + 1 : 1, now + ttl};
}

Result<Lease> Renew(const std::optional<Lease>& current, const Lease& held, Instant now,
                    std::chrono::microseconds ttl) {
  TRANCHE_ASSERT(ttl.count() > 0);
  if (!current || current->holder != held.holder || current->epoch != held.epoch || current->expires_at <= now) {
    return Status::Conflict("lease_lost", "the lease " + held.name + " is no longer this node's");
  }
  Lease renewed = *current;
  renewed.expires_at = now + ttl;
  return renewed;
}

}  // namespace tranche::fleet
