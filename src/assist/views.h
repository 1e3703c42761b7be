// The assistant's wire format, rendered in one place for the API and the eval harness's
// transcripts: conversations, messages, a turn's answer and the hand-off queue.
#pragma once

#include <nlohmann/json.hpp>

#include "assist/chat.h"

namespace tranche::assist {

nlohmann::json MessageJson(const Message& m);
// {id, object, status, language, turns, created_at, handoff, messages?}
nlohmann::json ConversationJson(const Conversation& c);
nlohmann::json TranscriptJson(const Transcript& t);
// {reply, language, intent, actions:[{type,status,details}], pending_confirmation, handoff}
nlohmann::json TurnJson(const Turn& t);
// A queue entry: the conversation, its summary and its transcript.
nlohmann::json HandoffJson(const Transcript& t);

}  // namespace tranche::assist
