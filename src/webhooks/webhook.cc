#include "webhooks/webhook.h"

#include <algorithm>

#include "auth/keys.h"
#include "core/assert.h"

namespace tranche::webhooks {

bool IsEventType(std::string_view type) {
  return std::any_of(std::begin(kEventTypes), std::end(kEventTypes), [&](const char* t) { return type == t; });
}

std::string_view DeliveryStatusName(DeliveryStatus s) {
  switch (s) {
    case DeliveryStatus::kPending: return "pending";
    case DeliveryStatus::kDelivered: return "delivered";
    case DeliveryStatus::kFailed: return "failed";
  }
  TRANCHE_ASSERT_MSG(false, "unknown delivery status");
  return "";
}

Status ValidateUrl(std::string_view url) {
  const auto bad = [](std::string message) { return Status::InvalidArgument("invalid_url", std::move(message), "url"); };
  if (url.size() > kMaxUrlChars) return bad("url is longer than 2,048 characters");
  const std::size_t scheme = url.starts_with("https://") ? 8 : url.starts_with("http://") ? 7 : 0;
  if (scheme == 0) return bad("url must start with https:// or http://");
  const std::string_view rest = url.substr(scheme);
  const std::size_t slash = rest.find('/');
  const std::string_view authority = rest.substr(0, slash);
  if (authority.empty() || authority.find_first_of("@ \t") != std::string_view::npos) return bad("url has no valid host");
  for (char c : url) {
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f) return bad("url contains spaces or control characters");
  }
  return Status::Ok();
}

Delivery AfterAttempt(Delivery d, Instant event_created_at, Instant now, bool ok, std::optional<int> status_code,
                      std::string error) {
  TRANCHE_ASSERT(d.status == DeliveryStatus::kPending);
  ++d.attempts;
  d.last_status_code = status_code;
  d.last_error = std::move(error);
  if (ok) {
    d.status = DeliveryStatus::kDelivered;
    return d;
  }
  auto delay = kFirstRetryDelay * (std::int64_t{1} << std::min(d.attempts - 1, 20));
  delay = std::min<std::chrono::seconds>(delay, kMaxRetryDelay);
  d.next_attempt_at = now + delay;
  if (d.next_attempt_at - event_created_at > kMaxDeliveryAge) d.status = DeliveryStatus::kFailed;
  return d;
}

std::string SigningSecret(const SigningKey& platform_key, std::string_view endpoint_id) {
  return "whsec_" + auth::HmacSha256Hex(platform_key, endpoint_id);
}

std::string SignatureHeader(std::string_view secret, Instant at, std::string_view body) {
  const std::string t = std::to_string(std::chrono::duration_cast<std::chrono::seconds>(at.time_since_epoch()).count());
  std::string message = t;
  message.push_back('.');
  message.append(body);
  return "t=" + t + ",v1=" +
         auth::HmacSha256Hex({reinterpret_cast<const std::uint8_t*>(secret.data()), secret.size()}, message);
}

}  // namespace tranche::webhooks
