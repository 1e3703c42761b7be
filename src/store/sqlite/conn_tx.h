// ConnectionTx: one transaction's view of every repository over one SQLite connection.
// The stores (SqliteStore, InMemoryStore) own the transaction itself (BEGIN/COMMIT);
// this class nests units of work in savepoints and keeps the ledger's balance deltas
// in step with them.
#pragma once

#include <functional>
#include <vector>

#include "store/sqlite/repos.h"
#include "store/store.h"

namespace tranche::store::sqlite {

class ConnectionTx final : public Tx {
 public:
  explicit ConnectionTx(Connection& c)
      : c_(c), ledger_(c), merchants_(c), consumers_(c), keys_(c), idempotency_(c),
        sessions_(c), orders_(c), plans_(c), decisions_(c), notifications_(c), webhooks_(c),
        servicing_(c), settlements_(c), fraud_(c), conversations_(c) {}
  ledger::LedgerRepo& ledger() override { return ledger_; }
  merchants::MerchantRepo& merchants() override { return merchants_; }
  merchants::ConsumerRepo& consumers() override { return consumers_; }
  auth::KeyRepo& keys() override { return keys_; }
  IdempotencyRepo& idempotency() override { return idempotency_; }
  checkout::SessionRepo& sessions() override { return sessions_; }
  checkout::OrderRepo& orders() override { return orders_; }
  lending::PlanRepo& plans() override { return plans_; }
  risk::DecisionRepo& decisions() override { return decisions_; }
  notify::NotificationRepo& notifications() override { return notifications_; }
  webhooks::WebhookRepo& webhooks() override { return webhooks_; }
  servicing::ServicingRepo& servicing() override { return servicing_; }
  settlement::SettlementRepo& settlements() override { return settlements_; }
  fraud::DecisionRepo& fraud_decisions() override { return fraud_; }
  assist::ConversationRepo& conversations() override { return conversations_; }

  // Runs fn inside a savepoint: a failure (or a ledger posting that failed part-way)
  // rolls back only fn's changes.
  Status Nested(const std::function<Status()>& fn) override;
  void OnCommit(std::function<void()> fn) override { on_commit_.push_back(std::move(fn)); }

  // True once the open transaction can no longer commit (see Nested). Cleared when
  // the writer starts the next transaction.
  bool broken() const { return broken_; }
  void Reset() {
    broken_ = false;
    on_commit_.clear();
  }

  // Called by the writer around COMMIT; see SqliteLedgerRepo. AfterCommit runs the
  // OnCommit functions of the units of work that committed, in registration order.
  Status BeforeCommit() { return ledger_.FlushBalances(); }
  void AfterCommit();
  void AfterRollback() {
    ledger_.RolledBack();
    on_commit_.clear();
  }

 private:
  Connection& c_;
  SqliteLedgerRepo ledger_;
  SqliteMerchantRepo merchants_;
  SqliteConsumerRepo consumers_;
  SqliteKeyRepo keys_;
  SqliteIdempotencyRepo idempotency_;
  SqliteSessionRepo sessions_;
  SqliteOrderRepo orders_;
  SqlitePlanRepo plans_;
  SqliteDecisionRepo decisions_;
  SqliteNotificationRepo notifications_;
  SqliteWebhookRepo webhooks_;
  SqliteServicingRepo servicing_;
  SqliteSettlementRepo settlements_;
  SqliteFraudRepo fraud_;
  SqliteConversationRepo conversations_;
  int depth_ = 0;
  bool broken_ = false;
  std::vector<std::function<void()>> on_commit_;  // of the units of work not undone

  // Turns an exception from a unit of work (a bug) into a failed Status, so the
  // savepoint is still rolled back and released.
  static Status RunGuarded(const std::function<Status()>& fn);
};

}  // namespace tranche::store::sqlite
