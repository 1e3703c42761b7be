// Scoring one credit application with reason codes (ModelDecider's hot path): map the
// profile to features, TreeSHAP contributions, calibrated PD, top reasons.
//
// The model is the one in $TRANCHE_CREDIT_MODEL (a directory from `tranche train
// credit`, e.g. the demo's data/models/credit-default trained on the Taiwan data) or,
// without it, one trained here on simulated bureau data. Each iteration scores one of
// 1,024 simulated applicants; besides Google Benchmark's mean, the per-call latency
// distribution is reported as counters p50_us, p99_us and max_us.
#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdlib>

#include "bench/latency_counters.h"
#include "credit/model_decider.h"
#include "credit/profile_features.h"
#include "credit/simulated_data.h"

namespace {

using namespace tranche;  // NOLINT: a benchmark program

const Date kToday = *ParseDate("2026-11-26");

std::shared_ptr<const credit::CreditModel> LoadModel() {
  if (const char* dir = std::getenv("TRANCHE_CREDIT_MODEL")) {
    auto m = credit::CreditModel::Load(dir);
    TRANCHE_ASSERT_MSG(m.ok(), m.status().ToString().c_str());
    return std::make_shared<const credit::CreditModel>(std::move(m).value());
  }
  credit::TrainOptions o;
  o.folds = 3;
  auto t = credit::Train(credit::SimulatedTrainingData(5000, 3, kToday), o);
  TRANCHE_ASSERT(t.ok());
  return std::make_shared<const credit::CreditModel>(std::move(t).value(), "simulated");
}

std::vector<risk::CreditProfile> Applicants() {
  risk::SimulatedBureau bureau;
  std::vector<risk::CreditProfile> out;
  for (int i = 0; i < 1024; ++i) out.push_back(bureau.Lookup({"a" + std::to_string(i) + "@example.com", "Doe", kToday}));
  return out;
}

void BM_ScoreApplicationWithReasons(benchmark::State& state) {
  static const auto model = LoadModel();
  static const auto applicants = Applicants();
  const Date dob = *ParseDate("1985-05-05");
  std::vector<double> us;
  us.reserve(1 << 20);
  std::size_t i = 0;
  for (auto _ : state) {
    const auto t0 = std::chrono::steady_clock::now();
    auto score = model->ScoreOne(credit::ProfileFeatures(applicants[i++ % applicants.size()], dob, kToday, model->spec()));
    benchmark::DoNotOptimize(score);
    us.push_back(std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t0).count());
  }
  bench::ReportLatencyCounters(state, us);
  state.SetLabel("model " + model->version() + ", " + std::to_string(model->spec().columns.size()) + " columns + " +
                 std::to_string(model->spec().derived.size()) + " engineered, scorecard blend " +
                 std::to_string(model->blend()));
}
BENCHMARK(BM_ScoreApplicationWithReasons)->Iterations(20000)->Repetitions(5);

// The whole decision: policy rules, scoring, tiers.
void BM_ModelDecision(benchmark::State& state) {
  static const credit::ModelDecider decider(LoadModel());
  static const auto applicants = Applicants();
  std::size_t i = 0;
  for (auto _ : state) {
    const Currency c = Currency::kUSD;
    risk::DecisionRequest r{lending::DefaultTerms(lending::ProductKind::kPayIn4, c), Money(20000, c), kToday,
                            *ParseDate("1985-05-05"),
                            risk::Exposure{Money::Zero(c), Money::Zero(c), std::nullopt, false, 0}, true,
                            applicants[i++ % applicants.size()]};
    benchmark::DoNotOptimize(decider.Decide(r));
  }
}
BENCHMARK(BM_ModelDecision);

}  // namespace

BENCHMARK_MAIN();
