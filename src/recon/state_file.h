// What reconciliation carries from one run to the next outside the simulator — the
// movements still awaited, the references recently matched, the ledger cursor — as a
// JSON document, for `tranche reconcile` (kept in <data_dir>/recon/state.json until the
// exceptions queue moves into the store).
#pragma once

#include <string>

#include "recon/matcher.h"
#include "recon/reconcile.h"

namespace tranche::recon {

struct CarriedState {
  MatchState match;
  LedgerCursor cursor;
  std::string last_date;  // YYYY-MM-DD of the last file reconciled; empty at first
};

std::string StateJson(const CarriedState& s);
Result<CarriedState> ParseState(std::string_view json);

}  // namespace tranche::recon
