// The shell over the store for leases (fleet/lease.h): taking and giving back a lease,
// and a store whose writes are fenced by the lease while it is armed.
#pragma once

#include <chrono>
#include <functional>
#include <mutex>
#include <optional>
#include <string>

#include "core/clock.h"
#include "fleet/lease.h"
#include "store/store.h"

namespace tranche::fleet {

struct LeaseOptions {
  std::string node;                                          // this node's id
  std::chrono::microseconds ttl = std::chrono::seconds(60);  // how long a silent holder keeps it
};

// Takes lease `name` for the node (renewing it when the node holds it already); none when
// another node holds it. One unit of work.
Result<std::optional<Lease>> TryAcquire(store::Store& store, std::string_view name, const LeaseOptions& options,
                                        Instant now);

// Gives `held` back (it expires now) so another node need not wait for it; nothing
// when it changed hands meanwhile.
Status Release(store::Store& store, const Lease& held, Instant now);

// A store that, while armed with a lease, renews it at the start of every write's unit
// of work: when the lease changed hands the write fails with lease_lost and changes
// nothing. Unarmed, writes pass straight through. Reads always do.
class FencedStore final : public store::Store {
 public:
  FencedStore(store::Store& inner, const Clock& clock, std::chrono::microseconds ttl)
      : inner_(inner), clock_(clock), ttl_(ttl) {}
  void Arm(Lease held);
  void Disarm();

  Status Write(store::TxFn fn) override;
  Status Read(store::TxFn fn) override { return inner_.Read(std::move(fn)); }
  store::StoreStats Stats() const override { return inner_.Stats(); }
  Status Ping() override { return inner_.Ping(); }

 private:
  store::Store& inner_;
  const Clock& clock_;  // wall time: leases expire in real seconds
  const std::chrono::microseconds ttl_;
  std::mutex mu_;
  std::optional<Lease> held_;
};

// Runs `work` with `fenced` armed with lease `name`, when this node can take it; false
// (without running it) when another node holds it. Gives the lease back afterwards.
Result<bool> RunUnderLease(FencedStore& fenced, store::Store& store, std::string_view name,
                           const LeaseOptions& options, const Clock& clock, const std::function<Status()>& work);

}  // namespace tranche::fleet
