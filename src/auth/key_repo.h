// Storage port for operators, API keys and login challenges.
#pragma once

#include <optional>
#include <vector>

#include "auth/keys.h"
#include "auth/login.h"

namespace tranche::auth {

class KeyRepo {
 public:
  virtual ~KeyRepo() = default;
  virtual Status InsertKey(const ApiKey& key) = 0;
  // The key with this hash, revoked or not.
  virtual Result<std::optional<ApiKey>> FindKeyByHash(const SecretHash& hash) = 0;
  // Revokes every active key of `principal_id` except `keep_key_id`; returns how many.
  virtual Result<int> RevokeKeys(std::string_view principal_id, std::string_view keep_key_id,
                                 Instant now) = 0;
  virtual Result<std::vector<ApiKey>> ListKeys(std::string_view principal_id) = 0;
  virtual Status InsertOperator(const Operator& op) = 0;
  virtual Result<std::optional<Operator>> FindOperator(std::string_view id) = 0;
  virtual Result<std::optional<Operator>> FindOperatorByName(std::string_view name) = 0;

  virtual Status InsertChallenge(const LoginChallenge& c) = 0;
  // The consumer's most recent challenge requested from `address`: the only one a code
  // presented from there is checked against.
  virtual Result<std::optional<LoginChallenge>> LatestChallenge(std::string_view consumer_id,
                                                               std::string_view address) = 0;
  // Stores attempts and consumed.
  virtual Status UpdateChallenge(const LoginChallenge& c) = 0;
  // The challenges created at or after `since` for each limit's key (login.h).
  virtual Result<CodeHistories> ChallengesSince(std::string_view consumer_id, std::string_view address,
                                                Instant since) = 0;
};

}  // namespace tranche::auth
