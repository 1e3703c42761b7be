#include "sim/back_office.h"

#include <algorithm>

#include "core/assert.h"

namespace tranche::sim {

Team::Team(double minutes_per_day, double minutes_per_item)
    : minutes_per_day_(minutes_per_day), minutes_per_item_(minutes_per_item) {
  TRANCHE_ASSERT(minutes_per_day > 0 && minutes_per_day <= kMaxTeamMinutesPerDay);
  TRANCHE_ASSERT(minutes_per_item >= 0 && minutes_per_item <= kMaxMinutesPerItem);
}

std::size_t Team::WorkDay(std::size_t waiting) {
  if (waiting == 0) {
    head_done_minutes_ = 0;
    return 0;
  }
  if (minutes_per_item_ == 0) return waiting;
  double left = minutes_per_day_;
  std::size_t done = 0;
  while (done < waiting) {
    const double needed = minutes_per_item_ - head_done_minutes_;
    TRANCHE_ASSERT(needed > 0);
    if (left < needed) {
      head_done_minutes_ += left;
      return done;
    }
    left -= needed;
    head_done_minutes_ = 0;
    ++done;
  }
  return done;
}

}  // namespace tranche::sim
