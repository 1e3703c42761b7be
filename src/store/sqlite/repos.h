// SQLite implementations of the repository ports. Each works on one connection,
// inside whatever transaction the store has open on it.
#pragma once

#include <unordered_map>
#include <utility>
#include <vector>

#include "store/sqlite/sqlite_db.h"
#include "store/store.h"

namespace tranche::store::sqlite {

// On the writer connection, balance changes are written behind: Append records each
// line's delta in memory, and FlushBalances() applies them once per account just
// before COMMIT. A commit group posting a thousand captures then updates the MDR
// revenue account once, not a thousand times. Reads of balances inside the same
// transaction add the pending deltas, so they see what they would after the flush.
// Account keys are cached; keys created inside the transaction are forgotten again if
// the unit of work or the transaction that created them rolls back.
class SqliteLedgerRepo final : public ledger::LedgerRepo {
 public:
  explicit SqliteLedgerRepo(Connection& c) : c_(c) {}

  // Transaction hooks, called by the store around units of work and commits.
  struct Mark {
    std::size_t deltas;
    std::size_t new_keys;
  };
  Mark MarkPending() const { return {deltas_.size(), new_keys_.size()}; }
  void RollbackTo(const Mark& m);
  Status FlushBalances();
  void Committed();
  void RolledBack();
  // True (once) when an Append failed after writing part of an entry; the store then
  // refuses to commit the unit of work, whatever it returned.
  bool TakeTaint() { return std::exchange(tainted_, false); }

  Result<std::optional<ledger::JournalEntry>> FindEntry(std::string_view entry_id) override;
  Result<std::optional<ledger::JournalEntry>> FindByPostingKey(std::string_view key) override;
  Result<std::optional<std::string>> FindReversalOf(std::string_view entry_id) override;
  Result<bool> Append(const ledger::JournalEntry& e) override;
  Result<std::optional<ledger::AccountBalance>> GetAccount(std::string_view account_id) override;
  Result<std::vector<ledger::AccountBalance>> ListAccounts() override;
  Result<std::vector<ledger::TypeTotal>> SumByType() override;
  Result<std::vector<ledger::AccountBalance>> RecomputeAccounts() override;
  Result<std::vector<std::string>> FindUnbalancedEntries() override;
  Result<std::vector<ledger::AccountLine>> ListAccountLines(std::string_view account_id,
                                                            std::int64_t after_seq,
                                                            std::size_t limit) override;
  Result<std::int64_t> CountEntries() override;

 private:
  struct Delta {
    std::int64_t account_key;
    std::int64_t debits_minor;
    std::int64_t credits_minor;
  };
  Result<std::optional<ledger::JournalEntry>> LoadEntry(Statement& stmt);
  Result<std::int64_t> AccountKey(const ledger::AccountRef& ref, const std::string& id);
  Status InsertLines(std::int64_t seq, const std::vector<std::int64_t>& keys,
                     const ledger::JournalEntry& e);
  void AddPending(ledger::AccountBalance& b, std::int64_t account_key) const;

  Connection& c_;
  std::unordered_map<std::string, std::int64_t> account_keys_;
  std::unordered_map<std::int64_t, std::string> account_ids_;  // the inverse, for reads
  std::vector<std::string> new_keys_;  // created in the open transaction, in order
  std::vector<Delta> deltas_;          // not yet applied to ledger_accounts
  bool tainted_ = false;
};

class SqliteMerchantRepo final : public merchants::MerchantRepo {
 public:
  explicit SqliteMerchantRepo(Connection& c) : c_(c) {}
  Status Insert(const merchants::Merchant& m) override;
  Result<std::optional<merchants::Merchant>> Find(std::string_view id) override;
  Status UpdateProducts(std::string_view id, const merchants::ProductSet& products) override;
  Result<std::vector<merchants::Merchant>> List(std::string_view after_id,
                                                std::size_t limit) override;

 private:
  Connection& c_;
};

class SqliteConsumerRepo final : public merchants::ConsumerRepo {
 public:
  explicit SqliteConsumerRepo(Connection& c) : c_(c) {}
  Status Insert(const merchants::Consumer& c) override;
  Result<std::optional<merchants::Consumer>> Find(std::string_view id) override;
  Result<std::optional<merchants::Consumer>> FindByEmail(std::string_view email) override;
  Result<std::optional<Money>> FindLimit(std::string_view consumer_id, Currency currency) override;
  Status SetLimit(std::string_view consumer_id, Money limit) override;
  Result<std::vector<Money>> ListLimits(std::string_view consumer_id) override;

