#include "cli/assistant_commands.h"

#include <stdlib.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "assist/eval.h"
#include "assist/measure.h"
#include "assist/nlu_understanding.h"
#include "cli/database.h"
#include "cli/fail.h"
#include "net/http_client.h"
#include "ops/views.h"

namespace tranche::cli {

namespace {

struct EvalArgs {
  std::string scenarios;
  std::string transcripts;
  std::string model;
  assist::LlmOptions llm;
};

// The model in `model_dir`, or without one the demo's: the BNPL intent model trained from
// the shipped data (one member, default parameters: seconds) in a fresh temporary
// directory, removed afterwards.
Result<assist::UnderstandingModels> LoadOrTrain(const std::string& model_dir) {
  if (!model_dir.empty()) return assist::LoadUnderstanding(model_dir);
  std::string dir = (std::filesystem::temp_directory_path() / "tranche-eval-intents-XXXXXX").string();
  if (mkdtemp(dir.data()) == nullptr) return Status::Unavailable("cannot create a temporary directory");
  auto models = assist::EnsureUnderstanding(dir, TRANCHE_DATASETS_DIR "/intents/bnpl/train.csv");
  std::error_code ignored;
  std::filesystem::remove_all(dir, ignored);  // the models are in memory now
  return models;
}

int RunEvalAssistant(const EvalArgs& a) {
  std::ifstream in(a.scenarios);
  const nlohmann::json file = nlohmann::json::parse(in, nullptr, false);
  if (file.is_discarded()) return Fail(Status::InvalidArgument("invalid_scenarios", a.scenarios + " is not JSON"));
  auto understanding = LoadOrTrain(a.model);
  if (!understanding.ok()) return Fail(understanding.status());
  std::optional<assist::ChatCompletionsBackend> llm;
  if (!a.llm.url.empty()) {
    if (Status st = assist::ValidateLlmOptions(a.llm); !st.ok()) return Fail(st);
    llm.emplace(a.llm);
  }
  auto report = assist::RunScenarios(file, *understanding->intents, *understanding->language, llm ? &*llm : nullptr);
  if (!report.ok()) return Fail(report.status());
  if (!a.transcripts.empty()) {
    std::ofstream out(a.transcripts);
    assist::WriteTranscripts(*report, out);
    if (!out) return Fail(Status::Internal("could not write " + a.transcripts));
  }
  assist::PrintReport(*report, std::cout);
  return 0;  // failed variants are the measurement, not an error
}

struct ReportArgs {
  DatabaseArgs db;
  std::string since;  // YYYY-MM-DD; default: 30 days before now
  std::string until;  // YYYY-MM-DD, inclusive; default: now
  bool json = false;
};

std::string Percent(double share) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.1f%%", 100.0 * share);
  return buf;
}

void PrintGroup(const std::string& name, const assist::MetricsGroup& g) {
  const std::string turns = std::to_string(g.turns_to_resolution.p50) + "/" + std::to_string(g.turns_to_resolution.p90);
  const std::string seconds =
      std::to_string(g.seconds_to_resolution.p50) + "/" + std::to_string(g.seconds_to_resolution.p90);
  std::printf("%-32s %8lld %10s %9s %9s %12s %14s\n", name.c_str(), static_cast<long long>(g.conversations),
              Percent(g.ContainmentRate()).c_str(), Percent(g.HandoffRate()).c_str(),
              g.repeat_observable == 0 ? "-" : Percent(g.RepeatContactRate()).c_str(), turns.c_str(), seconds.c_str());
}

void PrintTable(const assist::AssistantMetrics& m) {
  std::printf("assistant conversations started from %s to %s (%lld without a message, not counted)%s\n",
              FormatRfc3339(m.since).c_str(), FormatRfc3339(m.until).c_str(), static_cast<long long>(m.empty),
              m.truncated ? "; TRUNCATED: only the oldest conversations were read" : "");
  std::printf("%-32s %8s %10s %9s %9s %12s %14s\n", "group", "convs", "contained", "hand-off", "repeat7d",
              "turns p50/90", "seconds p50/90");
  PrintGroup("all", m.overall);
  for (const auto& [intent, g] : m.by_intent) PrintGroup("intent " + intent, g);
  for (const auto& [language, g] : m.by_language) PrintGroup("language " + language, g);
}

Result<Instant> DayStart(const std::string& date, const char* flag) {
  const auto d = ParseDate(date);
  if (!d) return Status::InvalidArgument("invalid_date", std::string(flag) + " must be a date as YYYY-MM-DD");
  return StartOf(*d);
}

int RunReportAssistant(const ReportArgs& a) {
  SystemClock clock;
  const Instant now = clock.Now();
  Instant since = now - std::chrono::hours(24 * 30);
  Instant until = now;
  if (!a.since.empty()) {
    auto s = DayStart(a.since, "--since");
    if (!s.ok()) return Fail(s.status());
    since = *s;
  }
  if (!a.until.empty()) {
    auto u = DayStart(a.until, "--until");
    if (!u.ok()) return Fail(u.status());
    until = *u + std::chrono::hours(24);  // the whole day
  }
  auto store = OpenDatabase(a.db, clock);
  if (!store.ok()) return Fail(store.status());
  auto m = assist::MeasureAssistant(**store, since, until, now);
  if (!m.ok()) return Fail(m.status());
  if (a.json) {
    std::printf("%s\n", ops::AssistantMetricsJson(*m).dump(2).c_str());
  } else {
    PrintTable(*m);
  }
  return 0;
}

}  // namespace

