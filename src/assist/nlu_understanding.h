// The one call the app and the conversation layer need: both understanding interfaces
// from a model directory (`tranche train intents` on data with a language column, e.g.
// datasets/intents/bnpl/train.csv).
#pragma once

#include <memory>
#include <string>

#include "assist/understanding.h"
#include "core/status.h"

namespace tranche::assist {

struct UnderstandingModels {
  std::unique_ptr<IntentClassifier> intents;
  std::unique_ptr<LanguageDetector> language;
};

// Loads intents.json + intent-K.bin and language.bin from `dir`. NotFound when the
// directory holds no model; InvalidArgument when it holds a broken one.
Result<UnderstandingModels> LoadUnderstanding(const std::string& dir);

// For the demo: loads `dir`, or, when it holds no model yet, trains one there from
// `training_csv` first (the BNPL data; the default parameters, one member, no search:
// seconds) and loads that. A broken model is an error, never silently replaced.
Result<UnderstandingModels> EnsureUnderstanding(const std::string& dir, const std::string& training_csv);

}  // namespace tranche::assist
