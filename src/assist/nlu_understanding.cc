#include "assist/nlu_understanding.h"

#include <filesystem>

#include "assist/nlu_classifier.h"
#include "assist/nlu_language.h"
#include "assist/nlu_training.h"

namespace tranche::assist {

Result<UnderstandingModels> LoadUnderstanding(const std::string& dir) {
  TRANCHE_ASSIGN_OR_RETURN(auto intents, FastTextIntentClassifier::Load(dir));
  TRANCHE_ASSIGN_OR_RETURN(auto language, FastTextLanguageDetector::Load(dir));
  return UnderstandingModels{std::move(intents), std::move(language)};
}

Result<UnderstandingModels> EnsureUnderstanding(const std::string& dir, const std::string& training_csv) {
  if (!std::filesystem::exists(dir + "/intents.json")) {
    TRANCHE_ASSIGN_OR_RETURN(const ml::Table table, ml::ReadCsvFile(training_csv));
    TRANCHE_ASSIGN_OR_RETURN(const IntentData data, IntentDataFromTable(table));
    if (!data.has_language) {
      return Status::InvalidArgument("invalid_intent_data", training_csv + " has no 'language' column");
    }
    IntentTrainOptions options;
    // The parameters the search chose on the BNPL data, and one member: an ensemble of
    // three costs three times the start-up training and, its 120 MB of n-gram tables
    // competing for cache, about four times the 15 µs of a single model per message.
    options.candidates = {FastTextParams{}};
    options.ensemble = 1;
    // Trained beside and renamed into place, so a crash never leaves half a model.
    const std::string partial = dir + ".partial";
    std::error_code ec;
    std::filesystem::remove_all(partial, ec);
    TRANCHE_RETURN_IF_ERROR(TrainIntentModel(data, options, partial).status());
    std::filesystem::rename(partial, dir, ec);
    if (ec) return Status::Unavailable("cannot move the trained model to " + dir + ": " + ec.message());
  }
  return LoadUnderstanding(dir);
}

}  // namespace tranche::assist
