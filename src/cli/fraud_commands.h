// `tranche sim cards`, `eval fraud` and `train fraud`: simulating, evaluating and
// training fraud models on labelled card-transaction streams, or (`train fraud
// --from-decisions`) on the stored screenings and their labels; `fraud backtest`:
// candidate rules replayed on the stored decisions in --data-dir.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>

namespace tranche::cli {

// Registers the commands on `app`, whose `train` and `eval` subcommands must exist
// (AddCreditCommands first); after parsing, `*action` runs the chosen one.
void AddFraudCommands(CLI::App& app, std::function<int()>* action);

}  // namespace tranche::cli
