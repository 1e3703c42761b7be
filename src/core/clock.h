// The clock is injected everywhere time matters, so tests and the simulator decide
// what "now" is. Domain code takes an Instant argument; the shell asks a Clock.
#pragma once

#include <atomic>

#include "core/time.h"

namespace tranche {

class Clock {
 public:
  virtual ~Clock() = default;
  virtual Instant Now() const = 0;
};

class SystemClock final : public Clock {
 public:
  Instant Now() const override;
};

// A clock that moves only when told to. Thread-safe. Time never goes backwards:
// Set() to an earlier instant is an invariant violation.
class SimulatedClock final : public Clock {
 public:
  explicit SimulatedClock(Instant start);
  Instant Now() const override;
  void Set(Instant t);
  void Advance(std::chrono::microseconds by);

 private:
  std::atomic<std::int64_t> now_us_;
};

}  // namespace tranche
