#include "auth/login.h"

namespace tranche::auth {

std::string GenerateCode(RandomSource& random) {
  std::string code;
  code.reserve(kCodeDigits);
  for (std::size_t i = 0; i < kCodeDigits; ++i) {
    code.push_back(static_cast<char>('0' + random.Uniform(10)));
  }
  return code;
}

SecretHash HashCode(std::string_view challenge_id, std::string_view code) {
  std::string material(challenge_id);
  material.push_back(':');
  material.append(code);
  return HashSecret(material);
}

LoginChallenge MakeChallenge(std::string id, std::string consumer_id, std::string_view code,
                             Instant now) {
  TRANCHE_ASSERT(code.size() == kCodeDigits);
  const SecretHash hash = HashCode(id, code);
  return LoginChallenge{std::move(id), std::move(consumer_id), hash, 0, now,
                        now + kLoginCodeLifetime, false};
}

CodeVerdict CheckCode(const LoginChallenge& c, std::string_view code, Instant now) {
  if (c.consumed || now >= c.expires_at) return {CodeCheck::kExpired, c};
  if (c.attempts >= kMaxCodeAttempts) return {CodeCheck::kLocked, c};
  LoginChallenge after = c;
  if (code.size() == kCodeDigits && ConstantTimeEqual(HashCode(c.id, code), c.code_hash)) {
    after.consumed = true;
    return {CodeCheck::kAccepted, after};
  }
  ++after.attempts;
  return {after.attempts >= kMaxCodeAttempts ? CodeCheck::kLocked : CodeCheck::kWrong, after};
}

}  // namespace tranche::auth
