// What reconciliation carries from one day's file to the next — the movements still
// awaited, the references recently matched, where it stopped reading the ledger — as a
// JSON document the store keeps (ReconRepo::LoadState/SaveState). Which date was
// reconciled last is the store's newest run (recon_runs), not part of it. The simulator's
// in-process days carry the same state.
#pragma once

#include <map>
#include <string>

#include "recon/matcher.h"

namespace tranche::recon {

// Where the last run stopped reading each cash account (its last ledger seq).
using LedgerCursor = std::map<std::string, std::int64_t>;

struct CarriedState {
  MatchState match;
  LedgerCursor cursor;
};

std::string StateJson(const CarriedState& s);
Result<CarriedState> ParseState(std::string_view json);

}  // namespace tranche::recon
