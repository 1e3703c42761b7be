// `tranche simulate`, `tranche report automation` and `tranche reconcile`: a synthetic
// BNPL business run through the real engine (src/sim), the automation scorecard of a
// run, and reconciling a processor's settlement file against a data directory's ledger
// (src/recon).
#pragma once

#include <CLI/CLI.hpp>
#include <functional>

#include "assist/nlu_understanding.h"
#include "core/status.h"
#include "store/store.h"

namespace tranche::cli {

// Registers the commands on `app`; after parsing, `*action` runs the chosen one (and
// stays empty if none of them was chosen).
void AddSimCommands(CLI::App& app, std::function<int()>* action);

// "90d" or "90" → 90; refuses anything else and more than 3,650 days.
Result<int> ParseHistoryDays(const std::string& text);

// The demo's history: a small simulated business over the `days` before yesterday,
// written into `store` (the demo's own world is left as it is). With `understanding`,
// its customers' contacts go to the assistant, leaving conversations and hand-offs.
Status SimulateDemoHistory(store::Store& store, int days, Date today,
                           const assist::UnderstandingModels* understanding);

}  // namespace tranche::cli
