// Reading tranche's own decision log for training the fraud model (`tranche train fraud
// --from-decisions`): the stored screenings of a window with their labels, turned into
// labelled rows by fraud/decision_training.h. Reads only.
#pragma once

#include <chrono>
#include <cstddef>

#include "core/date_range.h"
#include "fraud/decision_training.h"
#include "store/store.h"

namespace tranche::ops {

// Decisions read per transaction: each carries every feature value, and a short read
// transaction at a time keeps a running server's writes unhindered.
inline constexpr std::size_t kTrainingPageDecisions = 500;

// The decisions made in `window` (oldest first) with their labels, labelled as of `now`
// with `label_delay`; one read transaction per page of `page` decisions (a label stored
// between pages counts if its decision is read after it). Refused (too_many_decisions)
// when the window holds more than fraud::kMaxTrainingDecisions decisions.
// Preconditions: 1 <= page <= kTrainingPageDecisions; label_delay >= 0.
Result<fraud::DecisionTrainingSet> ReadTrainingDecisions(store::Store& store, const fraud::Catalogue& catalogue,
                                                         const DateRange& window, Instant now,
                                                         std::chrono::days label_delay,
                                                         std::size_t page = kTrainingPageDecisions);

}  // namespace tranche::ops
