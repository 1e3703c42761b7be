// Consumer login by one-time code (see auth/login.h for the rules). Each function
// runs inside the caller's write transaction.
#pragma once

#include "core/ids.h"
#include "store/store.h"

namespace tranche::onboarding {

// Sends a code to a registered consumer through the notification outbox. Unknown
// addresses and consumers over the rate limit get nothing, and the caller learns
// neither (returns whether a code was sent, for tests and logs only).
Result<bool> StartConsumerLogin(store::Tx& tx, IdGenerator& ids, RandomSource& random,
                                std::string_view email, Instant now);

struct ConsumerToken {
  std::string consumer_id;
  std::string token;  // lt_...; shown once, stored as a hash
  Instant expires_at;
};

// Checks `code` against the consumer's latest challenge. Wrong codes are counted even
// though the request fails, so the refusal is returned as a value for the caller to
// commit: `refusal` is set (Unauthenticated, or ResourceExhausted once locked) and
// `token` empty, or the reverse.
struct LoginVerdict {
  std::optional<ConsumerToken> token;
  Status refusal;
};
Result<LoginVerdict> VerifyConsumerLogin(store::Tx& tx, IdGenerator& ids, RandomSource& secrets,
                                         std::string_view email, std::string_view code, Instant now);

}  // namespace tranche::onboarding
