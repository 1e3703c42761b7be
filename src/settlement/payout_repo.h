// Storage port for payouts.
#pragma once

#include <optional>
#include <vector>

#include "settlement/payout.h"

namespace tranche::settlement {

class PayoutRepo {
 public:
  virtual ~PayoutRepo() = default;
  virtual Status Insert(const Payout& p) = 0;
  virtual Status Update(const Payout& p) = 0;
  virtual Result<std::optional<Payout>> Find(std::string_view id) = 0;
  // The merchant's payouts in id order after `after_id`; at most `limit`.
  virtual Result<std::vector<Payout>> ListOfMerchant(std::string_view merchant_id, std::string_view after_id,
                                                     std::size_t limit) = 0;
  // Payouts in `status` (meant for pending and unknown), in id order after `after_id`;
  // at most `limit`.
  virtual Result<std::vector<Payout>> ListInStatus(PayoutStatus status, std::string_view after_id,
                                                   std::size_t limit) = 0;
};

}  // namespace tranche::settlement
