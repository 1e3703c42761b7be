// The chat use cases: a consumer starts a conversation and sends messages; operators
// work the hand-off queue. Each message runs understanding (the IntentClassifier and
// LanguageDetector interfaces), reads the consumer's own account (tools.h), asks the
// policy (policy.h), runs a change only when the policy says it was confirmed, and stores
// both messages with what was made of them.
#pragma once

#include "assist/conversation.h"
#include "assist/knowledge.h"
#include "assist/understanding.h"
#include "ops/ops.h"

namespace tranche::assist {

class Assistant {
 public:
  // `intents` and `languages` must outlive the assistant; they are shared by every
  // request (their methods are const and thread-safe).
  Assistant(ops::OpsContext ctx, const IntentClassifier& intents, const LanguageDetector& languages,
            const Knowledge& knowledge = Knowledge::Builtin())
      : ctx_(ctx), intents_(intents), languages_(languages), knowledge_(knowledge) {}

  // Refused beyond kMaxConversationsPerDay in the last 24 hours (rate_limited).
  Result<Conversation> Start(std::string_view consumer_id);
  // Precondition: text is valid UTF-8 of at most kMaxUtteranceBytes (the API checks).
  // Someone else's conversation is conversation_not_found; a closed one or one past
  // kMaxTurnsPerConversation is refused. While people have it, the message is kept for
  // them and the assistant says so.
  Result<Turn> Send(std::string_view consumer_id, std::string_view conversation_id, std::string_view text);
  Result<Transcript> Get(std::string_view consumer_id, std::string_view conversation_id);

  // Operators.
  Result<std::vector<Transcript>> ListHandoffs(std::string_view after_id, std::size_t limit);
  // One handed-off conversation (whatever became of it since) with its messages; a
  // conversation that never handed off is not the hand-off queue's and is not found.
  Result<Transcript> GetHandoff(std::string_view conversation_id);
  Result<Conversation> Claim(std::string_view operator_id, std::string_view conversation_id);
  Result<Message> ReplyAsPerson(std::string_view operator_id, std::string_view conversation_id, std::string_view text);
  Result<Conversation> Close(std::string_view operator_id, std::string_view conversation_id, std::string outcome);

 private:
  Result<Transcript> Load(store::Tx& tx, std::string_view conversation_id);

  ops::OpsContext ctx_;
  const IntentClassifier& intents_;
  const LanguageDetector& languages_;
  const Knowledge& knowledge_;
};

}  // namespace tranche::assist
