#include "automation/queue_age.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>

#include "core/assert.h"

namespace tranche::automation {

namespace {

// At least 0: stored times come from the wall clock, which can step back between two
// of them.
std::int64_t Seconds(Instant from, Instant to) {
  return std::max<std::int64_t>(0, std::chrono::duration_cast<std::chrono::seconds>(to - from).count());
}

// The nearest-rank percentile `p` (0 < p <= 1) of sorted, non-empty `v`.
std::int64_t Percentile(const std::vector<std::int64_t>& v, double p) {
  TRANCHE_ASSERT(!v.empty() && p > 0 && p <= 1);
  const auto rank = static_cast<std::size_t>(std::ceil(p * static_cast<double>(v.size())));
  return v[std::clamp<std::size_t>(rank, 1, v.size()) - 1];
}

}  // namespace

std::vector<QueueAge> QueueAges(const std::vector<QueuedItem>& items, Instant now) {
  struct PerType {
    std::vector<std::int64_t> waits_s;
    std::int64_t waiting = 0;
    std::int64_t oldest_waiting_s = 0;
  };
  std::array<PerType, kWorkTypes> by_type;
  for (const QueuedItem& item : items) {
    PerType& t = by_type[static_cast<std::size_t>(item.type)];
    if (item.decided_at) {
      t.waits_s.push_back(Seconds(item.queued_at, *item.decided_at));
    } else {
      ++t.waiting;
      t.oldest_waiting_s = std::max(t.oldest_waiting_s, Seconds(item.queued_at, now));
    }
  }
  std::vector<QueueAge> out;
  for (WorkType type : kAllWorkTypes) {
    PerType& t = by_type[static_cast<std::size_t>(type)];
    if (t.waits_s.empty() && t.waiting == 0) continue;
    QueueAge age{type, static_cast<std::int64_t>(t.waits_s.size()), 0, 0, t.waiting, t.oldest_waiting_s};
    if (!t.waits_s.empty()) {
      std::sort(t.waits_s.begin(), t.waits_s.end());
      age.median_wait_s = Percentile(t.waits_s, 0.5);
      age.p90_wait_s = Percentile(t.waits_s, 0.9);
    }
    out.push_back(age);
  }
  return out;
}

}  // namespace tranche::automation
