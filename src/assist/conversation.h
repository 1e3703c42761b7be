// Conversations with the assistant (records; their storage port is conversation_repo.h).
// A conversation belongs to one consumer; its messages are the consumer's, the
// assistant's and, after a hand-off, the person's who took it over.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "assist/policy.h"
#include "core/time.h"

namespace tranche::assist {

// Limits on what one consumer can make the assistant do.
inline constexpr int kMaxTurnsPerConversation = 50;       // consumer messages
inline constexpr int kMaxConversationsPerDay = 20;        // per consumer, last 24 h
inline constexpr std::size_t kMaxMessagesShown = 200;     // a transcript is bounded by the turn limit
inline constexpr std::size_t kMaxOutcomeChars = 500;

// open → handed_off → claimed → closed; open → closed once resolved or abandoned is not
// tracked separately: an open conversation that never handed off was contained.
enum class ConversationStatus : std::uint8_t { kOpen, kHandedOff, kClaimed, kClosed };
std::string_view ConversationStatusName(ConversationStatus s);
std::optional<ConversationStatus> ParseConversationStatus(std::string_view s);

struct Conversation {
  std::string id;  // cnv_...
  std::string consumer_id;
  ConversationStatus status = ConversationStatus::kOpen;
  DialogueState state;
  int turns = 0;  // consumer messages so far
  std::string handoff_reason;   // HandoffReasonName, empty before a hand-off
  std::string handoff_summary;  // JSON: intent, facts gathered, what was tried
  std::string claimed_by;       // operator id
  std::string outcome;          // set on close
  Instant created_at;
  Instant updated_at;
  std::optional<Instant> handed_off_at = {};
  std::optional<Instant> closed_at = {};
};

// A tool call or refusal a message led to: type (payment, payoff, extension,
// payment_method, dispute, or the rule refused), status (proposed, done, failed,
// cancelled, refused) and details (JSON).
struct ActionRecord {
  std::string type;
  std::string status;
  std::string details;
};

struct Message {
  std::string conversation_id;
  int seq = 0;             // 1-based
  std::string role;        // consumer, assistant, agent
  std::string author;      // consumer or operator id; "assistant"
  std::string text;        // card numbers already redacted
  std::string language;    // en, sv, de
  std::string intent;      // the assistant's reading of the consumer's message it answers
  double confidence = 0;
  std::vector<ActionRecord> actions;
  bool handoff = false;    // this reply handed the conversation off
  Instant created_at;
};

// What one message got: the conversation after it, the reply, and a change stated and
// waiting for a yes.
struct Turn {
  Conversation conversation;  // after the message
  Message reply;
  std::optional<Action> pending;
};

struct Transcript {
  Conversation conversation;
  std::vector<Message> messages;
};

// What the assistant made of one consumer message (its reply's intent and confidence).
struct IntentReading {
  std::string intent;
  double confidence = 0;
};

// What the operating metrics (assist/metrics.h) need of one conversation.
struct ConversationFacts {
  std::string id;
  std::string consumer_id;
  int turns = 0;  // consumer messages
  bool handed_off = false;
  Instant created_at;
  Instant updated_at;  // the last message or change
  std::optional<Instant> handed_off_at = {};  // when it reached a person's queue
  std::optional<Instant> closed_at = {};
  std::string language;                 // of the assistant's first reply; empty before one
  std::vector<IntentReading> readings;  // the assistant's replies, in order
};

// Bound on the conversations one metrics read returns.
inline constexpr std::size_t kMaxMeasuredConversations = 20'000;

}  // namespace tranche::assist
