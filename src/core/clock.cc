#include "core/clock.h"

#include "core/assert.h"

namespace tranche {

Instant SystemClock::Now() const {
  return std::chrono::time_point_cast<std::chrono::microseconds>(
      std::chrono::system_clock::now());
}

SimulatedClock::SimulatedClock(Instant start) : now_us_(UnixMicros(start)) {}

Instant SimulatedClock::Now() const { return InstantFromUnixMicros(now_us_.load()); }

void SimulatedClock::Set(Instant t) {
  const std::int64_t target = UnixMicros(t);
  TRANCHE_ASSERT_MSG(target >= now_us_.load(), "simulated time cannot go backwards");
  now_us_.store(target);
}

void SimulatedClock::Advance(std::chrono::microseconds by) {
  TRANCHE_ASSERT(by.count() >= 0);
  now_us_.fetch_add(by.count());
}

Instant ShiftedClock::Now() const { return system_.Now() + std::chrono::microseconds(shift_us_.load()); }

void ShiftedClock::Advance(std::chrono::microseconds by) {
  TRANCHE_ASSERT(by.count() >= 0);
  shift_us_.fetch_add(by.count());
}

}  // namespace tranche
