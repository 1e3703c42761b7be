#include "auth/login.h"

#include <algorithm>

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
                             std::string requested_from, Instant now) {
  TRANCHE_ASSERT(code.size() == kCodeDigits);
  TRANCHE_ASSERT(requested_from.size() <= kMaxAddressChars);
  const SecretHash hash = HashCode(id, code);
  return LoginChallenge{std::move(id), std::move(consumer_id), hash, 0, now,
                        now + kLoginCodeLifetime, false, std::move(requested_from)};
}

Instant CodeAllowedAt(const CodeHistory& h, int free_codes) {
  if (h.sent < free_codes) return Instant{};
  TRANCHE_ASSERT(h.last_sent_at.has_value());
  // 2^11 minutes is more than the window: a longer delay would change nothing.
  const int doublings = std::min(h.sent - free_codes, 11);
  return *h.last_sent_at + kFirstCodeDelay * (std::int64_t{1} << doublings);
}

bool MaySendCode(const CodeHistories& h, Instant now) {
  return now >= CodeAllowedAt(h.by_address_and_consumer, kFreeCodesPerAddressAndConsumer) &&
         now >= CodeAllowedAt(h.by_address, kFreeCodesPerAddress) &&
         now >= CodeAllowedAt(h.by_consumer, kFreeCodesPerConsumer);
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
