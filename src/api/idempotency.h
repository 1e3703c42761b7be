// Idempotency-Key with Stripe's semantics:
//  - the first request's result is stored with the key and replayed for 24 h;
//  - the same key with different parameters is refused (400 idempotency_error);
//  - a request whose key is still being processed gets 409.
// The result is stored in the same transaction as the change it reports, so a crash
// can never leave a change without its result, nor a result without its change.
#pragma once

#include <array>
#include <chrono>
#include <mutex>
#include <string>
#include <unordered_set>

#include "core/status.h"

namespace tranche::api {

inline constexpr std::chrono::hours kIdempotencyLifetime{24};
inline constexpr std::size_t kMaxIdempotencyKeyChars = 255;

using RequestHash = std::array<std::uint8_t, 32>;

// SHA-256 over method, path and the canonical JSON of the body, so formatting and key
// order do not make the same parameters look different.
RequestHash HashRequest(std::string_view method, std::string_view path,
                        std::string_view canonical_body);

Status ValidateIdempotencyKey(std::string_view key);

// Whether a handler's outcome is final and therefore stored for replay. Transient
// failures (conflicts, rate limits, server errors) are not: a retry may succeed.
bool IsReplayable(const Status& outcome);

// Keys being processed on this node right now. Across nodes the primary key of the
// stored record catches the same race at commit time.
class InFlightKeys {
 public:
  bool TryAcquire(const std::string& scoped_key);
  void Release(const std::string& scoped_key);

 private:
  std::mutex mu_;
  std::unordered_set<std::string> keys_;
};

}  // namespace tranche::api
