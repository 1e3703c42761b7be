#include "assist/nlu_language.h"

#include <algorithm>

#include "assist/nlu_text.h"

namespace tranche::assist {

namespace {

Language FromCode(std::string_view code) {
  for (Language l : kLanguages) {
    if (LanguageCode(l) == code) return l;
  }
  TRANCHE_ASSERT_MSG(false, "a language model's labels are en, sv or de");
  return Language::kEnglish;
}

bool HasLetter(std::string_view normalized) {
  // After normalisation numbers are "<num>"; any other byte of a word is a letter or
  // part of one (UTF-8), except the punctuation kept as tokens.
  std::size_t i = 0;
  while (i < normalized.size()) {
    if (normalized.substr(i).starts_with("<num>")) {
      i += 5;
      continue;
    }
    const char c = normalized[i++];
    if (c != ' ' && c != '?' && c != '!' && c != '$' && c != '%' && c != '&' && c != '+') return true;
  }
  return false;
}

}  // namespace

FastTextParams LanguageParams() {
  FastTextParams p;
  p.epoch = 30;
  p.lr = 0.5;
  p.dim = 16;
  p.word_ngrams = 1;
  p.minn = 1;
  p.maxn = 4;
  p.bucket = 50'000;
  p.seed = 1;
  return p;
}

std::vector<LabelledText> LanguageExamples(const std::vector<Utterance>& rows) {
  std::vector<LabelledText> out;
  out.reserve(rows.size());
  for (const Utterance& u : rows) {
    TRANCHE_ASSERT(u.language.has_value());
    out.push_back({NormalizeUtterance(u.text), std::string(LanguageCode(*u.language))});
  }
  return out;
}

FastTextLanguageDetector::FastTextLanguageDetector(FastTextModel model) : model_(std::move(model)) {
  for (const std::string& code : model_.labels()) languages_.push_back(FromCode(code));
}

Result<std::unique_ptr<FastTextLanguageDetector>> FastTextLanguageDetector::Load(const std::string& dir) {
  TRANCHE_ASSIGN_OR_RETURN(FastTextModel model, FastTextModel::Load(dir + "/" + std::string(kLanguageModelFile)));
  for (const std::string& code : model.labels()) {
    if (code != "en" && code != "sv" && code != "de") {
      return Status::InvalidArgument("invalid_model", dir + "/language.bin has a label that is not en, sv or de");
    }
  }
  return std::make_unique<FastTextLanguageDetector>(std::move(model));
}

LanguageGuess FastTextLanguageDetector::Guess(std::string_view text) const {
  const std::string normalized = NormalizeUtterance(text.substr(0, kMaxUtteranceBytes));
  if (!HasLetter(normalized)) return {};
  std::vector<double> probs;
  model_.Probabilities(normalized, probs);
  const auto top = static_cast<std::size_t>(std::max_element(probs.begin(), probs.end()) - probs.begin());
  return {languages_[top], probs[top]};
}

}  // namespace tranche::assist
