// Authenticator: turns an Authorization header into a principal.
//
// Merchant, operator and consumer secrets are API keys (consumer tokens expire);
// a checkout client token is found through its session, whose id is the principal.
// Keys are looked up by the SHA-256 of the presented secret and compared in constant
// time. Recently verified keys are cached for a short time so hot paths skip the
// store; rotating a key invalidates its owner's entries at once on this node, and on
// the other nodes of a fleet when its notification reaches them (Tx::NotifyNodes), at
// the latest when their cache entries expire.
#pragma once

#include <atomic>
#include <chrono>
#include <shared_mutex>
#include <string>
#include <unordered_map>

#include "auth/keys.h"
#include "core/clock.h"
#include "store/store.h"

namespace tranche::api {

inline constexpr std::chrono::seconds kKeyCacheLifetime{10};
inline constexpr std::size_t kMaxCachedKeys = 100'000;

class Authenticator {
 public:
  Authenticator(store::Store& store, const Clock& clock) : store_(store), clock_(clock) {}

  // A Bearer secret → its principal. Every failure is the same 401 so a caller
  // learns nothing about which keys exist.
  Result<auth::Principal> Authenticate(std::string_view authorization_header);
  void Invalidate(std::string_view principal_id);
  void InvalidateAll();

 private:
  struct Cached {
    auth::Principal principal;
    auth::SecretHash hash;
    std::chrono::steady_clock::time_point expires;
    std::optional<Instant> token_expires_at;  // consumer tokens, on the platform clock
  };
  struct Found {
    auth::Principal principal;
    std::optional<Instant> token_expires_at;
  };
  // The principal a secret of `kind` with this hash belongs to, if it is valid now.
  Result<std::optional<Found>> Lookup(auth::PrincipalKind kind, const auth::SecretHash& hash);

  store::Store& store_;
  const Clock& clock_;
  // Bumped by Invalidate. A lookup that raced with an invalidation (read the key
  // before the rotation committed, finished after) must not cache what it read.
  std::atomic<std::uint64_t> epoch_{0};
  std::shared_mutex mu_;
  std::unordered_map<std::string, Cached> cache_;  // key: hash bytes
};

}  // namespace tranche::api
