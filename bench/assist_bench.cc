// Understanding one customer message: intent classification (the fastText ensemble,
// calibrated, with the out-of-scope threshold) and language identification, each on its
// own, on the held-out utterances of tranche's BNPL intent data.
//
// The model is the one in $TRANCHE_INTENT_MODEL (a directory from `tranche train
// intents` on data with a language column) or, without it, one trained here on
// datasets/intents/bnpl/train.csv with the default parameters (a few seconds). Besides
// Google Benchmark's mean, the per-call latency distribution is reported as counters
// p50_us, p99_us and max_us.
#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <unistd.h>

#include "assist/nlu_data.h"
#include "assist/nlu_understanding.h"
#include "bench/latency_counters.h"

namespace {

using namespace tranche;  // NOLINT: a benchmark program

const assist::UnderstandingModels& Model() {
  static const assist::UnderstandingModels u = [] {
    if (const char* env = std::getenv("TRANCHE_INTENT_MODEL")) {
      auto loaded = assist::LoadUnderstanding(env);
      TRANCHE_ASSERT_MSG(loaded.ok(), loaded.status().ToString().c_str());
      return std::move(loaded).value();
    }
    const std::string dir =
        (std::filesystem::temp_directory_path() / ("tranche-assist-bench-" + std::to_string(getpid()))).string();
    auto trained = assist::EnsureUnderstanding(dir, TRANCHE_DATASETS_DIR "/intents/bnpl/train.csv");
    std::filesystem::remove_all(dir);  // the models are in memory now
    TRANCHE_ASSERT_MSG(trained.ok(), trained.status().ToString().c_str());
    return std::move(trained).value();
  }();
  return u;
}

const std::vector<std::string>& Utterances() {
  static const std::vector<std::string> texts = [] {
    auto table = ml::ReadCsvFile(TRANCHE_DATASETS_DIR "/intents/bnpl/test.csv");
    TRANCHE_ASSERT(table.ok());
    auto data = assist::IntentDataFromTable(*table);
    TRANCHE_ASSERT(data.ok());
    std::vector<std::string> out;
    for (const auto& u : data->rows) out.push_back(u.text);
    return out;
  }();
  return texts;
}

template <typename F>
void Timed(benchmark::State& state, F&& call) {
  const auto& texts = Utterances();
  std::vector<double> us;
  us.reserve(1 << 20);
  std::size_t i = 0;
  for (auto _ : state) {
    const auto t0 = std::chrono::steady_clock::now();
    call(texts[i++ % texts.size()]);
    us.push_back(std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t0).count());
  }
  bench::ReportLatencyCounters(state, us);
}

void BM_ClassifyIntent(benchmark::State& state) {
  const auto& m = Model();
  Timed(state, [&](const std::string& text) { benchmark::DoNotOptimize(m.intents->Classify(text)); });
}
BENCHMARK(BM_ClassifyIntent)->Iterations(20'000);

void BM_DetectLanguage(benchmark::State& state) {
  const auto& m = Model();
  Timed(state, [&](const std::string& text) { benchmark::DoNotOptimize(m.language->Detect(text)); });
}
BENCHMARK(BM_DetectLanguage)->Iterations(20'000);

}  // namespace

BENCHMARK_MAIN();
