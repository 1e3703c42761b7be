// Understanding one customer message: intent classification (the fastText ensemble,
// calibrated, with the out-of-scope threshold) and language identification, each on its
// own, on the held-out utterances of tranche's BNPL intent data; and a whole assistant
// turn without an LLM: one consumer message through Assistant::Send (the conversation and
// account read, understanding, policy, the reply, both messages stored) on an in-memory
// store holding a scenario's account built through the real engine.
//
// The model is the one in $TRANCHE_INTENT_MODEL (a directory from `tranche train
// intents` on data with a language column) or, without it, one trained here on
// datasets/intents/bnpl/train.csv with the default parameters (a few seconds). Besides
// Google Benchmark's mean, the per-call latency distribution is reported as counters
// p50_us, p99_us and max_us.
#include <benchmark/benchmark.h>

#include <array>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <unistd.h>

#include "assist/eval.h"
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

// Two active pay-in-4 plans and a card that pays, as the scenario harness builds them.
constexpr const char* kAccountSetup = R"json({
  "purchases": [
    {"key": "p1", "merchant": "Crisp Tech", "product": "pay_in_4", "amount_cents": 8000, "days_ago": 3,
     "instalments_paid": 1, "status": "active"},
    {"key": "p2", "merchant": "Nordic Home", "product": "pay_in_4", "amount_cents": 24000, "days_ago": 20,
     "instalments_paid": 2, "status": "active"}],
  "payment_method": {"type": "card", "last4": "4242", "state": "ok"}
})json";

// A conversation of ten messages: account questions, a knowledge answer, a change stated
// and declined twice (so the account stays as built), Swedish and German. Each
// benchmark conversation plays it once, so a turn's stored transcript is at most ten
// messages long, as in a typical chat.
constexpr std::array<const char*, 10> kConversation = {
    "when is my next payment?",
    "what is my balance",
    "how much can I still spend",
    "pay $20 now",
    "no",
    "how does pay in 4 work",
    "När är min nästa betalning?",
    "Wann ist meine nächste Zahlung fällig?",
    "I want to pay off the crisp tech plan",
    "no thanks"};

void BM_WholeTurn(benchmark::State& state) {
  const auto& m = Model();
  auto account = assist::ScenarioAccount::Build(nlohmann::json::parse(kAccountSetup), *m.intents, *m.language);
  TRANCHE_ASSERT_MSG(account.ok(), account.status().ToString().c_str());
  assist::ScenarioAccount& a = **account;
  std::vector<double> us;
  us.reserve(1 << 20);
  std::size_t turn = 0;
  int conversations = 0;
  std::string conversation_id;
  for (auto _ : state) {
    if (turn % kConversation.size() == 0) {
      // A new conversation, stored directly (Start limits a consumer to 20 a day); not timed.
      state.PauseTiming();
      assist::Conversation c;
      c.id = conversation_id = "cnv_bench_" + std::to_string(++conversations);
      c.consumer_id = a.consumer();
      c.created_at = c.updated_at = a.now();
      const Status st = a.store().Write([&](store::Tx& tx) { return tx.conversations().Insert(c); });
      TRANCHE_ASSERT_MSG(st.ok(), st.ToString().c_str());
      state.ResumeTiming();
    }
    const char* text = kConversation[turn++ % kConversation.size()];
    const auto t0 = std::chrono::steady_clock::now();
    auto reply = a.assistant().Send(a.consumer(), conversation_id, text);
    us.push_back(std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t0).count());
    TRANCHE_ASSERT_MSG(reply.ok(), reply.status().ToString().c_str());
    benchmark::DoNotOptimize(reply);
  }
  bench::ReportLatencyCounters(state, us);
}
BENCHMARK(BM_WholeTurn)->Iterations(5'000)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
