// Storage port for the assistant's conversations and their messages.
#pragma once

#include <optional>
#include <vector>

#include "assist/conversation.h"
#include "core/status.h"

namespace tranche::assist {

class ConversationRepo {
 public:
  virtual ~ConversationRepo() = default;
  virtual Status Insert(const Conversation& c) = 0;
  virtual Status Update(const Conversation& c) = 0;
  virtual Result<std::optional<Conversation>> Find(std::string_view id) = 0;
  // How many conversations the consumer started at or after `since`.
  virtual Result<std::int64_t> CountStartedSince(std::string_view consumer_id, Instant since) = 0;
  virtual Status AppendMessage(const Message& m) = 0;
  // In order; at most `limit`.
  virtual Result<std::vector<Message>> ListMessages(std::string_view conversation_id, std::size_t limit) = 0;
  // Handed off or claimed, in id order after `after_id`; at most `limit`.
  virtual Result<std::vector<Conversation>> ListHandoffs(std::string_view after_id, std::size_t limit) = 0;
  // Conversations started in [from, to), oldest first, with the assistant's readings;
  // at most `limit` (each has at most kMaxTurnsPerConversation readings).
  virtual Result<std::vector<ConversationFacts>> ListFacts(Instant from, Instant to, std::size_t limit) = 0;
};

}  // namespace tranche::assist
