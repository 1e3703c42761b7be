// The simulated back office: a team that gives one queue a fixed number of working
// minutes a day and works it first in, first out. How long an item waits follows from
// how much work arrives and how much time the team has, so a holiday peak or a fraud wave
// builds a backlog that the team then works down. Pure: the driver keeps the queue.
#pragma once

#include <cstddef>

namespace tranche::sim {

// Limits: a day has at most this many working minutes for one queue (a hundred people
// working eight hours), and one item takes at most this long.
inline constexpr double kMaxTeamMinutesPerDay = 100 * 8 * 60;
inline constexpr double kMaxMinutesPerItem = 10'000;

class Team {
 public:
  // Preconditions: 0 < minutes_per_day <= kMaxTeamMinutesPerDay,
  // 0 <= minutes_per_item <= kMaxMinutesPerItem (0: an item takes no time).
  Team(double minutes_per_day, double minutes_per_item);

  // Works one day on a queue of `waiting` items: how many of them, from its head, the
  // team finishes today. Time left over at the end of the day goes into the next item,
  // which is finished on a later day; time a day has after the queue is empty is lost,
  // as a person's idle hour is.
  std::size_t WorkDay(std::size_t waiting);

 private:
  double minutes_per_day_;
  double minutes_per_item_;
  double head_done_minutes_ = 0;  // already spent on the item at the head of the queue
};

}  // namespace tranche::sim
