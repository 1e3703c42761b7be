#include "cli/assistant_commands.h"

#include <stdlib.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "assist/eval.h"
#include "assist/nlu_understanding.h"
#include "cli/fail.h"

namespace tranche::cli {

namespace {

struct EvalArgs {
  std::string scenarios;
  std::string transcripts;
  std::string model;
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
  auto report = assist::RunScenarios(file, *understanding->intents, *understanding->language);
  if (!report.ok()) return Fail(report.status());
  if (!a.transcripts.empty()) {
    std::ofstream out(a.transcripts);
    assist::WriteTranscripts(*report, out);
    if (!out) return Fail(Status::Internal("could not write " + a.transcripts));
  }
  assist::PrintReport(*report, std::cout);
  return 0;  // failed variants are the measurement, not an error
}

}  // namespace

void AddAssistantCommands(CLI::App& app, std::function<int()>* action) {
  CLI::App* eval = app.get_subcommand("eval");
  auto* cmd = eval->add_subcommand("assistant", "play assistant scenarios (SCENARIOS.md) and report pass^1 / pass^4");
  auto a = std::make_shared<EvalArgs>();
  cmd->add_option("--scenarios", a->scenarios, "scenario file (JSON)")->required()->check(CLI::ExistingFile);
  cmd->add_option("--transcripts", a->transcripts, "write every variant's turns to this JSONL file");
  cmd->add_option("--model", a->model,
                  "the intent model directory (tranche train intents --out); default: train the demo's "
                  "BNPL model from datasets/intents/bnpl first");
  cmd->callback([a, action] { *action = [a] { return RunEvalAssistant(*a); }; });
}

}  // namespace tranche::cli
