// The read use case behind `/metrics` and `tranche report assistant`: the assistant's
// operating metrics (metrics.h) over the conversations stored in a time range.
#pragma once

#include "assist/metrics.h"
#include "store/store.h"

namespace tranche::assist {

// Conversations started in [since, until), and those of the week after to tell repeat
// contacts; at most kMaxMeasuredConversations (then `truncated`). One read.
Result<AssistantMetrics> MeasureAssistant(store::Store& store, Instant since, Instant until, Instant now);

}  // namespace tranche::assist