 private:
  Connection& c_;
};

class SqliteKeyRepo final : public auth::KeyRepo {
 public:
  explicit SqliteKeyRepo(Connection& c) : c_(c) {}
  Status InsertKey(const auth::ApiKey& key) override;
  Result<std::optional<auth::ApiKey>> FindKeyByHash(const auth::SecretHash& hash) override;
  Result<int> RevokeKeys(std::string_view principal_id, std::string_view keep_key_id,
                         Instant now) override;
  Result<std::vector<auth::ApiKey>> ListKeys(std::string_view principal_id) override;
  Status InsertOperator(const auth::Operator& op) override;
  Result<std::optional<auth::Operator>> FindOperator(std::string_view id) override;
  Result<std::optional<auth::Operator>> FindOperatorByName(std::string_view name) override;
  Status InsertChallenge(const auth::LoginChallenge& c) override;
  Result<std::optional<auth::LoginChallenge>> LatestChallenge(std::string_view consumer_id,
                                                               std::string_view address) override;
  Status UpdateChallenge(const auth::LoginChallenge& c) override;
  Result<auth::CodeHistories> ChallengesSince(std::string_view consumer_id, std::string_view address,
                                              Instant since) override;

 private:
  Connection& c_;
};

class SqliteIdempotencyRepo final : public IdempotencyRepo {
 public:
  explicit SqliteIdempotencyRepo(Connection& c) : c_(c) {}
  Result<std::optional<IdempotencyRecord>> Find(std::string_view principal_id,
                                                std::string_view key,
                                                Instant not_before) override;
  Status Insert(const IdempotencyRecord& r, Instant not_before) override;
  Result<std::int64_t> DeleteOlderThan(Instant cutoff, std::int64_t limit) override;

 private:
  Connection& c_;
};

class SqliteSessionRepo final : public checkout::SessionRepo {
 public:
  explicit SqliteSessionRepo(Connection& c) : c_(c) {}
  Status Insert(const checkout::CheckoutSession& s) override;
  Result<std::optional<checkout::CheckoutSession>> Find(std::string_view id) override;
  Result<std::optional<checkout::CheckoutSession>> FindByClientTokenHash(
      const std::array<std::uint8_t, 32>& hash) override;
  Status SetStatus(std::string_view id, checkout::SessionStatus status) override;

 private:
  Connection& c_;
};

class SqliteOrderRepo final : public checkout::OrderRepo {
 public:
  explicit SqliteOrderRepo(Connection& c) : c_(c) {}
  Status InsertAuthorization(const checkout::Authorization& a) override;
  Result<std::optional<checkout::Authorization>> FindAuthorization(std::string_view id) override;
  Status AttachOrder(std::string_view authorization_id, std::string_view order_id) override;
  Status ReleaseAuthorization(std::string_view authorization_id, Instant at) override;
  Status InsertOrder(const checkout::Order& o) override;
  Result<std::optional<checkout::Order>> FindOrder(std::string_view id) override;
  Status UpdateOrderState(const checkout::Order& o) override;
  Result<std::vector<checkout::Order>> ListOrders(std::string_view merchant_id,
                                                  std::string_view after_id,
                                                  std::size_t limit) override;
  Result<std::vector<checkout::Order>> ListExpired(Instant now, std::size_t limit) override;
  Status InsertCapture(const checkout::CaptureRecord& c) override;
  Result<std::vector<checkout::CaptureRecord>> ListCaptures(std::string_view order_id) override;
  Status InsertRefund(const checkout::RefundRecord& r) override;
  Result<std::vector<checkout::RefundRecord>> ListRefunds(std::string_view order_id) override;
  Result<Money> OpenAuthorizations(std::string_view consumer_id, Currency currency,
                                   Instant now) override;

 private:
  Connection& c_;
};

class SqlitePlanRepo final : public lending::PlanRepo {
 public:
  explicit SqlitePlanRepo(Connection& c) : c_(c) {}
  Status Insert(const lending::Plan& p) override;
  Status Update(const lending::Plan& p) override;
  Status UpdateState(const lending::Plan& p) override;
  Result<std::optional<lending::Plan>> Find(std::string_view id) override;
  Result<std::vector<lending::Plan>> ListByOrder(std::string_view order_id) override;
  Result<std::vector<lending::Plan>> ListByConsumer(std::string_view consumer_id,
                                                    std::string_view after_id,
                                                    std::size_t limit) override;
  Result<std::optional<Date>> OldestOverdue(std::string_view consumer_id, Date today) override;
  Result<std::vector<std::string>> ListToClose(Date d, Date due_by) override;
  Result<std::vector<lending::PortfolioLine>> Portfolio() override;

