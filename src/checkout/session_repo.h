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
};

}  // namespace tranche::checkout
