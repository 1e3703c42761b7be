// The assistant's optional language model: a port (ModelBackend) the chat use case asks
// for a proposal on each message, and its adapter for any OpenAI-compatible
// chat-completions server (llama.cpp's server, vLLM, Ollama). The built-in
// understanding stays the default, and answers whenever the model fails, is slow or
// says something the protocol does not allow (llm_protocol.h).
#pragma once

#include <chrono>
#include <string>

#include "assist/llm_protocol.h"

namespace tranche::assist {

class ModelBackend {
 public:
  virtual ~ModelBackend() = default;
  // Thread-safe. An error means: answer without the model.
  virtual Result<ModelProposal> Propose(const ModelContext& context) const = 0;
};

struct LlmOptions {
  // The server's OpenAI base URL, e.g. http://127.0.0.1:8080/v1; requests go to
  // {url}/chat/completions. Empty: no language model.
  std::string url;
  std::string model = {};    // the model to ask for; empty: the server's default
  std::string api_key = {};  // sent as a bearer token when set
  // How long connecting may take, and then the answer: past either, the built-in
  // understanding answers (so a message waits at most twice this for the model).
  std::chrono::milliseconds timeout{4000};
};
inline constexpr std::chrono::milliseconds kMaxLlmTimeout{30'000};

// Whether `options` can be used: an http:// or https:// URL and a time-out in
// (0, kMaxLlmTimeout]. Checked at start-up.
Status ValidateLlmOptions(const LlmOptions& options);

class ChatCompletionsBackend final : public ModelBackend {
 public:
  // Precondition: ValidateLlmOptions(options) is ok.
  explicit ChatCompletionsBackend(LlmOptions options);
  Result<ModelProposal> Propose(const ModelContext& context) const override;

 private:
  LlmOptions options_;
  std::string endpoint_;
};

}  // namespace tranche::assist
