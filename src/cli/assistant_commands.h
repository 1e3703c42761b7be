// `tranche eval assistant`: the assistant's scenario evaluation on a model directory of
// `tranche train intents` (assist::LoadUnderstanding); `tranche report assistant`: its
// operating metrics over a database's conversations (assist/measure.h).
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <string>

#include "assist/llm_backend.h"

namespace tranche::cli {

// --llm-url, --llm-model and --llm-timeout-ms on `cmd` (serve, demo, eval assistant),
// into `llm`; the key, when the server needs one, from TRANCHE_LLM_API_KEY, not the
// command line, which other users of the machine can read.
void AddLlmOptions(CLI::App* cmd, assist::LlmOptions& llm);

// Registers `eval assistant` and `report assistant` under the existing `eval` and `report`
// commands of `app` (call after AddCreditCommands); after parsing, `*action` runs one.
void AddAssistantCommands(CLI::App& app, std::function<int()>* action);

}  // namespace tranche::cli
