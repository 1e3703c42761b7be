#include "auth/keys.h"

#include <sodium.h>

#include "core/assert.h"

namespace tranche::auth {

std::string_view PrincipalKindName(PrincipalKind k) {
  return k == PrincipalKind::kMerchant ? "merchant" : "operator";
}

std::optional<PrincipalKind> ParsePrincipalKind(std::string_view name) {
  if (name == "merchant") return PrincipalKind::kMerchant;
  if (name == "operator") return PrincipalKind::kOperator;
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
  return GenerateToken(kind == PrincipalKind::kMerchant ? "sk_" : "ok_", random);
}

std::optional<PrincipalKind> KindOfSecret(std::string_view secret) {
  if (secret.starts_with("sk_")) return PrincipalKind::kMerchant;
  if (secret.starts_with("ok_")) return PrincipalKind::kOperator;
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

std::string DisplayPrefix(std::string_view secret) { return std::string(secret.substr(0, 9)); }

ApiKey MakeApiKey(std::string key_id, const Principal& owner, std::string_view secret,
                  Instant now) {
  TRANCHE_ASSERT(KindOfSecret(secret) == owner.kind);
  return ApiKey{std::move(key_id), owner.kind, owner.id, HashSecret(secret),
                DisplayPrefix(secret), now, std::nullopt};
}

}  // namespace tranche::auth
