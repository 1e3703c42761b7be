// API keys, operators and login challenges in SQLite: the implementation of the port it
// includes, on one connection, inside whatever transaction the store has open on it.
#pragma once

#include "auth/key_repo.h"
#include "store/sql/connection.h"

namespace tranche::store::sql {

class SqlKeyRepo final : public auth::KeyRepo {
 public:
  explicit SqlKeyRepo(Connection& c) : c_(c) {}
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

}  // namespace tranche::store::sql
