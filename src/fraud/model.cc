#include "fraud/model.h"

#include <algorithm>
#include <array>
#include <cinttypes>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "core/hash.h"
#include "ml/model_files.h"

namespace tranche::fraud {

namespace {

using Json = nlohmann::json;
namespace fs = std::filesystem;

constexpr const char* kFormat = "tranche-fraud-model/1";
// A model reads at most the whole catalogue; the stack buffers below rely on it.
constexpr std::size_t kMaxInputs = kMaxFeatures;

int ScoreOf(double p) { return std::clamp(static_cast<int>(std::floor(p * 100)), 0, 99); }

Result<std::vector<std::size_t>> ColumnsOf(const std::vector<std::string>& names, const Catalogue& catalogue) {
  std::vector<std::size_t> out;
  for (const std::string& n : names) {
    const auto i = catalogue.Find(n);
    if (!i || catalogue.at(*i).type != ValueType::kNumber) {
      return Status::InvalidArgument("model_invalid", "the model reads '" + n + "', which is not a number feature");
    }
    out.push_back(*i);
  }
  if (out.empty() || out.size() > kMaxInputs) return Status::InvalidArgument("model_invalid", "the model reads no features");
  return out;
}

// What the feature choice tried, for the model's readers: the families left out and the
// out-of-time figures with and without them.
Json SelectionJson(const ml::GroupSelection& s, const std::vector<std::string>& dropped_families) {
  Json j = {{"method", "backward elimination of feature families, validated on the latest training rows"},
            {"dropped_families", dropped_families},
            {"training_rows", s.training_rows},
            {"validation_rows", s.validation_rows},
            {"validation_frauds", s.validation_positives},
            {"trials", s.trials.size()}};
  if (!s.skipped.empty()) {
    j["skipped"] = s.skipped;
    return j;
  }
  j["all_features"] = {{"average_precision", s.base_average_precision}, {"auc", s.base_auc}};
  j["chosen"] = {{"average_precision", s.chosen_average_precision}, {"auc", s.chosen_auc}};
  return j;
}

}  // namespace

Result<FraudModel> FraudModel::FromTrained(const TrainedFraud& t, const Catalogue& catalogue, std::int64_t label_delay_s) {
  FraudModel m;
  for (std::size_t c : t.columns) m.names_.push_back(catalogue.at(c).name);
  TRANCHE_ASSIGN_OR_RETURN(m.columns_, ColumnsOf(m.names_, catalogue));
  TRANCHE_ASSIGN_OR_RETURN(m.booster_json_, t.booster.ToJson());
  TRANCHE_ASSIGN_OR_RETURN(m.trees_, ml::TreeEnsemble::FromBoosterJson(m.booster_json_, m.columns_.size()));
  m.platt_ = t.platt;
  m.label_delay_s_ = label_delay_s;
  Json params = Json::object();
  for (const auto& [k, v] : t.params) params[k] = v;
  Json search = Json::array();
  for (const FraudCandidateResult& r : t.search) {
    search.push_back({{"max_depth", r.params.max_depth}, {"min_child_weight", r.params.min_child_weight},
                      {"cv_auc", r.cv_auc}, {"cv_average_precision", r.cv_average_precision}, {"rounds", r.rounds}});
  }
  m.training_rows_ = t.rows;
  if (!t.oof_probability.empty()) {
    std::vector<double> scores;
    for (double p : t.oof_probability) scores.push_back(ScoreOf(p));
    m.score_baseline_ = ml::QuantileBins(scores);
    m.held_out_ = t.held_out;
  }
  const Json inputs = m.names_;
  char version[17];
  std::snprintf(version, sizeof version, "%016" PRIx64,
                Fnv1a(m.booster_json_ + inputs.dump() + std::to_string(t.platt.a) + std::to_string(t.platt.b)));
  m.version_ = std::string(version).substr(0, 12);
  Json meta = Json{{"format", kFormat},
                   {"version", m.version_},
                   {"features", inputs},
                   {"calibration", {{"method", "platt"}, {"a", t.platt.a}, {"b", t.platt.b}}},
                   {"thresholds", {{"review", m.review_score_}, {"block", m.block_score_}}},
                   {"label_delay_s", label_delay_s},
                   {"params", params},
                   {"rounds", t.rounds},
                   {"search", search},
                   {"cross_validated", {{"auc", t.cv_auc}, {"average_precision", t.cv_average_precision}}},
                   {"training_rows", t.rows},
                   {"training_frauds", t.frauds}};
  if (t.selection) meta["feature_selection"] = SelectionJson(*t.selection, t.dropped_families);
  if (m.held_out_) meta["held_out"] = ml::CurvesToJson(*m.held_out_);
  if (m.score_baseline_) meta["baseline"] = {{"score", ml::BinsToJson(*m.score_baseline_)}};
  m.meta_json_ = meta.dump(2);
  return m;
}

Status FraudModel::Save(const std::string& dir) const {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return Status::Internal("cannot create " + dir + ": " + ec.message());
  TRANCHE_RETURN_IF_ERROR(ml::WriteModelFile(fs::path(dir) / "model.json", booster_json_));
  return ml::WriteModelFile(fs::path(dir) / "fraud_model.json", meta_json_ + "\n");
}

Result<FraudModel> FraudModel::Load(const std::string& dir, const Catalogue& catalogue) {
  FraudModel m;
  TRANCHE_ASSIGN_OR_RETURN(m.meta_json_, ml::ReadModelFile(fs::path(dir) / "fraud_model.json"));
  TRANCHE_ASSIGN_OR_RETURN(m.booster_json_, ml::ReadModelFile(fs::path(dir) / "model.json"));
  try {
    const Json meta = Json::parse(m.meta_json_);
    if (meta.at("format") != kFormat) return Status::InvalidArgument("model_invalid", dir + " is not a tranche fraud model");
    m.version_ = meta.at("version").get<std::string>();
    m.names_ = meta.at("features").get<std::vector<std::string>>();
    m.platt_ = ml::Platt{meta.at("calibration").at("a").get<double>(), meta.at("calibration").at("b").get<double>()};
    m.review_score_ = meta.at("thresholds").at("review").get<int>();
    m.block_score_ = meta.at("thresholds").at("block").get<int>();
    m.label_delay_s_ = meta.at("label_delay_s").get<std::int64_t>();
    m.training_rows_ = meta.value("training_rows", std::size_t{0});
    if (meta.contains("held_out")) m.held_out_ = ml::CurvesFromJson(meta.at("held_out"));
    if (meta.contains("baseline")) m.score_baseline_ = ml::BinsFromJson(meta.at("baseline").at("score"));
    m.meta_json_ = meta.dump(2);
  } catch (const std::exception& e) {
    return Status::InvalidArgument("model_invalid", dir + "/fraud_model.json: " + e.what());
  }
  if (m.review_score_ < 0 || m.review_score_ > 99 || m.block_score_ < m.review_score_ || m.block_score_ > 99) {
    return Status::InvalidArgument("model_invalid", dir + ": thresholds must satisfy 0 <= review <= block <= 99");
  }
  TRANCHE_ASSIGN_OR_RETURN(m.columns_, ColumnsOf(m.names_, catalogue));
  TRANCHE_ASSIGN_OR_RETURN(m.trees_, ml::TreeEnsemble::FromBoosterJson(m.booster_json_, m.columns_.size()));
  return m;
}

FraudScore FraudModel::ScoreRow(const float* row, bool with_reasons) const {
  std::array<float, kMaxInputs> x;
  for (std::size_t i = 0; i < columns_.size(); ++i) x[i] = row[columns_[i]];
  FraudScore s;
  s.probability = platt_.Apply(trees_.Margin(x.data()));
  s.score = ScoreOf(s.probability);
  if (!with_reasons) return s;
  std::array<double, kMaxInputs + 1> phi;
  trees_.Contributions(x.data(), phi.data());
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < columns_.size(); ++i) {
    if (phi[i] > 0) order.push_back(i);
  }
  const std::size_t n = std::min(order.size(), kMaxFraudReasons);
  std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(n), order.end(),
                    [&](std::size_t a, std::size_t b) { return phi[a] > phi[b] || (phi[a] == phi[b] && a < b); });
  for (std::size_t k = 0; k < n; ++k) s.reasons.push_back({names_[order[k]], phi[order[k]]});
  return s;
}

FraudScore FraudModel::Score(const FeatureValues& values, bool with_reasons) const {
  std::array<float, kMaxFeatures> row;
  row.fill(std::numeric_limits<float>::quiet_NaN());
  FillNumbers(values, row);
  return ScoreRow(row.data(), with_reasons);
}

std::string FraudModel::Describe() const { return meta_json_; }

}  // namespace tranche::fraud
