// FastTextLanguageDetector: the LanguageDetector behind the assistant. A small fastText
// model over character 1-4-grams and words, trained on the language column of tranche's
// own intent data (datasets/intents/bnpl), so it knows the words customers use here,
// including the short ones ("ja", "nej", "danke"). Stored as language.bin in a model
// directory.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "assist/nlu_data.h"
#include "assist/nlu_fasttext.h"
#include "assist/understanding.h"

namespace tranche::assist {

inline constexpr std::string_view kLanguageModelFile = "language.bin";

// The parameters of the language model: tiny (dim 16) and character-level.
FastTextParams LanguageParams();

// The training examples of a language model: every row's text labelled with its
// language code. Precondition: every row has a language.
std::vector<LabelledText> LanguageExamples(const std::vector<Utterance>& rows);

class FastTextLanguageDetector final : public LanguageDetector {
 public:
  // Precondition: the model's labels are language codes ("en", "sv", "de").
  explicit FastTextLanguageDetector(FastTextModel model);
  static Result<std::unique_ptr<FastTextLanguageDetector>> Load(const std::string& dir);

  // English with confidence 0 when the text holds no letters ("42", "?"), else the
  // likeliest language with the model's probability.
  LanguageGuess Guess(std::string_view text) const override;

 private:
  FastTextModel model_;
  std::vector<Language> languages_;  // per model label
};

}  // namespace tranche::assist
