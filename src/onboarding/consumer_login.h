// Consumer login by one-time code (see auth/login.h for the rules). Each function
// runs inside the caller's write transaction.
#pragma once

#include "core/ids.h"
#include "store/store.h"

namespace tranche::onboarding {

// Where a login request comes from: the client address the server sees. Codes are
// limited by it (auth/login.h), and a code is checked only against the challenge
// requested from the same address.
struct LoginRequest {
  std::string_view email;  // normalised
  std::string_view address;
};

// Sends a code to a registered consumer through the notification outbox. Unknown
// emails and requests over a limit get nothing, and the caller learns neither
// (returns whether a code was sent, for tests and logs only).
Result<bool> StartConsumerLogin(store::Tx& tx, IdGenerator& ids, RandomSource& random,
                                const LoginRequest& r, Instant now);

struct ConsumerToken {
  std::string consumer_id;
  std::string token;  // lt_...; shown once, stored as a hash
  Instant expires_at;
};

// Checks `code` against the consumer's latest challenge from the same address. Wrong codes are counted even
// though the request fails, so the refusal is returned as a value for the caller to
// commit: `refusal` is set (Unauthenticated, or ResourceExhausted once locked) and
// `token` empty, or the reverse.
struct LoginVerdict {
  std::optional<ConsumerToken> token;
  Status refusal;
};
Result<LoginVerdict> VerifyConsumerLogin(store::Tx& tx, IdGenerator& ids, RandomSource& secrets,
                                         const LoginRequest& r, std::string_view code, Instant now);

}  // namespace tranche::onboarding
