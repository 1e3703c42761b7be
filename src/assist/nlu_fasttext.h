// One fastText supervised model (Debian libfasttext, C++ API): trained in process on
// normalised text, saved to and loaded from one file, and asked for the probability of
// every label. The rest of tranche never sees fastText's types.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace fasttext {
class FastText;
}

namespace tranche::assist {

// Hyper-parameters of one fit. Bounded by ValidateParams.
struct FastTextParams {
  int epoch = 50;
  double lr = 0.5;
  int dim = 50;
  int word_ngrams = 2;   // 2: word bigrams
  int minn = 3;          // character n-grams of minn..maxn bytes; 0/0 turns them off
  int maxn = 5;
  int bucket = 200'000;  // hash buckets of n-grams (memory: bucket x dim floats)
  int seed = 1;          // with one thread, the same data and seed give the same model
};

Status ValidateParams(const FastTextParams& p);
// "epoch=25 lr=0.5 dim=50 ngrams=2 minn=3 maxn=5 bucket=200000 seed=1".
std::string DescribeParams(const FastTextParams& p);

struct LabelledText {
  std::string text;   // already normalised (NormalizeUtterance)
  std::string label;  // no spaces
};

class FastTextModel {
 public:
  // Trains with one thread (deterministic). fastText reads training text from a file:
  // it is written in `work_dir` (which must exist), with the model file the result is
  // reloaded from, and both are removed before returning.
  // Refused: no examples, fewer than two labels, bad parameters, or a failure inside
  // fastText (its message is kept).
  static Result<FastTextModel> Train(const std::vector<LabelledText>& examples, const FastTextParams& params,
                                     const std::string& work_dir);
  static Result<FastTextModel> Load(const std::string& path);
  Status Save(const std::string& path) const;

  // Label names (without fastText's "__label__" prefix) in the model's own order.
  const std::vector<std::string>& labels() const { return labels_; }

  // The input ids (words, word n-grams, character n-gram buckets) of an already
  // normalised text.
  std::vector<std::int32_t> Tokenize(std::string_view normalized) const;
  // Fills `probs` (resized to labels().size()) with each label's softmax probability for
  // ids from Tokenize of this model or of one it SharesInput with. Thread-safe:
  // fastText's prediction is const.
  void Probabilities(const std::vector<std::int32_t>& ids, std::vector<double>& probs) const;
  void Probabilities(std::string_view normalized, std::vector<double>& probs) const {
    Probabilities(Tokenize(normalized), probs);
  }
  // True when `other` turns every text into the same ids: the same vocabulary in the same
  // order and the same n-gram settings (models trained on the same data with different
  // seeds), so an ensemble tokenizes once.
  bool SharesInput(const FastTextModel& other) const;

 private:
  explicit FastTextModel(std::shared_ptr<fasttext::FastText> ft);
  std::shared_ptr<fasttext::FastText> ft_;
  std::vector<std::string> labels_;
};

}  // namespace tranche::assist
