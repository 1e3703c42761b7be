// Consumer login by one-time code (pure). A consumer asks for a code by email; the
// code is sent through the notification outbox and stored only as a hash. A few wrong
// guesses lock the challenge, and a correct code works once, within its lifetime.
// A successful login yields a short-lived consumer token ("lt_...").
#pragma once

#include <string>

#include "auth/keys.h"

namespace tranche::auth {

inline constexpr std::chrono::minutes kLoginCodeLifetime{10};
inline constexpr int kMaxCodeAttempts = 5;
// New codes per consumer per kLoginWindow; more are refused (429).
inline constexpr int kMaxCodesPerWindow = 5;
inline constexpr std::chrono::minutes kLoginWindow{15};
inline constexpr std::chrono::hours kConsumerTokenLifetime{1};
inline constexpr std::size_t kCodeDigits = 6;

struct LoginChallenge {
  std::string id;  // lch_...
  std::string consumer_id;
  SecretHash code_hash;
  int attempts = 0;  // wrong codes so far
  Instant created_at;
  Instant expires_at;
  bool consumed = false;
};

// Six decimal digits, uniformly drawn.
std::string GenerateCode(RandomSource& random);
// Bound to the challenge id, so equal codes of two challenges hash differently.
SecretHash HashCode(std::string_view challenge_id, std::string_view code);
LoginChallenge MakeChallenge(std::string id, std::string consumer_id, std::string_view code,
                             Instant now);

enum class CodeCheck { kAccepted, kWrong, kLocked, kExpired };
// The outcome of presenting `code` at `now`, and the challenge afterwards (a wrong
// code counts an attempt; an accepted one consumes the challenge).
struct CodeVerdict {
  CodeCheck check;
  LoginChallenge after;
};
CodeVerdict CheckCode(const LoginChallenge& c, std::string_view code, Instant now);

}  // namespace tranche::auth
