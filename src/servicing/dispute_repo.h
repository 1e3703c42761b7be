// Storage port for disputes.
#pragma once

#include <optional>
#include <vector>

#include "servicing/dispute.h"

namespace tranche::servicing {

class DisputeRepo {
 public:
  virtual ~DisputeRepo() = default;
  virtual Status Insert(const Dispute& d) = 0;
  virtual Status Update(const Dispute& d) = 0;
  virtual Result<std::optional<Dispute>> Find(std::string_view id) = 0;
  // The order's dispute that is not resolved, if any.
  virtual Result<std::optional<Dispute>> FindUnresolved(std::string_view order_id) = 0;
  // In id order after `after_id`; only the merchant's (or consumer's) when given.
  virtual Result<std::vector<Dispute>> List(std::optional<std::string_view> merchant_id,
                                            std::optional<std::string_view> consumer_id, std::string_view after_id,
                                            std::size_t limit) = 0;
  // Opened in [from, to), oldest first; at most `limit`.
  virtual Result<std::vector<Dispute>> ListOpened(Instant from, Instant to, std::size_t limit) = 0;
};

}  // namespace tranche::servicing
