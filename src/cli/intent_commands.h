// `tranche train intents` and `tranche eval intents`: the assistant's intent engine on
// any CSV with a `text` column and a `label` (or `category`) column.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>

namespace tranche::cli {

// Adds `intents` under the existing `train` and `eval` subcommands of `app`
// (precondition: AddCreditCommands ran first); after parsing, `*action` runs the chosen
// one (and stays empty if neither was chosen).
void AddIntentCommands(CLI::App& app, std::function<int()>* action);

}  // namespace tranche::cli
