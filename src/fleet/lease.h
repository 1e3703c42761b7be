// Leases: which node of a fleet (several `tranche serve` processes on one PostgreSQL
// database) runs a piece of background work now — the daily close and the maintenance
// sweep, webhook delivery. A lease is a row in the database with a holder, an epoch and
// an expiry. Taking it bumps the epoch; the holder renews it inside every transaction
// of the work it guards, so the renewal is also the fence: a node that stalled past its
// lease (or was cut off) and comes back finds another epoch and its write fails, while
// the node that took over finishes the work (every step of it is idempotent).
//
// This file is the pure core: the decision, given the stored lease and the clock.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/status.h"
#include "core/time.h"

namespace tranche::fleet {

inline constexpr std::size_t kMaxLeaseNameBytes = 64;
inline constexpr std::size_t kMaxNodeIdBytes = 64;

struct Lease {
  std::string name;
  std::string holder;       // the node id
  std::int64_t epoch = 0;   // bumped each time the lease changes hands
  Instant expires_at;
  friend bool operator==(const Lease&, const Lease&) = default;
};

// What `node` holds after asking for lease `name` at `now`: the stored lease renewed
// when it is already `node`'s, a new epoch when it is free or expired, none when another
// node holds it. Precondition: ttl > 0; `current`, when set, is lease `name`.
std::optional<Lease> Acquire(const std::optional<Lease>& current, std::string_view name, std::string_view node,
                             Instant now, std::chrono::microseconds ttl);

// `held` renewed to `now + ttl`, or lease_lost (Conflict) when the stored lease is no
// longer it: another epoch, or expired.
Result<Lease> Renew(const std::optional<Lease>& current, const Lease& held, Instant now, std::chrono::microseconds ttl);

}  // namespace tranche::fleet
