// `tranche export` and `tranche import`: moving a SQLite database into PostgreSQL
// (store/sqlite/export.h, store/postgres/import.h). `tranche ledger verify` on both
// sides shows the books agree.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>

namespace tranche::cli {

// Registers the commands on `app`; after parsing, `*action` runs the chosen one.
void AddStoreCommands(CLI::App& app, std::function<int()>* action);

}  // namespace tranche::cli
