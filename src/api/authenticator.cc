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
        auth::ConstantTimeEqual(it->second.hash, hash) &&
        (!it->second.token_expires_at || clock_.Now() < *it->second.token_expires_at)) {
      return it->second.principal;
    }
  }
  const std::uint64_t epoch = epoch_.load();
  TRANCHE_ASSIGN_OR_RETURN(std::optional<Found> found, Lookup(*auth::KindOfSecret(secret), hash));
  if (!found) return Denied();
  std::unique_lock lock(mu_);
  if (epoch_.load() != epoch) return found->principal;  // valid when read; not cacheable
  if (cache_.size() >= kMaxCachedKeys) cache_.clear();  // bounded; refills on demand
  cache_[cache_key] = Cached{found->principal, hash, now + kKeyCacheLifetime, found->token_expires_at};
  return found->principal;
}

Result<std::optional<Authenticator::Found>> Authenticator::Lookup(auth::PrincipalKind kind,
                                                                  const auth::SecretHash& hash) {
  std::optional<Found> found;
  TRANCHE_RETURN_IF_ERROR(store_.Read([&](store::Tx& tx) -> Status {
    if (kind == auth::PrincipalKind::kCheckoutClient) {
      // Whether the session can still be authorized is the handler's question; the
      // token identifies the session for as long as the session exists.
      TRANCHE_ASSIGN_OR_RETURN(auto session, tx.sessions().FindByClientTokenHash(hash));
      if (session && auth::ConstantTimeEqual(session->client_token_hash, hash)) {
        found = Found{{kind, session->id}, std::nullopt};
      }
      return Status::Ok();
    }
    TRANCHE_ASSIGN_OR_RETURN(auto key, tx.keys().FindKeyByHash(hash));
    if (key && !key->revoked_at && auth::ConstantTimeEqual(key->secret_hash, hash) &&
        key->kind == kind && (!key->expires_at || clock_.Now() < *key->expires_at)) {
      found = Found{{kind, key->principal_id}, key->expires_at};
    }
    return Status::Ok();
  }));
  return found;
}

void Authenticator::InvalidateAll() {
  std::unique_lock lock(mu_);
  epoch_.fetch_add(1);
  cache_.clear();
}

void Authenticator::Invalidate(std::string_view principal_id) {
  std::unique_lock lock(mu_);
  epoch_.fetch_add(1);
  std::erase_if(cache_, [&](const auto& kv) { return kv.second.principal.id == principal_id; });
}

}  // namespace tranche::api
