// How long the work handed to people waited for them: per work type, from the moment an
// item reached a person's queue to a person's decision, and how long the items still in
// the queue have waited so far. Pure; GET /v1/admin/automation reports it for the
// stored work of a range (ops/automation.h).
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "automation/work.h"
#include "core/time.h"

namespace tranche::automation {

struct QueuedItem {
  WorkType type = WorkType::kFraudReview;
  Instant queued_at;
  std::optional<Instant> decided_at;  // none while it waits
};

struct QueueAge {
  WorkType type = WorkType::kFraudReview;
  std::int64_t decided = 0;
  std::int64_t median_wait_s = 0;  // of the decided items; 0 when none
  std::int64_t p90_wait_s = 0;
  std::int64_t waiting = 0;
  std::int64_t oldest_waiting_s = 0;  // at `now`; 0 when none waits
};

// One entry per type that has an item, in kAllWorkTypes order; percentiles by the
// nearest rank. A wait that comes out negative (a wall clock stepped back between the
// two stored times) counts as 0.
std::vector<QueueAge> QueueAges(const std::vector<QueuedItem>& items, Instant now);

}  // namespace tranche::automation
