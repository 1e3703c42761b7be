// Collections (records): attempts to take money from a consumer, and money owed back
// to a consumer sent to their payment method. Both follow the money movement state
// machine (payments/money_movement.h).
#pragma once

#include <optional>
#include <string>

#include "payments/money_movement.h"

namespace tranche::servicing {

using CollectionStatus = payments::MovementState;
inline constexpr CollectionStatus kAllCollectionStatuses[] = {
    CollectionStatus::kPending, CollectionStatus::kSucceeded, CollectionStatus::kFailed, CollectionStatus::kUnknown};
inline std::string_view CollectionStatusName(CollectionStatus s) { return payments::MovementStateName(s); }

// One attempt to take money from a consumer: autopay from the daily job, or a payment
// the consumer makes. Written as pending before the processor is asked, so a crash in
// between leaves a record to resolve rather than a lost result.
struct Collection {
  std::string id;  // col_...
  std::string plan_id;
  std::string consumer_id;
  std::string source;  // "autopay" or "consumer"
  Date business_date;
  int attempt = 0;     // autopay: 1 on the due date, 2 and 3 on the retries; consumer: 0
  Money amount;         // in the plan's currency
  bool payoff = false;  // a payoff: scheduled interest beyond interest to date is waived
  payments::PaymentMethod method;  // as used, so resolving repeats the same request
  CollectionStatus status = CollectionStatus::kPending;
  std::string failure_code;
  std::string processor_ref;
  Instant created_at;
  std::optional<Instant> resolved_at = {};
};

// Money owed back to a consumer (a refund beyond what their plan owed, or a payment
// that arrived after the plan was paid) sent to their payment method.
struct ConsumerRefund {
  std::string id;  // crf_...
  std::string consumer_id;
  Money amount;
  payments::PaymentMethod method;
  CollectionStatus status = CollectionStatus::kPending;
  std::string processor_ref;
  Instant created_at;
  std::optional<Instant> resolved_at = {};
};

// What the ledger says a consumer is owed, less refunds to them still in flight.
struct OwedRefund {
  std::string consumer_id;
  Money amount;
};

}  // namespace tranche::servicing
