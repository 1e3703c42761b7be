// `tranche train credit`, `eval credit`, `score credit` and `model show`: the credit
// model workflow for data scientists, on any labelled CSV.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>

namespace tranche::cli {

// Registers the commands on `app`; after parsing, `*action` runs the chosen one (and
// stays empty if none of them was chosen).
void AddCreditCommands(CLI::App& app, std::function<int()>* action);

}  // namespace tranche::cli
