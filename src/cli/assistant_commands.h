// `tranche eval assistant`: the assistant's scenario evaluation on a model directory of
// `tranche train intents` (assist::LoadUnderstanding); `tranche report assistant`: its
// operating metrics over a database's conversations (assist/measure.h).
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <string>

namespace tranche::cli {

// Registers `eval assistant` and `report assistant` under the existing `eval` and `report`
// commands of `app` (call after AddCreditCommands); after parsing, `*action` runs one.
void AddAssistantCommands(CLI::App& app, std::function<int()>* action);

}  // namespace tranche::cli
