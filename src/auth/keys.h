// API secrets: generation, hashing, comparison.
//
// A secret is shown once, when it is made; the store keeps only its SHA-256. Secrets
// carry 192 random bits, so a fast hash is the right tool (a password hash would only
// slow every request down without adding safety).
#pragma once

#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/random.h"
#include "core/status.h"
#include "core/time.h"

namespace tranche::auth {

// Who is calling. Merchants and operators hold long-lived keys (sk_, ok_); a consumer
// holds a short-lived login token (lt_); the consumer's browser during checkout holds
// the session's client token (ct_), whose principal is the session itself.
enum class PrincipalKind : std::uint8_t { kMerchant, kOperator, kConsumer, kCheckoutClient };

std::string_view PrincipalKindName(PrincipalKind k);
std::optional<PrincipalKind> ParsePrincipalKind(std::string_view name);

struct Principal {
  PrincipalKind kind;
  std::string id;  // mer_..., opr_..., con_... or cs_...
};

using SecretHash = std::array<std::uint8_t, 32>;

struct Operator {
  std::string id;  // opr_...
  std::string name;
  Instant created_at;
};

struct ApiKey {
  std::string id;            // key_...
  PrincipalKind kind;
  std::string principal_id;
  SecretHash secret_hash;
  std::string display_prefix;  // the first characters, for telling keys apart in lists
  Instant created_at;
  std::optional<Instant> revoked_at;
  std::optional<Instant> expires_at;  // consumer tokens only
};

inline constexpr std::size_t kMaxSecretChars = 128;

// `prefix` followed by 48 hex characters (192 random bits).
std::string GenerateToken(std::string_view prefix, RandomSource& random);
// The token of a kind: "sk_" (merchant), "ok_" (operator), "lt_" (consumer) or
// "ct_" (checkout client).
std::string GenerateSecret(PrincipalKind kind, RandomSource& random);
std::optional<PrincipalKind> KindOfSecret(std::string_view secret);
SecretHash HashSecret(std::string_view secret);
bool ConstantTimeEqual(const SecretHash& a, const SecretHash& b);
std::string DisplayPrefix(std::string_view secret);

// Hex HMAC-SHA256 of `message` under `key`: secrets derived from the platform key
// (webhook signing secrets, checkout client tokens) and webhook signatures.
std::string HmacSha256Hex(std::span<const std::uint8_t> key, std::string_view message);

// The platform's secret key (32 random bytes in the data directory).
using PlatformKey = std::array<std::uint8_t, 32>;
// A checkout session's client token: "ct_" + 48 hex characters (192 bits) of
// HMAC-SHA256(platform key, "checkout_client:" + session id). Derived, not drawn, so
// the server can give it again — to an idempotent replay of the session's creation —
// while storing only its hash.
std::string DeriveClientToken(const PlatformKey& key, std::string_view session_id);

// A new key record for a freshly generated secret.
ApiKey MakeApiKey(std::string key_id, const Principal& owner, std::string_view secret, Instant now);

}  // namespace tranche::auth
