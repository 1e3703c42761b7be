// `tranche eval assistant`: the assistant's scenario evaluation, and the one place the
// command line builds the assistant's understanding from a model directory.
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <memory>
#include <string>

#include "assist/understanding.h"
#include "core/status.h"

namespace tranche::cli {

struct Understanding {
  std::unique_ptr<assist::IntentClassifier> intents;
  std::unique_ptr<assist::LanguageDetector> languages;
};

// The intent classifier and language detector of the model in `model_dir`. This build
// carries no engine for them (assist/nlu, the fastText classifier, is built separately)
// and answers Unavailable; wiring that engine in is this one function.
Result<Understanding> LoadUnderstanding(const std::string& model_dir);

// Registers `eval assistant` under the existing `eval` command of `app` (call after
// AddCreditCommands); after parsing, `*action` runs it.
void AddAssistantCommands(CLI::App& app, std::function<int()>* action);

}  // namespace tranche::cli
