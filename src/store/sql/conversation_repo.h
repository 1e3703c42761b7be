// The assistant's conversations and messages in SQLite: the implementation of the port
// it includes, on one connection, inside whatever transaction the store has open on it.
#pragma once

#include "assist/conversation_repo.h"
#include "store/sql/connection.h"

namespace tranche::store::sql {

class SqlConversationRepo final : public assist::ConversationRepo {
 public:
  explicit SqlConversationRepo(Connection& c) : c_(c) {}
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

}  // namespace tranche::store::sql
