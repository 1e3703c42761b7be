#include "api/idempotency.h"

#include <sodium.h>

namespace tranche::api {

RequestHash HashRequest(std::string_view method, std::string_view path,
                        std::string_view canonical_body) {
  crypto_hash_sha256_state st;
  crypto_hash_sha256_init(&st);
  const auto feed = [&st](std::string_view part) {
    crypto_hash_sha256_update(&st, reinterpret_cast<const unsigned char*>(part.data()),
                              part.size());
    const unsigned char separator = 0;
    crypto_hash_sha256_update(&st, &separator, 1);
  };
  feed(method);
  feed(path);
  feed(canonical_body);
  RequestHash out;
  crypto_hash_sha256_final(&st, out.data());
  return out;
}

Status ValidateIdempotencyKey(std::string_view key) {
  if (key.empty() || key.size() > kMaxIdempotencyKeyChars) {
    return Status::InvalidArgument("idempotency_key_invalid",
                                   "Idempotency-Key must be 1-255 characters", "Idempotency-Key");
  }
  for (char c : key) {
    if (c < 0x21 || c > 0x7e) {
      return Status::InvalidArgument("idempotency_key_invalid",
                                     "Idempotency-Key must be printable ASCII without spaces",
                                     "Idempotency-Key");
    }
  }
  return Status::Ok();
}

bool IsReplayable(const Status& outcome) {
  switch (outcome.category()) {
    case StatusCategory::kOk:
    case StatusCategory::kInvalidArgument:
    case StatusCategory::kNotFound:
    case StatusCategory::kBusinessRule:
    case StatusCategory::kPermissionDenied: return true;
    default: return false;
  }
}

bool InFlightKeys::TryAcquire(const std::string& scoped_key) {
  std::lock_guard lock(mu_);
  return keys_.insert(scoped_key).second;
}

void InFlightKeys::Release(const std::string& scoped_key) {
  std::lock_guard lock(mu_);
  keys_.erase(scoped_key);
}

}  // namespace tranche::api
