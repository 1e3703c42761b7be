// Storage port for consumer refunds: money owed back to consumers and sent to them.
#pragma once

#include <vector>

#include "servicing/collection.h"

namespace tranche::servicing {

class ConsumerRefundRepo {
 public:
  virtual ~ConsumerRefundRepo() = default;
  virtual Status Insert(const ConsumerRefund& r) = 0;
  virtual Status Update(const ConsumerRefund& r) = 0;
  // In `status`, in id order after `after_id`; at most `limit`.
  virtual Result<std::vector<ConsumerRefund>> ListInStatus(CollectionStatus status, std::string_view after_id,
                                                           std::size_t limit) = 0;
  // Consumers whose refunds-payable balance exceeds their refunds pending or unknown.
  virtual Result<std::vector<OwedRefund>> ListOwed(std::size_t limit) = 0;
};

}  // namespace tranche::servicing