 private:
  Status LoadInstallments(lending::Plan& p);
  Result<std::vector<lending::Plan>> LoadAll(Statement& s);
  Connection& c_;
};

class SqliteDecisionRepo final : public risk::DecisionRepo {
 public:
  explicit SqliteDecisionRepo(Connection& c) : c_(c) {}
  Status Insert(const risk::DecisionRecord& d) override;
  Result<std::optional<risk::DecisionRecord>> Find(std::string_view id) override;
  Result<std::vector<risk::DecisionRecord>> ListByConsumer(std::string_view consumer_id, std::string_view after_id,
                                                           std::size_t limit) override;
  Result<std::vector<risk::DecisionRecord>> ListSince(Instant since, std::size_t limit) override;
  Result<Outcomes> OutcomesSince(Instant since, Date cutoff) override;

 private:
  Connection& c_;
};

class SqliteFraudRepo final : public fraud::DecisionRepo {
 public:
  explicit SqliteFraudRepo(Connection& c) : c_(c) {}
  Result<std::optional<fraud::RulesVersion>> CurrentRules() override;
  Result<std::optional<fraud::RulesVersion>> FindRules(std::int64_t version) override;
  Status InsertRules(const fraud::RulesVersion& v) override;
  Result<std::vector<fraud::RulesVersion>> ListRules(std::int64_t before, std::size_t limit) override;
  Result<std::set<std::string, std::less<>>> ListNames() override;
  Result<std::optional<fraud::FraudList>> FindList(std::string_view name) override;
  Status SaveList(const fraud::FraudList& list, const fraud::ListChange& change) override;
  Result<std::vector<fraud::ListVersion>> ListVersions(std::string_view name, std::int64_t before,
                                                       std::size_t limit) override;
  Result<fraud::ListLookups> Members(const fraud::ListLookups& asked) override;
  Result<fraud::ConsumerActivity> Activity(std::string_view consumer_id, Currency currency, Instant since) override;
  Status InsertDecision(const fraud::FraudDecision& d) override;
  Result<std::optional<fraud::FraudDecision>> FindDecision(std::string_view id) override;
  Result<std::vector<fraud::FraudDecision>> ListDecisionsSince(Instant since, std::size_t limit) override;
  Status InsertReview(const fraud::Review& r) override;
  Status UpdateReview(const fraud::Review& r) override;
  Result<std::optional<fraud::Review>> FindReview(std::string_view id) override;
  Result<std::optional<fraud::Review>> FindReviewByAuthorization(std::string_view authorization_id) override;
  Result<std::vector<fraud::Review>> ListReviews(const fraud::ReviewFilter& filter, std::string_view after_id,
                                                 std::size_t limit) override;
  Result<std::int64_t> CountPendingReviews() override;
  Status InsertLabel(const fraud::Label& l) override;
  Result<std::vector<fraud::Label>> ListLabels(std::string_view fraud_decision_id) override;

 private:
  Connection& c_;
};

class SqliteWebhookRepo final : public webhooks::WebhookRepo {
 public:
  explicit SqliteWebhookRepo(Connection& c) : c_(c) {}
  Status InsertEndpoint(const webhooks::Endpoint& e) override;
  Result<std::optional<webhooks::Endpoint>> FindEndpoint(std::string_view id) override;
  Result<std::vector<webhooks::Endpoint>> ListEndpoints(std::string_view merchant_id) override;
  Status DeleteEndpoint(std::string_view id) override;
  Result<int> Publish(const webhooks::Event& e, IdGenerator& ids) override;
  Result<std::optional<webhooks::Event>> FindEvent(std::string_view id) override;
  Result<std::vector<webhooks::Event>> ListEvents(std::string_view merchant_id, std::string_view after_id,
                                                  std::size_t limit) override;
  Status InsertDelivery(const webhooks::Delivery& d) override;
  Result<std::optional<webhooks::Delivery>> FindDelivery(std::string_view id) override;
  Result<std::vector<webhooks::Delivery>> ListDue(Instant now, std::size_t per_endpoint,
                                                  std::size_t limit) override;
  Status UpdateDelivery(const webhooks::Delivery& d) override;
  Result<std::vector<webhooks::Delivery>> ListDeliveries(std::string_view endpoint_id, std::string_view before_id,
                                                         std::size_t limit) override;

