#include "assist/conversation.h"

namespace tranche::assist {

std::string_view ConversationStatusName(ConversationStatus s) {
  switch (s) {
    case ConversationStatus::kOpen: return "open";
    case ConversationStatus::kHandedOff: return "handed_off";
    case ConversationStatus::kClaimed: return "claimed";
    case ConversationStatus::kClosed: return "closed";
  }
  return "open";
}

std::optional<ConversationStatus> ParseConversationStatus(std::string_view s) {
  for (ConversationStatus c : {ConversationStatus::kOpen, ConversationStatus::kHandedOff, ConversationStatus::kClaimed,
                               ConversationStatus::kClosed}) {
    if (ConversationStatusName(c) == s) return c;
  }
  return std::nullopt;
}

}  // namespace tranche::assist
