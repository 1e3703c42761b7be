// ConnectionTx: one transaction's view of every repository over one SQLite connection.
// The stores (SqliteStore, InMemoryStore) own the transaction itself (BEGIN/COMMIT);
// this class nests units of work in savepoints and keeps the ledger's balance deltas
// in step with them.
#pragma once

#include <functional>
#include <vector>

#include "store/sql/cob_run_repo.h"
#include "store/sql/collection_repo.h"
#include "store/sql/consumer_refund_repo.h"
#include "store/sql/contact_repo.h"
#include "store/sql/consumer_repo.h"
#include "store/sql/conversation_repo.h"
#include "store/sql/decision_repo.h"
#include "store/sql/dispute_repo.h"
#include "store/sql/fraud_decision_repo.h"
#include "store/sql/fraud_label_repo.h"
#include "store/sql/fraud_list_repo.h"
#include "store/sql/fraud_review_repo.h"
#include "store/sql/fraud_rules_repo.h"
#include "store/sql/idempotency_repo.h"
#include "store/sql/key_repo.h"
#include "store/sql/lease_repo.h"
#include "store/sql/ledger_repo.h"
#include "store/sql/merchant_repo.h"
#include "store/sql/notification_repo.h"
#include "store/sql/order_repo.h"
#include "store/sql/payment_method_repo.h"
#include "store/sql/payout_repo.h"
#include "store/sql/plan_repo.h"
#include "store/sql/recon_repo.h"
#include "store/sql/session_repo.h"
#include "store/sql/settlement_repo.h"
#include "store/sql/webhook_repo.h"
#include "store/store.h"

namespace tranche::store::sql {

class ConnectionTx final : public Tx {
 public:
  explicit ConnectionTx(Connection& c)
      : c_(c), ledger_(c), merchants_(c), consumers_(c), keys_(c), idempotency_(c),
        sessions_(c), orders_(c), plans_(c), decisions_(c), notifications_(c), webhooks_(c),
        payment_methods_(c), collections_(c), consumer_refunds_(c), disputes_(c), cob_runs_(c),
        settlements_(c), payouts_(c), fraud_rules_(c), fraud_lists_(c), fraud_decisions_(c),
        fraud_reviews_(c), fraud_labels_(c), conversations_(c), recon_(c), leases_(c), contacts_(c) {}
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
  payments::PaymentMethodRepo& payment_methods() override { return payment_methods_; }
  servicing::CollectionRepo& collections() override { return collections_; }
  servicing::ConsumerRefundRepo& consumer_refunds() override { return consumer_refunds_; }
  servicing::DisputeRepo& disputes() override { return disputes_; }
  servicing::CobRunRepo& cob_runs() override { return cob_runs_; }
  settlement::SettlementRepo& settlements() override { return settlements_; }
  settlement::PayoutRepo& payouts() override { return payouts_; }
  fraud::RulesRepo& fraud_rules() override { return fraud_rules_; }
  fraud::ListRepo& fraud_lists() override { return fraud_lists_; }
  fraud::DecisionRepo& fraud_decisions() override { return fraud_decisions_; }
  fraud::ReviewRepo& fraud_reviews() override { return fraud_reviews_; }
  fraud::LabelRepo& fraud_labels() override { return fraud_labels_; }
  assist::ConversationRepo& conversations() override { return conversations_; }
  recon::ReconRepo& recon() override { return recon_; }
  fleet::LeaseRepo& leases() override { return leases_; }
  servicing::ContactRepo& contacts() override { return contacts_; }
  Status NotifyNodes(std::string_view topic, std::string_view id) override;

  // Runs fn inside a savepoint: a failure (or a ledger posting that failed part-way)
  // rolls back only fn's changes.
  Status Nested(const std::function<Status()>& fn) override;
  Status NestedAsIfCommitted(const std::function<Status()>& fn) override;
  void OnCommit(std::function<void()> fn) override { on_commit_.push_back(std::move(fn)); }

  // True once the open transaction can no longer commit (see Nested). Cleared when
  // the writer starts the next transaction.
  bool broken() const { return broken_; }
  void Reset() {
    broken_ = false;
    on_commit_.clear();
  }

  // Called by the writer around COMMIT; see SqlLedgerRepo. AfterCommit runs the
  // OnCommit functions of the units of work that committed, in registration order.
  Status BeforeCommit() { return ledger_.FlushBalances(); }
  void AfterCommit();
  void AfterRollback() {
    ledger_.RolledBack();
    on_commit_.clear();
  }

 private:
  // Runs the OnCommit functions registered from index `first` on, and forgets them.
  void RunOnCommitFrom(std::size_t first);

  Connection& c_;
  SqlLedgerRepo ledger_;
  SqlMerchantRepo merchants_;
  SqlConsumerRepo consumers_;
  SqlKeyRepo keys_;
  SqlIdempotencyRepo idempotency_;
  SqlSessionRepo sessions_;
  SqlOrderRepo orders_;
  SqlPlanRepo plans_;
  SqlDecisionRepo decisions_;
  SqlNotificationRepo notifications_;
  SqlWebhookRepo webhooks_;
  SqlPaymentMethodRepo payment_methods_;
  SqlCollectionRepo collections_;
  SqlConsumerRefundRepo consumer_refunds_;
  SqlDisputeRepo disputes_;
  SqlCobRunRepo cob_runs_;
  SqlSettlementRepo settlements_;
  SqlPayoutRepo payouts_;
  SqlFraudRulesRepo fraud_rules_;
  SqlFraudListRepo fraud_lists_;
  SqlFraudDecisionRepo fraud_decisions_;
  SqlFraudReviewRepo fraud_reviews_;
  SqlFraudLabelRepo fraud_labels_;
  SqlConversationRepo conversations_;
  SqlReconRepo recon_;
  SqlLeaseRepo leases_;
  SqlContactRepo contacts_;
  int depth_ = 0;
  bool broken_ = false;
  std::vector<std::function<void()>> on_commit_;  // of the units of work not undone

  // Turns an exception from a unit of work (a bug) into a failed Status, so the
  // savepoint is still rolled back and released.
  static Status RunGuarded(const std::function<Status()>& fn);
};

}  // namespace tranche::store::sql
