#include "assist/nlu_fasttext.h"

#include <fasttext/fasttext.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace tranche::assist {

namespace {

constexpr std::string_view kLabelPrefix = "__label__";

Status Failed(const std::string& what, const std::exception& e) {
  return Status::InvalidArgument("fasttext_failed", what + ": " + e.what());
}

}  // namespace

Status ValidateParams(const FastTextParams& p) {
  const bool ok = p.epoch >= 1 && p.epoch <= 500 && p.lr > 0.0 && p.lr <= 5.0 && p.dim >= 2 && p.dim <= 300 &&
                  p.word_ngrams >= 1 && p.word_ngrams <= 5 && p.minn >= 0 && p.maxn >= p.minn && p.maxn <= 10 &&
                  p.bucket >= 1'000 && p.bucket <= 2'000'000 && p.seed >= 0;
  if (ok) return Status::Ok();
  return Status::InvalidArgument("invalid_params", "fastText parameters out of range: " + DescribeParams(p));
}

std::string DescribeParams(const FastTextParams& p) {
  std::ostringstream s;
  s << "epoch=" << p.epoch << " lr=" << p.lr << " dim=" << p.dim << " ngrams=" << p.word_ngrams << " minn=" << p.minn
    << " maxn=" << p.maxn << " bucket=" << p.bucket << " seed=" << p.seed;
  return s.str();
}

FastTextModel::FastTextModel(std::shared_ptr<fasttext::FastText> ft) : ft_(std::move(ft)) {
  const auto dict = ft_->getDictionary();
  for (std::int32_t i = 0; i < dict->nlabels(); ++i) {
    std::string label = dict->getLabel(i);
    labels_.push_back(label.starts_with(kLabelPrefix) ? label.substr(kLabelPrefix.size()) : label);
  }
}

Result<FastTextModel> FastTextModel::Train(const std::vector<LabelledText>& examples, const FastTextParams& params,
                                           const std::string& work_dir) {
  TRANCHE_RETURN_IF_ERROR(ValidateParams(params));
  std::set<std::string_view> labels;
  for (const LabelledText& e : examples) labels.insert(e.label);
  if (labels.size() < 2) return Status::InvalidArgument("too_few_labels", "training needs at least two intents");
  const std::string input = work_dir + "/fasttext-train-" + std::to_string(params.seed) + ".txt";
  {
    std::ofstream out(input, std::ios::binary | std::ios::trunc);
    for (const LabelledText& e : examples) out << kLabelPrefix << e.label << ' ' << e.text << '\n';
    if (!out.flush()) return Status::Unavailable("cannot write " + input);
  }
  fasttext::Args args;
  args.input = input;
  args.model = fasttext::model_name::sup;
  args.loss = fasttext::loss_name::softmax;
  args.epoch = params.epoch;
  args.lr = params.lr;
  args.dim = params.dim;
  args.wordNgrams = params.word_ngrams;
  args.minn = params.minn;
  args.maxn = params.maxn;
  args.bucket = params.bucket;
  args.seed = params.seed;
  args.minCount = 1;
  args.thread = 1;
  args.verbose = 0;
  auto ft = std::make_shared<fasttext::FastText>();
  Status st = Status::Ok();
  try {
    ft->train(args);
  } catch (const std::exception& e) {
    st = Failed("training", e);
  }
  std::error_code ignored;
  std::filesystem::remove(input, ignored);
  if (!st.ok()) return st;
  // Round-trip through the model file: a freshly trained fastText model keeps its
  // training dictionary's 30M-slot hash table (120 MB); a loaded one sizes it to the
  // vocabulary. And what we evaluate is then exactly what we ship.
  const std::string saved = input + ".bin";
  TRANCHE_RETURN_IF_ERROR(FastTextModel(std::move(ft)).Save(saved));
  auto loaded = Load(saved);
  std::filesystem::remove(saved, ignored);
  return loaded;
}

Result<FastTextModel> FastTextModel::Load(const std::string& path) {
  if (!std::filesystem::is_regular_file(path)) return Status::NotFound("model_not_found", "no model file " + path);
  auto ft = std::make_shared<fasttext::FastText>();
  try {
    ft->loadModel(path);
  } catch (const std::exception& e) {
    return Failed("loading " + path, e);
  }
  if (ft->getArgs().model != fasttext::model_name::sup || ft->getDictionary()->nlabels() < 2) {
    return Status::InvalidArgument("invalid_model", path + " is not a supervised fastText model");
  }
  return FastTextModel(std::move(ft));
}

Status FastTextModel::Save(const std::string& path) const {
  try {
    ft_->saveModel(path);
  } catch (const std::exception& e) {
    return Status::Unavailable("cannot write " + path + ": " + e.what());
  }
  return Status::Ok();
}

std::vector<std::int32_t> FastTextModel::Tokenize(std::string_view normalized) const {
  std::istringstream in{std::string(normalized) + "\n"};
  std::vector<std::int32_t> ids;
  std::vector<std::int32_t> line_labels;
  ft_->getDictionary()->getLine(in, ids, line_labels);
  return ids;
}

void FastTextModel::Probabilities(const std::vector<std::int32_t>& ids, std::vector<double>& probs) const {
  probs.assign(labels_.size(), 0.0);
  fasttext::Predictions predictions;
  ft_->predict(static_cast<std::int32_t>(labels_.size()), ids, predictions, 0.0F);
  if (predictions.empty()) {  // no known token at all: no evidence either way
    probs.assign(labels_.size(), 1.0 / static_cast<double>(labels_.size()));
    return;
  }
  for (const auto& [log_prob, id] : predictions) probs[static_cast<std::size_t>(id)] = std::exp(log_prob);
}

bool FastTextModel::SharesInput(const FastTextModel& other) const {
  const fasttext::Args a = ft_->getArgs();
  const fasttext::Args b = other.ft_->getArgs();
  const auto da = ft_->getDictionary();
  const auto db = other.ft_->getDictionary();
  if (a.minn != b.minn || a.maxn != b.maxn || a.bucket != b.bucket || a.wordNgrams != b.wordNgrams ||
      da->nwords() != db->nwords()) {
    return false;
  }
  for (std::int32_t i = 0; i < da->nwords(); ++i) {
    if (da->getWord(i) != db->getWord(i)) return false;
  }
  return true;
}

}  // namespace tranche::assist
