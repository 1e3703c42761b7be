// `tranche eval assistant`: the assistant's scenario evaluation on a model directory of
// `tranche train intents` (assist::LoadUnderstanding); `tranche report assistant`: its
// operating metrics over a database's conversations (assist/measure.h).
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <optional>
#include <string>

#include "assist/llm_backend.h"
#include "assist/nlu_understanding.h"
#include "core/status.h"

namespace tranche::cli {

// The assistant's understanding named by an --intent-model value: "" or "none" is none
// (the assistant is off); "auto" is the BNPL model, trained from the shipped data into
// `auto_dir` on first use; anything else is a `tranche train intents` directory.
Result<std::optional<assist::UnderstandingModels>> ChooseUnderstanding(const std::string& model,
                                                                       const std::string& auto_dir);

// What simulated consumers say to the assistant: the shipped BNPL data's held-out split,
// which the "auto" model never trains on (sim/phrasebook.h).
std::string HeldOutUtterancesCsv();

// --llm-url, --llm-model and --llm-timeout-ms on `cmd` (serve, demo, eval assistant),
// into `llm`; the key, when the server needs one, from TRANCHE_LLM_API_KEY, not the
// command line, which other users of the machine can read.
void AddLlmOptions(CLI::App* cmd, assist::LlmOptions& llm);

// Registers `eval assistant` and `report assistant` under the existing `eval` and `report`
// commands of `app` (call after AddCreditCommands); after parsing, `*action` runs one.
void AddAssistantCommands(CLI::App& app, std::function<int()>* action);

}  // namespace tranche::cli
