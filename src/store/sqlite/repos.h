// SQLite implementations of the repository ports. Each works on one connection,
// inside whatever transaction the store has open on it.
#pragma once

#include "store/sqlite/sqlite_db.h"
#include "store/store.h"

namespace tranche::store::sqlite {

class SqliteLedgerRepo final : public ledger::LedgerRepo {
 public:
  explicit SqliteLedgerRepo(Connection& c) : c_(c) {}
  Result<std::optional<ledger::JournalEntry>> FindEntry(std::string_view entry_id) override;
  Result<std::optional<ledger::JournalEntry>> FindByPostingKey(std::string_view key) override;
  Result<std::optional<std::string>> FindReversalOf(std::string_view entry_id) override;
  Result<bool> Append(const ledger::JournalEntry& e) override;
  Result<std::optional<ledger::AccountBalance>> GetAccount(std::string_view account_id) override;
  Result<std::vector<ledger::AccountBalance>> ListAccounts() override;
  Result<std::vector<ledger::AccountBalance>> RecomputeAccounts() override;
  Result<std::vector<std::string>> FindUnbalancedEntries() override;
  Result<std::vector<ledger::AccountLine>> ListAccountLines(std::string_view account_id,
                                                            std::int64_t after_seq,
                                                            std::size_t limit) override;
  Result<std::int64_t> CountEntries() override;

 private:
  Result<std::optional<ledger::JournalEntry>> LoadEntry(Statement& stmt);
  Connection& c_;
};

class SqliteMerchantRepo final : public merchants::MerchantRepo {
 public:
  explicit SqliteMerchantRepo(Connection& c) : c_(c) {}
  Status Insert(const merchants::Merchant& m) override;
  Result<std::optional<merchants::Merchant>> Find(std::string_view id) override;
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
  Result<std::int64_t> DeleteOlderThan(Instant cutoff) override;

 private:
  Connection& c_;
};

}  // namespace tranche::store::sqlite
