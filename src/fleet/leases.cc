#include "fleet/leases.h"

namespace tranche::fleet {

Result<std::optional<Lease>> TryAcquire(store::Store& store, std::string_view name, const LeaseOptions& options,
                                        Instant now) {
  std::optional<Lease> taken;
  TRANCHE_RETURN_IF_ERROR(store.Write([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(std::optional<Lease> current, tx.leases().Find(name));
    taken = Acquire(current, name, options.node, now, options.ttl);
    return taken ? tx.leases().Put(*taken) : Status::Ok();
  }));
  return taken;
}

Status Release(store::Store& store, const Lease& held, Instant now) {
  return store.Write([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(std::optional<Lease> current, tx.leases().Find(held.name));
    if (!current || current->holder != held.holder || current->epoch != held.epoch) return Status::Ok();
    Lease released = *current;
    released.expires_at = now;
    return tx.leases().Put(released);
  });
}

void FencedStore::Arm(Lease held) {
  std::lock_guard lock(mu_);
  held_ = std::move(held);
}

void FencedStore::Disarm() {
  std::lock_guard lock(mu_);
  held_.reset();
}

Status FencedStore::Write(store::TxFn fn) {
  std::optional<Lease> held;
  {
    std::lock_guard lock(mu_);
    held = held_;
  }
  if (!held) return inner_.Write(std::move(fn));
  return inner_.Write([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(std::optional<Lease> current, tx.leases().Find(held->name));
    TRANCHE_ASSIGN_OR_RETURN(Lease renewed, Renew(current, *held, clock_.Now(), ttl_));
    TRANCHE_RETURN_IF_ERROR(tx.leases().Put(renewed));
    return fn(tx);
  });
}

Result<bool> RunUnderLease(FencedStore& fenced, store::Store& store, std::string_view name,
                           const LeaseOptions& options, const Clock& clock, const std::function<Status()>& work) {
  TRANCHE_ASSIGN_OR_RETURN(std::optional<Lease> held, TryAcquire(store, name, options, clock.Now()));
  if (!held) return false;
  fenced.Arm(*held);
  const Status st = work();
  fenced.Disarm();
  const Status released = Release(store, *held, clock.Now());
  TRANCHE_RETURN_IF_ERROR(st);
  TRANCHE_RETURN_IF_ERROR(released);
  return true;
}

}  // namespace tranche::fleet
