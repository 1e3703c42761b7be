// The storage boundary. Domain code sees only these interfaces and the repository
// ports each module defines, one per aggregate (ledger/ledger_repo.h,
// servicing/collection_repo.h, settlement/payout_repo.h, ...), with the records they
// store defined in the module that owns them; sqlite/ implements them, one file per
// port, and a PostgreSQL store will too.
//
// Writes are units of work: a function that runs inside one transaction against a Tx.
// Store::Write returns only once the work is durable (or failed and undone), so a
// caller may acknowledge it to the outside world.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "assist/conversation_repo.h"
#include "auth/key_repo.h"
#include "checkout/order_repo.h"
#include "checkout/session_repo.h"
#include "fleet/lease_repo.h"
#include "fraud/decision_repo.h"
#include "fraud/label_repo.h"
#include "fraud/list_repo.h"
#include "fraud/review_repo.h"
#include "fraud/rules_repo.h"
#include "ledger/ledger_repo.h"
#include "lending/plan_repo.h"
#include "merchants/merchant_repo.h"
#include "notify/notification_repo.h"
#include "payments/payment_method_repo.h"
#include "recon/recon_repo.h"
#include "risk/decision_repo.h"
#include "servicing/cob_run_repo.h"
#include "servicing/collection_repo.h"
#include "servicing/consumer_refund_repo.h"
#include "servicing/contact_repo.h"
#include "servicing/dispute_repo.h"
#include "settlement/payout_repo.h"
#include "settlement/settlement_repo.h"
#include "webhooks/webhook_repo.h"

namespace tranche::store {

// A stored result of an idempotent POST (Stripe's semantics).
struct IdempotencyRecord {
  std::string principal_id;  // whose key space this is
  std::string key;
  std::array<std::uint8_t, 32> request_hash;  // method, path and body
  int status_code = 0;
  std::string response_body;
  Instant created_at;
};

class IdempotencyRepo {
 public:
  virtual ~IdempotencyRepo() = default;
  // The record created at or after `not_before`, if any (older ones have expired).
  virtual Result<std::optional<IdempotencyRecord>> Find(std::string_view principal_id,
                                                        std::string_view key,
                                                        Instant not_before) = 0;
  // Inserts, replacing an expired record under the same key. A live record under the
  // same key is a Conflict (another request won the race).
  virtual Status Insert(const IdempotencyRecord& r, Instant not_before) = 0;
  // Deletes at most `limit` records created before `cutoff`; returns how many.
  virtual Result<std::int64_t> DeleteOlderThan(Instant cutoff, std::int64_t limit) = 0;
};

// One transaction's view of every repository.
class Tx {
 public:
  virtual ~Tx() = default;
  virtual ledger::LedgerRepo& ledger() = 0;
  virtual merchants::MerchantRepo& merchants() = 0;
  virtual merchants::ConsumerRepo& consumers() = 0;
  virtual auth::KeyRepo& keys() = 0;
  virtual IdempotencyRepo& idempotency() = 0;
  virtual checkout::SessionRepo& sessions() = 0;
  virtual checkout::OrderRepo& orders() = 0;
  virtual lending::PlanRepo& plans() = 0;
  virtual risk::DecisionRepo& decisions() = 0;
  virtual notify::NotificationRepo& notifications() = 0;
  virtual webhooks::WebhookRepo& webhooks() = 0;
  virtual payments::PaymentMethodRepo& payment_methods() = 0;
  virtual servicing::CollectionRepo& collections() = 0;
  virtual servicing::ConsumerRefundRepo& consumer_refunds() = 0;
  virtual servicing::DisputeRepo& disputes() = 0;
  virtual servicing::CobRunRepo& cob_runs() = 0;
  virtual settlement::SettlementRepo& settlements() = 0;
  virtual settlement::PayoutRepo& payouts() = 0;
  virtual fraud::RulesRepo& fraud_rules() = 0;
  virtual fraud::ListRepo& fraud_lists() = 0;
  virtual fraud::DecisionRepo& fraud_decisions() = 0;
  virtual fraud::ReviewRepo& fraud_reviews() = 0;
  virtual fraud::LabelRepo& fraud_labels() = 0;
  virtual assist::ConversationRepo& conversations() = 0;
  virtual recon::ReconRepo& recon() = 0;
  virtual fleet::LeaseRepo& leases() = 0;
  virtual servicing::ContactRepo& contacts() = 0;
  // Tells the other nodes sharing this database, once this transaction commits, that
  // something they may cache changed: `topic` (a short word) and the id it concerns.
  // Nodes that listen (store/postgres/pg_listener.h) act on it; a lone node has no one
  // to tell. Dropped with the transaction when it is undone.
  virtual Status NotifyNodes(std::string_view topic, std::string_view id) = 0;
  // Runs `fn` so that its changes are undone if it fails, keeping the rest of the
  // transaction. Nested calls nest.
  virtual Status Nested(const std::function<Status()>& fn) = 0;
  // Runs `fn` as Nested does and, when it succeeds, runs the OnCommit functions it
  // registered at once rather than at the commit. So units of work batched into one
  // transaction behave as if each had committed alone: each sees what in-memory state
  // derived from committed facts (fraud's feature engine) learned from those before it,
  // at the price of one commit per batch instead of one per unit. Only for a caller
  // that alone writes and ends its run when a commit fails (the simulator): a failed
  // commit leaves that state ahead of the store. Precondition: called by a Write's
  // function itself, not inside Nested.
  virtual Status NestedAsIfCommitted(const std::function<Status()>& fn) = 0;
  // Runs `fn` once this transaction's changes are durable (a write's COMMIT returned),
  // on the thread that committed it, before the writer returns: how in-memory state
  // derived from committed facts (fraud's feature engine) follows the store exactly.
  // Dropped, never run, when the unit of work that registered it (or one enclosing it)
  // is undone, when the commit fails, and in a read. `fn` must be quick and not throw.
  virtual void OnCommit(std::function<void()> fn) = 0;
};

using TxFn = std::function<Status(Tx&)>;

inline constexpr std::size_t kBatchSizeBuckets = 12;  // 1, 2, 4, ..., 2048

struct StoreStats {
  std::uint64_t commits = 0;       // durable write transactions
  std::uint64_t jobs = 0;          // units of work committed or failed
  std::uint64_t failed_jobs = 0;   // units of work that returned an error
  std::uint64_t queue_rejections = 0;
  std::uint64_t conflict_retries = 0;  // groups run again after a conflict (PostgreSQL)
  std::uint64_t queue_depth = 0;   // units of work waiting now
  // Histogram of jobs per commit: bucket i counts commits of <= 2^i jobs.
  std::array<std::uint64_t, kBatchSizeBuckets> batch_size_buckets{};
};

class Store {
 public:
  virtual ~Store() = default;
  // Runs `fn` in a write transaction and returns once its effects are durable. When
  // `fn` fails its changes are undone and its Status returned. A full write queue
  // returns ResourceExhausted without running `fn`. Must not be called from inside
  // another Write.
  virtual Status Write(TxFn fn) = 0;
  // Runs `fn` against a consistent read snapshot; writes inside it fail.
  virtual Status Read(TxFn fn) = 0;
  virtual StoreStats Stats() const = 0;
  // A constant-time check that the database answers reads.
  virtual Status Ping() = 0;
};

}  // namespace tranche::store
