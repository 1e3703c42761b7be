#include "auth/keys.h"

#include <sodium.h>

#include "core/assert.h"

namespace tranche::auth {

namespace {

struct KindInfo {
  PrincipalKind kind;
  std::string_view name;
  std::string_view token_prefix;
};
constexpr KindInfo kKinds[] = {{PrincipalKind::kMerchant, "merchant", "sk_"},
                               {PrincipalKind::kOperator, "operator", "ok_"},
                               {PrincipalKind::kConsumer, "consumer", "lt_"},
                               {PrincipalKind::kCheckoutClient, "checkout_client", "ct_"}};

const KindInfo& InfoOf(PrincipalKind k) {
  for (const KindInfo& i : kKinds) {
    if (i.kind == k) return i;
  }
  TRANCHE_ASSERT_MSG(false, "unknown principal kind");
  return kKinds[0];
}

}  // namespace

std::string_view PrincipalKindName(PrincipalKind k) { return InfoOf(k).name; }

std::optional<PrincipalKind> ParsePrincipalKind(std::string_view name) {
  for (const KindInfo& i : kKinds) {
    if (i.name == name) return i.kind;
  }
  return std::nullopt;
}

std::string GenerateToken(std::string_view prefix, RandomSource& random) {
  std::uint8_t bytes[24];
  random.Fill(bytes);
  char hex[2 * sizeof bytes + 1];
  sodium_bin2hex(hex, sizeof hex, bytes, sizeof bytes);
  return std::string(prefix) + hex;
}

std::string GenerateSecret(PrincipalKind kind, RandomSource& random) {
  return GenerateToken(InfoOf(kind).token_prefix, random);
}

std::optional<PrincipalKind> KindOfSecret(std::string_view secret) {
  for (const KindInfo& i : kKinds) {
    if (secret.starts_with(i.token_prefix)) return i.kind;
  }
  return std::nullopt;
}

SecretHash HashSecret(std::string_view secret) {
  SecretHash h;
  crypto_hash_sha256(h.data(), reinterpret_cast<const unsigned char*>(secret.data()),
                     secret.size());
  return h;
}

bool ConstantTimeEqual(const SecretHash& a, const SecretHash& b) {
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string HmacSha256Hex(std::span<const std::uint8_t> key, std::string_view message) {
  std::uint8_t mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_state st;
  crypto_auth_hmacsha256_init(&st, key.data(), key.size());
  crypto_auth_hmacsha256_update(&st, reinterpret_cast<const unsigned char*>(message.data()), message.size());
  crypto_auth_hmacsha256_final(&st, mac);
  char hex[2 * sizeof mac + 1];
  sodium_bin2hex(hex, sizeof hex, mac, sizeof mac);
  return hex;
}

std::string DeriveClientToken(const PlatformKey& key, std::string_view session_id) {
  std::string message = "checkout_client:";
  message.append(session_id);
  // 48 hex characters: the 192 bits every other secret carries.
  return std::string(InfoOf(PrincipalKind::kCheckoutClient).token_prefix) + HmacSha256Hex(key, message).substr(0, 48);
}

std::string DisplayPrefix(std::string_view secret) { return std::string(secret.substr(0, 9)); }

ApiKey MakeApiKey(std::string key_id, const Principal& owner, std::string_view secret,
                  Instant now) {
  TRANCHE_ASSERT(KindOfSecret(secret) == owner.kind);
  return ApiKey{std::move(key_id), owner.kind, owner.id, HashSecret(secret),
                DisplayPrefix(secret), now, std::nullopt, std::nullopt};
}

}  // namespace tranche::auth
