// Storage port for collections: attempts to take money from consumers.
#pragma once

#include <optional>
#include <vector>

#include "servicing/collection.h"

namespace tranche::servicing {

// A collection that failed, and whether the plan was collected from later (an automated
// retry or the consumer's own payment): the automation scorecard's view of a failed payment.
struct FailedCollection {
  std::string id;
  Instant created_at;
  bool recovered = false;
};

// The consumer request (its Idempotency-Key) that started a consumer's payment, stored
// with the pending collection so that a retry after the node died mid-payment finds the
// collection instead of taking the payment again.
struct PaymentRequest {
  std::string consumer_id;
  std::string key;           // the Idempotency-Key, <= 255 characters
  std::string request_hash;  // hex of the request's hash: another request under the key is refused
  std::string collection_id;
  Instant recorded_at;  // wall-clock time, as idempotency records keep it
};

class CollectionRepo {
 public:
  virtual ~CollectionRepo() = default;
  // False, writing nothing, when the plan already has an autopay collection that day.
  virtual Result<bool> Insert(const Collection& c) = 0;
  virtual Status Update(const Collection& c) = 0;
  virtual Result<std::optional<Collection>> Find(std::string_view id) = 0;
  // Collections in `status` (meant for pending and unknown), in id order after
  // `after_id`; at most `limit`.
  virtual Result<std::vector<Collection>> ListInStatus(CollectionStatus status, std::string_view after_id,
                                                       std::size_t limit) = 0;
  virtual Result<std::vector<Collection>> ListOfPlan(std::string_view plan_id) = 0;
  // True when the plan has a collection still pending or unknown.
  virtual Result<bool> HasOpen(std::string_view plan_id) = 0;
  // Replaces any earlier link of the same consumer and key (one past its lifetime).
  virtual Status LinkRequest(const PaymentRequest& r) = 0;
  virtual Result<std::optional<PaymentRequest>> FindRequest(std::string_view consumer_id, std::string_view key) = 0;
  // Failed collections created in [from, to), oldest first, at most `limit`; recovered
  // when a later collection of the same plan succeeded.
  virtual Result<std::vector<FailedCollection>> ListFailed(Instant from, Instant to, std::size_t limit) = 0;
};

}  // namespace tranche::servicing
