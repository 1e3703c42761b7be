#include "assist/llm_backend.h"

#include <spdlog/spdlog.h>

#include "core/assert.h"
#include "net/http_client.h"

namespace tranche::assist {

namespace {

// A model's answer is a few hundred tokens; more is a misbehaving server.
constexpr std::size_t kMaxModelAnswerBytes = 256 * 1024;

}  // namespace

Status ValidateLlmOptions(const LlmOptions& options) {
  if (!net::IsHttpUrl(options.url)) {
    return Status::InvalidArgument("invalid_llm_url", "the language model's URL must be http:// or https://", "llm-url");
  }
  if (options.timeout.count() <= 0 || options.timeout > kMaxLlmTimeout) {
    return Status::InvalidArgument("invalid_llm_timeout", "the language model's time-out must be 1 to 30000 ms",
                                   "llm-timeout-ms");
  }
  return Status::Ok();
}

ChatCompletionsBackend::ChatCompletionsBackend(LlmOptions options) : options_(std::move(options)) {
  TRANCHE_ASSERT(ValidateLlmOptions(options_).ok());
  endpoint_ = options_.url;
  while (!endpoint_.empty() && endpoint_.back() == '/') endpoint_.pop_back();
  endpoint_ += "/chat/completions";
}

Result<ModelProposal> ChatCompletionsBackend::Propose(const ModelContext& context) const {
  net::PostOptions post;
  // The operator chose this server, usually one on the same machine or network.
  post.allow_private = true;
  post.timeouts = {options_.timeout, options_.timeout};
  post.max_response_bytes = kMaxModelAnswerBytes;
  net::Headers headers;
  if (!options_.api_key.empty()) headers.emplace_back("Authorization", "Bearer " + options_.api_key);
  const net::HttpResponse r = net::PostJson(endpoint_, ChatCompletionsRequest(options_.model, context), headers, post);
  Result<ModelProposal> proposal =
      r.ok() ? ParseChatCompletion(r.body) : Result<ModelProposal>(Status::Unavailable("language model: " + r.error));
  if (!proposal.ok()) {
    // What went wrong, never what was said: the messages are the consumer's.
    spdlog::warn("assistant: the language model failed, the built-in understanding answers ({})",
                 proposal.status().message());
  }
  return proposal;
}

}  // namespace tranche::assist
