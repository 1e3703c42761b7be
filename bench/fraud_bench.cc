// Fraud's per-event cost and replay throughput.
//
//   BM_FeatureUpdateAndScore: one authorization's fraud work in process — the feature
//     engine computes the event's features, the model scores them (with or without the
//     TreeSHAP reasons), and the event is recorded. The engine holds the history of a
//     simulated card stream (2,000 customers, 4,000 terminals, 60 days); the events are
//     the stream's next days. Counters: p50_us, p99_us, max_us per event.
//   BM_ReplayThroughput: replaying that stream (features of every transaction, labels
//     delivered after the 7-day delay); counter tx_per_min.
//
// The model is trained here on the stream's first weeks (a few seconds).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>

#include "fraud/cards_sim.h"
#include "fraud/features_replay.h"
#include "fraud/model.h"
#include "fraud/stream_training.h"

namespace {

using namespace tranche;  // NOLINT: a benchmark program
using fraud::FeatureEngine;

constexpr std::int64_t kDay = 86'400;
constexpr std::int64_t kDelay = 7 * kDay;

const std::vector<fraud::StreamTransaction>& Stream() {
  static const auto* s = [] {
    fraud::CardSimOptions o;
    o.customers = 2'000;
    o.terminals = 4'000;
    o.days = 60;
    o.seed = 42;
    return new std::vector<fraud::StreamTransaction>(fraud::StreamOf(fraud::SimulateCards(o)));
  }();
  return *s;
}

const fraud::FraudModel& Model() {
  static const auto* m = [] {
    const auto& s = Stream();
    fraud::StreamTraining window;
    window.from_s = s.front().time_s + 30 * kDay;
    window.until_s = window.from_s + 7 * kDay;
    window.label_delay_s = kDelay;
    auto trained = fraud::TrainOnStream(s, window);
    TRANCHE_ASSERT(trained.ok());
    return new fraud::FraudModel(std::move(trained->model));
  }();
  return *m;
}

void Percentiles(benchmark::State& state, std::vector<double>& us) {
  std::sort(us.begin(), us.end());
  const auto at = [&](double q) { return us[std::min(us.size() - 1, static_cast<std::size_t>(q * static_cast<double>(us.size())))]; };
  state.counters["p50_us"] = at(0.50);
  state.counters["p99_us"] = at(0.99);
  state.counters["max_us"] = us.back();
}

void BM_FeatureUpdateAndScore(benchmark::State& state) {
  const bool reasons = state.range(0) != 0;
  const auto& s = Stream();
  const auto& model = Model();
  // History: everything before the last 14 days; events: the last 14 days, cycled.
  const std::int64_t split = s.back().time_s - 14 * kDay;
  FeatureEngine engine(fraud::EngineOptions{kDelay});
  fraud::Replay(s, kDelay, split, split, engine, [](std::size_t, const float*) {});
  std::size_t first = 0;
  while (s[first].time_s < split) ++first;
  std::vector<float> row(FeatureEngine::width());
  std::vector<double> us;
  us.reserve(1 << 20);
  std::size_t i = first;
  for (auto _ : state) {
    const auto t0 = std::chrono::steady_clock::now();
    const fraud::Event e = fraud::EventOf(s[i]);
    engine.ComputeRow(e, row.data());
    auto score = model.ScoreRow(row.data(), reasons);
    engine.Record(e);
    benchmark::DoNotOptimize(score);
    us.push_back(std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t0).count());
    if (++i == s.size()) i = first;
  }
  Percentiles(state, us);
}
BENCHMARK(BM_FeatureUpdateAndScore)->Arg(0)->Arg(1)->ArgName("reasons");

void BM_ReplayThroughput(benchmark::State& state) {
  const auto& s = Stream();
  std::size_t rows = 0;
  for (auto _ : state) {
    FeatureEngine engine(fraud::EngineOptions{kDelay});
    fraud::Replay(s, kDelay, s.front().time_s, s.back().time_s + 1, engine,
                  [&](std::size_t, const float* row) { benchmark::DoNotOptimize(row); });
    rows += s.size();
  }
  state.counters["tx_per_min"] = benchmark::Counter(static_cast<double>(rows) * 60, benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ReplayThroughput)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
