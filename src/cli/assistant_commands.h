// `tranche eval assistant`: the assistant's scenario evaluation on a model directory of
// `tranche train intents` (assist::LoadUnderstanding).
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <string>

namespace tranche::cli {

// Registers `eval assistant` under the existing `eval` command of `app` (call after
// AddCreditCommands); after parsing, `*action` runs it.
void AddAssistantCommands(CLI::App& app, std::function<int()>* action);

}  // namespace tranche::cli