 private:
  Connection& c_;
};

class SqliteServicingRepo final : public servicing::ServicingRepo {
 public:
  explicit SqliteServicingRepo(Connection& c) : c_(c) {}
  Result<payments::PaymentMethod> FindPaymentMethod(std::string_view consumer_id) override;
  Status SetPaymentMethod(std::string_view consumer_id, const payments::PaymentMethod& m) override;
  Result<bool> InsertCollection(const servicing::Collection& c) override;
  Status UpdateCollection(const servicing::Collection& c) override;
  Result<std::optional<servicing::Collection>> FindCollection(std::string_view id) override;
  Result<std::vector<servicing::Collection>> ListCollections(servicing::CollectionStatus status,
                                                             std::string_view after_id, std::size_t limit) override;
  Result<std::vector<servicing::Collection>> ListCollectionsOfPlan(std::string_view plan_id) override;
  Result<bool> HasOpenCollection(std::string_view plan_id) override;
  Status InsertConsumerRefund(const servicing::ConsumerRefund& r) override;
  Status UpdateConsumerRefund(const servicing::ConsumerRefund& r) override;
  Result<std::vector<servicing::ConsumerRefund>> ListConsumerRefunds(servicing::CollectionStatus status,
                                                                     std::string_view after_id,
                                                                     std::size_t limit) override;
  Result<std::vector<servicing::OwedRefund>> ListOwedRefunds(std::size_t limit) override;
  Status InsertDispute(const servicing::Dispute& d) override;
  Status UpdateDispute(const servicing::Dispute& d) override;
  Result<std::optional<servicing::Dispute>> FindDispute(std::string_view id) override;
  Result<std::optional<servicing::Dispute>> FindUnresolvedDispute(std::string_view order_id) override;
  Result<std::vector<servicing::Dispute>> ListDisputes(std::optional<std::string_view> merchant_id,
                                                       std::optional<std::string_view> consumer_id,
                                                       std::string_view after_id, std::size_t limit) override;
  Result<std::optional<Date>> LastClosedDate() override;
  Result<std::optional<servicing::CobRun>> FindRun(Date business_date) override;
  Result<std::vector<servicing::CobRun>> ListRuns(std::string_view before_date, std::size_t limit) override;
  Status InsertRun(const servicing::CobRun& r) override;

 private:
  Connection& c_;
};

class SqliteSettlementRepo final : public settlement::SettlementRepo {
 public:
  explicit SqliteSettlementRepo(Connection& c) : c_(c) {}
  Result<std::vector<settlement::PayableAccount>> ListPayableAccounts() override;
  Result<std::vector<settlement::Movement>> ListMovements(const settlement::PayableAccount& a, std::int64_t after_seq,
                                                          Instant until, std::size_t limit) override;
  Result<std::optional<settlement::Settlement>> Latest(const settlement::PayableAccount& a) override;
  Status Insert(const settlement::Settlement& s) override;
  Result<std::optional<settlement::Settlement>> Find(std::string_view id) override;
  Result<std::vector<settlement::Settlement>> List(std::string_view merchant_id, std::string_view after_id,
                                                   std::size_t limit) override;
  Status InsertPayout(const settlement::Payout& p) override;
  Status UpdatePayout(const settlement::Payout& p) override;
  Result<std::optional<settlement::Payout>> FindPayout(std::string_view id) override;
  Result<std::vector<settlement::Payout>> ListPayouts(std::string_view merchant_id, std::string_view after_id,
                                                      std::size_t limit) override;
  Result<std::vector<settlement::Payout>> ListPayoutsInStatus(settlement::PayoutStatus status,
                                                              std::string_view after_id, std::size_t limit) override;

 private:
  Connection& c_;
};

class SqliteNotificationRepo final : public notify::NotificationRepo {
 public:
  explicit SqliteNotificationRepo(Connection& c) : c_(c) {}
  Status Insert(const notify::Notification& n) override;
  Result<std::vector<notify::Notification>> List(std::optional<std::string_view> consumer_id,
                                                 std::string_view after_id,
                                                 std::size_t limit) override;

 private:
  Connection& c_;
};

class SqliteConversationRepo final : public assist::ConversationRepo {
 public:
  explicit SqliteConversationRepo(Connection& c) : c_(c) {}
  Status Insert(const assist::Conversation& c) override;
  Status Update(const assist::Conversation& c) override;
  Result<std::optional<assist::Conversation>> Find(std::string_view id) override;
  Result<std::int64_t> CountStartedSince(std::string_view consumer_id, Instant since) override;
  Status AppendMessage(const assist::Message& m) override;
  Result<std::vector<assist::Message>> ListMessages(std::string_view conversation_id, std::size_t limit) override;
  Result<std::vector<assist::Conversation>> ListHandoffs(std::string_view after_id, std::size_t limit) override;
  Result<std::vector<assist::ConversationFacts>> ListFacts(Instant from, Instant to, std::size_t limit) override;

 private:
  Connection& c_;
};

}  // namespace tranche::store::sqlite
