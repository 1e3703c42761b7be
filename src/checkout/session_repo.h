// Storage port for checkout sessions.
#pragma once

#include <optional>

#include "checkout/session.h"

namespace tranche::checkout {

class SessionRepo {
 public:
  virtual ~SessionRepo() = default;
  virtual Status Insert(const CheckoutSession& s) = 0;
  virtual Result<std::optional<CheckoutSession>> Find(std::string_view id) = 0;
  // The session whose client token has this SHA-256, whatever its status.
  virtual Result<std::optional<CheckoutSession>> FindByClientTokenHash(
      const std::array<std::uint8_t, 32>& hash) = 0;
  virtual Status SetStatus(std::string_view id, SessionStatus status) = 0;
};

}  // namespace tranche::checkout
