// Storage port for servicing: payment methods, collections, disputes and the record
// of closed business dates.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "payments/money_movement.h"
#include "servicing/dispute.h"

namespace tranche::servicing {

// Collections and consumer refunds follow the money movement state machine.
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
  Money amount;
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

// A closed business date: when it ran and what it did.
struct CobRun {
  Date business_date;
  Instant started_at;
  Instant finished_at;
  std::string report_json;
};

class ServicingRepo {
 public:
  virtual ~ServicingRepo() = default;
  // The consumer's autopay method; a default simulated card when none was set.
  virtual Result<payments::PaymentMethod> FindPaymentMethod(std::string_view consumer_id) = 0;
  virtual Status SetPaymentMethod(std::string_view consumer_id, const payments::PaymentMethod& m) = 0;

  // False, writing nothing, when the plan already has an autopay collection that day.
  virtual Result<bool> InsertCollection(const Collection& c) = 0;
  virtual Status UpdateCollection(const Collection& c) = 0;
  virtual Result<std::optional<Collection>> FindCollection(std::string_view id) = 0;
  // Collections in `status` (meant for pending and unknown), in id order after
  // `after_id`; at most `limit`.
  virtual Result<std::vector<Collection>> ListCollections(CollectionStatus status, std::string_view after_id,
                                                          std::size_t limit) = 0;
  virtual Result<std::vector<Collection>> ListCollectionsOfPlan(std::string_view plan_id) = 0;
  // True when the plan has a collection still pending or unknown.
  virtual Result<bool> HasOpenCollection(std::string_view plan_id) = 0;

  virtual Status InsertConsumerRefund(const ConsumerRefund& r) = 0;
  virtual Status UpdateConsumerRefund(const ConsumerRefund& r) = 0;
  // In `status`, in id order after `after_id`; at most `limit`.
  virtual Result<std::vector<ConsumerRefund>> ListConsumerRefunds(CollectionStatus status, std::string_view after_id,
                                                                  std::size_t limit) = 0;
  // Consumers whose refunds-payable balance exceeds their refunds pending or unknown.
  virtual Result<std::vector<OwedRefund>> ListOwedRefunds(std::size_t limit) = 0;

  virtual Status InsertDispute(const Dispute& d) = 0;
  virtual Status UpdateDispute(const Dispute& d) = 0;
  virtual Result<std::optional<Dispute>> FindDispute(std::string_view id) = 0;
  // The order's dispute that is not resolved, if any.
  virtual Result<std::optional<Dispute>> FindUnresolvedDispute(std::string_view order_id) = 0;
  // In id order after `after_id`; only the merchant's (or consumer's) when given.
  virtual Result<std::vector<Dispute>> ListDisputes(std::optional<std::string_view> merchant_id,
                                                    std::optional<std::string_view> consumer_id,
                                                    std::string_view after_id, std::size_t limit) = 0;

  virtual Result<std::optional<Date>> LastClosedDate() = 0;
  virtual Result<std::optional<CobRun>> FindRun(Date business_date) = 0;
  // Closed dates before `before_date` (YYYY-MM-DD; empty: from the latest), newest first.
  virtual Result<std::vector<CobRun>> ListRuns(std::string_view before_date, std::size_t limit) = 0;
  virtual Status InsertRun(const CobRun& r) = 0;
};

}  // namespace tranche::servicing
