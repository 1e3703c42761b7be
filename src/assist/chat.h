// The chat use cases: a consumer starts a conversation and sends messages; operators
// work the hand-off queue. Each message runs understanding (the IntentClassifier and
// LanguageDetector interfaces), reads the consumer's own account (tools.h), asks the
// policy (policy.h), runs a change only when the policy says it was confirmed, and stores
// both messages with what was made of them.
#pragma once

#include <atomic>
#include <cstdint>

#include "assist/conversation.h"
#include "assist/knowledge.h"
#include "assist/llm_backend.h"
#include "assist/understanding.h"
#include "ops/ops.h"

namespace tranche::assist {

class Assistant {
 public:
  // `intents`, `languages` and `model` must outlive the assistant; they are shared by
  // every request (their methods are const and thread-safe). `model`, when given, is
  // asked for a proposal on each message the policy may leave to it (policy.h Decide);
  // the built-in understanding answers when it fails.
  Assistant(ops::OpsContext ctx, const IntentClassifier& intents, const LanguageDetector& languages,
            const ModelBackend* model = nullptr, const Knowledge& knowledge = Knowledge::Builtin())
      : ctx_(ctx), intents_(intents), languages_(languages), model_(model), knowledge_(knowledge) {}

  // Refused beyond kMaxConversationsPerDay in the last 24 hours (rate_limited).
  Result<Conversation> Start(std::string_view consumer_id);
  // Precondition: text is valid UTF-8 of at most kMaxUtteranceBytes (the API checks).
  // Someone else's conversation is conversation_not_found; a closed one or one past
  // kMaxTurnsPerConversation is refused. While people have it, the message is kept for
  // them and the assistant says so.
  Result<Turn> Send(std::string_view consumer_id, std::string_view conversation_id, std::string_view text);
  Result<Transcript> Get(std::string_view consumer_id, std::string_view conversation_id);

  // How the language model fared since start: proposals it made, and messages the
  // built-in understanding answered because it failed. Nothing without a model.
  std::optional<ModelCalls> model_calls() const;

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
  // The steps of Send after loading. DecideTurn: the policy's decision on `text` (pure
  // but for the classifiers and a model's proposal). RunTheChange: runs the confirmed
  // change, if any, filling in its outcome as the reply and reloading `account`; returns
  // the actions to record. RecordTurn: both messages and the new state, one unit of work.
  Decision DecideTurn(const Transcript& t, const AccountFacts& account, std::string_view text) const;
  Result<std::vector<ActionRecord>> RunTheChange(std::string_view consumer_id, Instant now, Conversation& c,
                                                 Decision& d, AccountFacts& account);
  Result<Turn> RecordTurn(std::string_view consumer_id, Instant now, const Conversation& c, const Decision& d,
                          const AccountFacts& account, std::vector<ActionRecord> actions, std::string_view text);
  // What the language model proposes for `text`, when there is one and the policy leaves
  // the message room for it (not past its guards, not the yes or no to a stated change).
  std::optional<ModelProposal> AskModel(const Transcript& t, const AccountFacts& account, const Understanding& u,
                                        std::string_view text) const;

  ops::OpsContext ctx_;
  const IntentClassifier& intents_;
  const LanguageDetector& languages_;
  const ModelBackend* model_;
  const Knowledge& knowledge_;
  mutable std::atomic<std::uint64_t> model_used_{0};
  mutable std::atomic<std::uint64_t> model_failed_{0};
};

}  // namespace tranche::assist