Result<std::optional<assist::UnderstandingModels>> ChooseUnderstanding(const std::string& model,
                                                                       const std::string& auto_dir) {
  if (model.empty() || model == "none") return std::optional<assist::UnderstandingModels>();
  auto u = model == "auto"
               ? assist::EnsureUnderstanding(auto_dir, TRANCHE_DATASETS_DIR "/intents/bnpl/train.csv")
               : assist::LoadUnderstanding(model);
  if (!u.ok()) return u.status();
  return std::optional<assist::UnderstandingModels>(std::move(*u));
}

std::string HeldOutUtterancesCsv() { return TRANCHE_DATASETS_DIR "/intents/bnpl/test.csv"; }

void AddLlmOptions(CLI::App* cmd, assist::LlmOptions& llm) {
  cmd->add_option("--llm-url", llm.url,
                  "an OpenAI-compatible chat-completions server's base URL (e.g. http://127.0.0.1:8080/v1) "
                  "whose model proposes the assistant's replies and tool calls; default: built-in understanding only")
      ->check([](const std::string& url) {
        return net::IsHttpUrl(url) ? std::string() : std::string("an http:// or https:// URL");
      });
  cmd->add_option("--llm-model", llm.model, "the model to ask the server for (default: its own)");
  cmd->add_option_function<int>(
         "--llm-timeout-ms", [&llm](int ms) { llm.timeout = std::chrono::milliseconds(ms); },
         "how long a message waits for the model before the built-in understanding answers (default 4000)")
      ->check(CLI::Range(1, 30'000));
  cmd->parse_complete_callback([&llm] {
    if (const char* key = std::getenv("TRANCHE_LLM_API_KEY"); key != nullptr) llm.api_key = key;
  });
}

void AddAssistantCommands(CLI::App& app, std::function<int()>* action) {
  CLI::App* eval = app.get_subcommand("eval");
  auto* cmd = eval->add_subcommand("assistant", "play assistant scenarios (SCENARIOS.md) and report pass^1 / pass^4");
  auto a = std::make_shared<EvalArgs>();
  cmd->add_option("--scenarios", a->scenarios, "scenario file (JSON)")->required()->check(CLI::ExistingFile);
  cmd->add_option("--transcripts", a->transcripts, "write every variant's turns to this JSONL file");
  cmd->add_option("--model", a->model,
                  "the intent model directory (tranche train intents --out); default: train the demo's "
                  "BNPL model from datasets/intents/bnpl first");
  AddLlmOptions(cmd, a->llm);
  cmd->callback([a, action] { *action = [a] { return RunEvalAssistant(*a); }; });

  CLI::App* report = app.get_subcommand("report");
  auto* metrics = report->add_subcommand(
      "assistant", "the assistant's containment, hand-offs, turns and time to resolution, repeat contacts");
  auto r = std::make_shared<ReportArgs>();
  AddDatabaseOptions(metrics, r->db);
  metrics->add_option("--since", r->since, "first day, YYYY-MM-DD (default: 30 days ago)");
  metrics->add_option("--until", r->until, "last day, YYYY-MM-DD (default: now)");
  metrics->add_flag("--json", r->json, "print JSON instead of a table");
  metrics->callback([r, action] { *action = [r] { return RunReportAssistant(*r); }; });
}

}  // namespace tranche::cli
