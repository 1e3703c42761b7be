// The OpenAI chat-completions protocol the assistant's optional language model speaks
// (llama.cpp's server, vLLM and Ollama all serve it): the request for one consumer
// message, and the reading of the answer into a ModelProposal (pure). The request
// carries only the logged-in consumer's own account and conversation; the answer is
// read strictly, so a malformed one is an error (and the built-in understanding
// answers) rather than a half-understood action.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "assist/account.h"
#include "assist/model_proposal.h"
#include "assist/understanding.h"
#include "core/status.h"

namespace tranche::assist {

inline constexpr std::size_t kMaxModelHistory = 12;  // earlier messages are not sent
inline constexpr int kModelMaxTokens = 300;

struct ModelMessage {
  bool from_consumer = true;  // else the assistant or a person
  std::string text;
};

struct ModelContext {
  Language language = Language::kEnglish;  // the reply's language
  const AccountFacts* account = nullptr;   // the logged-in consumer's own (required)
  std::vector<ModelMessage> history;       // oldest first; only the last kMaxModelHistory are sent
  std::string message;                     // the new message, card numbers redacted
};

// The JSON body of POST {base}/chat/completions for `model` (may be empty: the server's
// default model). Precondition: context.account is set.
std::string ChatCompletionsRequest(std::string_view model, const ModelContext& context);

// The proposal in a chat-completions answer: its first tool call when it made one (the
// policy states at most one change per message), else its text. Refused with
// llm_bad_answer: not JSON, no choice, an unknown tool, arguments of the wrong type or
// out of bounds, or neither text nor a call.
Result<ModelProposal> ParseChatCompletion(std::string_view body);

}  // namespace tranche::assist
