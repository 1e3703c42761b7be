#include "assist/nlu_classifier.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "assist/nlu_data.h"
#include "assist/nlu_text.h"

namespace tranche::assist {

namespace {

using Json = nlohmann::json;

constexpr int kFormat = 1;

std::string MemberFile(std::size_t k) { return "intent-" + std::to_string(k) + ".bin"; }

}  // namespace

FastTextIntentClassifier::FastTextIntentClassifier(std::vector<FastTextModel> members, Calibration calibration,
                                                   std::string params)
    : members_(std::move(members)), calibration_(calibration), params_(std::move(params)) {
  TRANCHE_ASSERT(!members_.empty() && members_.size() <= kMaxEnsemble);
  TRANCHE_ASSERT(calibration_.temperature > 0.0);
  labels_ = members_.front().labels();
  std::sort(labels_.begin(), labels_.end());
  for (const FastTextModel& m : members_) {
    TRANCHE_ASSERT_MSG(m.labels().size() == labels_.size(), "ensemble members share one label set");
    std::vector<std::size_t> map;
    for (const std::string& l : m.labels()) {
      const auto it = std::lower_bound(labels_.begin(), labels_.end(), l);
      TRANCHE_ASSERT_MSG(it != labels_.end() && *it == l, "ensemble members share one label set");
      map.push_back(static_cast<std::size_t>(it - labels_.begin()));
    }
    to_canonical_.push_back(std::move(map));
    shared_input_ = shared_input_ && m.SharesInput(members_.front());
  }
  const auto oos = std::lower_bound(labels_.begin(), labels_.end(), kOutOfScope);
  if (oos != labels_.end() && *oos == kOutOfScope) oos_index_ = static_cast<int>(oos - labels_.begin());
}

void FastTextIntentClassifier::RawDistribution(std::string_view text, std::vector<double>& probs) const {
  const std::string normalized = NormalizeUtterance(text.substr(0, kMaxUtteranceBytes));
  probs.assign(labels_.size(), 0.0);
  std::vector<double> member;
  const std::vector<std::int32_t> shared_ids =
      shared_input_ ? members_.front().Tokenize(normalized) : std::vector<std::int32_t>{};
  for (std::size_t k = 0; k < members_.size(); ++k) {
    if (shared_input_) {
      members_[k].Probabilities(shared_ids, member);
    } else {
      members_[k].Probabilities(normalized, member);
    }
    for (std::size_t i = 0; i < member.size(); ++i) probs[to_canonical_[k][i]] += member[i];
  }
  for (double& p : probs) p /= static_cast<double>(members_.size());
}

IntentPrediction FastTextIntentClassifier::Decide(std::vector<double> raw, const Calibration& calibration) const {
  ApplyTemperature(calibration.temperature, raw);
  const auto top = static_cast<std::size_t>(std::max_element(raw.begin(), raw.end()) - raw.begin());
  IntentPrediction p{labels_[top], raw[top]};
  if (oos_index_ >= 0 && p.confidence < calibration.oos_threshold) p.intent = std::string(kOutOfScope);
  return p;
}

IntentPrediction FastTextIntentClassifier::Classify(std::string_view text) const {
  std::vector<double> raw;
  RawDistribution(text, raw);
  return Decide(std::move(raw));
}

Status FastTextIntentClassifier::Save(const std::string& dir) const {
  Json members = Json::array();
  for (std::size_t k = 0; k < members_.size(); ++k) {
    TRANCHE_RETURN_IF_ERROR(members_[k].Save(dir + "/" + MemberFile(k)));
    members.push_back(MemberFile(k));
  }
  const Json meta = {{"format", kFormat},
                     {"labels", labels_},
                     {"members", members},
                     {"temperature", calibration_.temperature},
                     {"oos_threshold", calibration_.oos_threshold},
                     {"params", params_}};
  std::ofstream out(dir + "/intents.json", std::ios::trunc);
  out << meta.dump(2) << '\n';
  if (!out.flush()) return Status::Unavailable("cannot write " + dir + "/intents.json");
  return Status::Ok();
}

Result<std::unique_ptr<FastTextIntentClassifier>> FastTextIntentClassifier::Load(const std::string& dir) {
  const std::string meta_path = dir + "/intents.json";
  std::ifstream in(meta_path);
  if (!in) return Status::NotFound("model_not_found", "no intent model in " + dir + " (intents.json missing)");
  const Json meta = Json::parse(in, nullptr, /*allow_exceptions=*/false);
  const auto bad = [&](const std::string& what) {
    return Status::InvalidArgument("invalid_model", meta_path + ": " + what);
  };
  if (!meta.is_object() || meta.value("format", 0) != kFormat) return bad("not a format-1 intent model");
  const Json members = meta.value("members", Json());
  if (!members.is_array() || members.empty() || members.size() > kMaxEnsemble) return bad("1-9 members expected");
  const double temperature = meta.value("temperature", 0.0);
  const double threshold = meta.value("oos_threshold", -1.0);
  if (!(temperature > 0.0 && temperature <= 100.0) || !(threshold >= 0.0 && threshold <= 1.0)) {
    return bad("calibration out of range");
  }
  std::vector<FastTextModel> models;
  for (const Json& m : members) {
    if (!m.is_string() || m.get<std::string>().find('/') != std::string::npos) return bad("bad member name");
    TRANCHE_ASSIGN_OR_RETURN(FastTextModel model, FastTextModel::Load(dir + "/" + m.get<std::string>()));
    if (!models.empty()) {
      std::vector<std::string> a = models.front().labels();
      std::vector<std::string> b = model.labels();
      std::sort(a.begin(), a.end());
      std::sort(b.begin(), b.end());
      if (a != b) return bad("members disagree on the labels");
    }
    models.push_back(std::move(model));
  }
  return std::make_unique<FastTextIntentClassifier>(std::move(models), Calibration{temperature, threshold},
                                                    meta.value("params", std::string()));
}

}  // namespace tranche::assist
