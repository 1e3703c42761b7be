// The intent engine's use cases: train a model directory from labelled utterances
// (hyper-parameters chosen on a validation split carved from the training data only,
// then calibrated, then refit on all rows), and evaluate any IntentClassifier on a
// file. Training writes files; evaluation is pure.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "assist/nlu_calibration.h"
#include "assist/nlu_data.h"
#include "assist/nlu_fasttext.h"
#include "assist/understanding.h"

namespace tranche::assist {

struct IntentTrainOptions {
  // Scored on the validation split, one fit each; a single candidate means no search.
  std::vector<FastTextParams> candidates = DefaultSearchGrid();
  int ensemble = 3;               // members of the shipped model, seeds 1..ensemble
  double validation_share = 0.15;
  std::uint64_t split_seed = 20261201;

  static std::vector<FastTextParams> DefaultSearchGrid();
};

// Counts behind accuracy, in-scope accuracy, out-of-scope recall and per-language
// accuracy. Rows without a language are not counted per language.
struct IntentScores {
  struct Count {
    std::size_t rows = 0;
    std::size_t correct = 0;
    double rate() const { return rows == 0 ? 0.0 : static_cast<double>(correct) / static_cast<double>(rows); }
  };
  Count all;
  Count in_scope;   // rows whose true label is not "oos"
  Count oos;        // rows whose true label is "oos"; correct = predicted "oos" (recall)
  std::map<Language, Count> by_language;
};

// Precondition: rows.size() == predictions.size(); rows are labelled.
IntentScores ScorePredictions(const std::vector<Utterance>& rows, const std::vector<IntentPrediction>& predictions);

struct CandidateScore {
  FastTextParams params;
  double validation_accuracy = 0.0;
};

struct IntentTrainReport {
  std::vector<CandidateScore> searched;
  FastTextParams chosen;
  Calibration calibration;
  IntentScores validation;  // the calibrated ensemble, trained without these rows
  std::size_t train_rows = 0;
  std::size_t validation_rows = 0;
  std::size_t labels = 0;
  std::optional<IntentScores::Count> language_validation;  // when the data has languages
};

using TrainLog = std::function<void(const std::string&)>;

// Trains and writes `out_dir` (created if missing): intents.json + intent-K.bin, and
// language.bin when the data has a language column. Refused: unlabelled data, fewer
// than two intents, an invalid candidate or option.
Result<IntentTrainReport> TrainIntentModel(const IntentData& data, const IntentTrainOptions& options,
                                           const std::string& out_dir, const TrainLog& log = {});

struct IntentEvalReport {
  std::vector<IntentPrediction> predictions;  // input order
  std::optional<IntentScores> scores;          // labelled data only
  std::optional<IntentScores::Count> language;  // data with languages and a detector given
};

// Classifies every row; scores when the data is labelled; checks languages when the
// data has them and `detector` is not null.
IntentEvalReport EvaluateIntents(const IntentClassifier& classifier, const LanguageDetector* detector,
                                 const IntentData& data);

}  // namespace tranche::assist
