#include "api/authenticator.h"

#include <mutex>

namespace tranche::api {

namespace {
Status Denied() {
  return Status::Unauthenticated(
      "provide a valid API key as 'Authorization: Bearer <key>'");
}
}  // namespace

Result<auth::Principal> Authenticator::Authenticate(std::string_view header) {
  constexpr std::string_view kBearer = "Bearer ";
  if (!header.starts_with(kBearer)) return Denied();
  const std::string_view secret = header.substr(kBearer.size());
  if (secret.empty() || secret.size() > auth::kMaxSecretChars || !auth::KindOfSecret(secret)) {
    return Denied();
  }
  const auth::SecretHash hash = auth::HashSecret(secret);
  const std::string cache_key(hash.begin(), hash.end());
  const auto now = std::chrono::steady_clock::now();
  {
    std::shared_lock lock(mu_);
    auto it = cache_.find(cache_key);
    if (it != cache_.end() && it->second.expires > now &&
        auth::ConstantTimeEqual(it->second.hash, hash)) {
      return it->second.principal;
    }
  }
  const std::uint64_t epoch = epoch_.load();
  std::optional<auth::ApiKey> key;
  TRANCHE_RETURN_IF_ERROR(store_.Read([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(key, tx.keys().FindKeyByHash(hash));
    return Status::Ok();
  }));
  if (!key || key->revoked_at || !auth::ConstantTimeEqual(key->secret_hash, hash) ||
      auth::KindOfSecret(secret) != key->kind) {
    return Denied();
  }
  auth::Principal principal{key->kind, key->principal_id};
  std::unique_lock lock(mu_);
  if (epoch_.load() != epoch) return principal;  // valid when read; not cacheable
  if (cache_.size() >= kMaxCachedKeys) cache_.clear();  // bounded; refills on demand
  cache_[cache_key] = Cached{principal, hash, now + kKeyCacheLifetime};
  return principal;
}

void Authenticator::Invalidate(std::string_view principal_id) {
  std::unique_lock lock(mu_);
  epoch_.fetch_add(1);
  std::erase_if(cache_, [&](const auto& kv) { return kv.second.principal.id == principal_id; });
}

}  // namespace tranche::api
