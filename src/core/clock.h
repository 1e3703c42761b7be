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

// A clock an operator or a test may move forward (demo and simulation only).
class AdjustableClock : public Clock {
 public:
  virtual void Advance(std::chrono::microseconds by) = 0;
};

// A clock that moves only when told to. Thread-safe. Time never goes backwards:
// Set() to an earlier instant is an invariant violation.
class SimulatedClock final : public AdjustableClock {
 public:
  explicit SimulatedClock(Instant start);
  Instant Now() const override;
  void Set(Instant t);
  void Advance(std::chrono::microseconds by) override;

 private:
  std::atomic<std::int64_t> now_us_;
};

// The system clock shifted forward by however much it was advanced: the demo runs in
// real time, and an operator can jump days ahead to watch servicing happen.
class ShiftedClock final : public AdjustableClock {
 public:
  Instant Now() const override;
  void Advance(std::chrono::microseconds by) override;

 private:
  SystemClock system_;
  std::atomic<std::int64_t> shift_us_{0};
};

}  // namespace tranche
