// Per-call latency for Google Benchmark programs that time each call themselves: the
// distribution as counters beside the benchmark's mean.
#pragma once

#include <benchmark/benchmark.h>

#include <algorithm>
#include <vector>

namespace tranche::bench {

// Sorts `us` (one duration per call, in microseconds) and sets the counters p50_us,
// p99_us and max_us. Precondition: at least one call was timed.
inline void ReportLatencyCounters(benchmark::State& state, std::vector<double>& us) {
  std::sort(us.begin(), us.end());
  const auto at = [&](double q) {
    return us[std::min(us.size() - 1, static_cast<std::size_t>(q * static_cast<double>(us.size())))];
  };
  state.counters["p50_us"] = at(0.50);
  state.counters["p99_us"] = at(0.99);
  state.counters["max_us"] = us.back();
}

}  // namespace tranche::bench
