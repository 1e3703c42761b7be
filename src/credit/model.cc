#include "credit/model.h"

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>

#include "auth/keys.h"
#include "core/assert.h"
#include "core/hex.h"
#include "ml/model_files.h"

namespace tranche::credit {

namespace {

using Json = nlohmann::json;
namespace fs = std::filesystem;

std::string Hex(const auth::SecretHash& h) { return HexEncode(h); }

Json SpecToJson(const FeatureSpec& spec) {
  Json cols = Json::array();
  for (const FeatureColumn& c : spec.columns) {
    Json col = {{"name", c.name}, {"kind", c.kind == ColumnKind::kNumeric ? "numeric" : "categorical"}};
    if (c.kind == ColumnKind::kCategorical) col["categories"] = c.categories;
    cols.push_back(std::move(col));
  }
  Json derived = Json::array();
  for (const DerivedFeature& d : spec.derived) {
    const auto names = [&](const std::vector<int>& indices) {
      std::vector<std::string> out;
      for (int i : indices) out.push_back(spec.columns[static_cast<std::size_t>(i)].name);
      return out;
    };
    derived.push_back({{"name", d.name}, {"op", DerivedOpName(d.op)}, {"inputs", names(d.inputs)},
                       {"denominators", names(d.denominators)}, {"monotone", d.monotone}});
  }
  return {{"label", spec.label}, {"columns", std::move(cols)}, {"derived", std::move(derived)}};
}

// Raw column indices of `names`; throws (caught by Load) when one is not a raw column.
std::vector<int> ColumnIndices(const FeatureSpec& spec, const Json& names) {
  std::vector<int> out;
  for (const Json& n : names) {
    const int i = spec.IndexOf(n.get<std::string>());
    if (i < 0 || static_cast<std::size_t>(i) >= spec.columns.size()) {
      throw std::invalid_argument("a derived feature's input '" + n.get<std::string>() + "' is not a column");
    }
    out.push_back(i);
  }
  return out;
}

Result<FeatureSpec> SpecFromJson(const Json& j) {
  FeatureSpec spec{j.at("label").get<std::string>(), {}, {}};
  for (const Json& c : j.at("columns")) {
    FeatureColumn col{c.at("name").get<std::string>(),
                      c.at("kind").get<std::string>() == "numeric" ? ColumnKind::kNumeric : ColumnKind::kCategorical,
                      {}};
    if (col.kind == ColumnKind::kCategorical) col.categories = c.at("categories").get<std::vector<std::string>>();
    spec.columns.push_back(std::move(col));
  }
  if (spec.columns.empty()) return Status::InvalidArgument("model_invalid", "the model has no features");
  for (const Json& d : j.value("derived", Json::array())) {
    const auto op = DerivedOpFromName(d.at("op").get<std::string>());
    if (!op) return Status::InvalidArgument("model_invalid", "unknown derived feature operation");
    DerivedFeature f{d.at("name").get<std::string>(), *op, ColumnIndices(spec, d.at("inputs")),
                     ColumnIndices(spec, d.at("denominators")), d.at("monotone").get<int>()};
    if (f.inputs.empty()) return Status::InvalidArgument("model_invalid", "a derived feature has no inputs");
    spec.derived.push_back(std::move(f));
  }
  return spec;
}

Json ScorecardToJson(const Scorecard& card, const FeatureSpec& spec) {
  Json inputs = Json::array();
  for (std::size_t i = 0; i < card.inputs.size(); ++i) {
    const ScorecardInput& in = card.inputs[i];
    inputs.push_back({{"feature", spec.FeatureName(i)}, {"edges", in.edges}, {"woe", in.woe},
                      {"weight", in.weight}, {"mean_woe", in.mean_woe}});
  }
  return {{"bias", card.bias}, {"inputs", std::move(inputs)}};
}

Scorecard ScorecardFromJson(const Json& j, const FeatureSpec& spec) {
  Scorecard card{{}, j.at("bias").get<double>()};
  for (const Json& in : j.at("inputs")) {
    ScorecardInput input{in.at("edges").get<std::vector<float>>(), in.at("woe").get<std::vector<double>>(),
                         in.at("weight").get<double>(), in.at("mean_woe").get<double>()};
    if (input.woe.size() != input.edges.size() + 2 || !std::is_sorted(input.edges.begin(), input.edges.end())) {
      throw std::invalid_argument("the scorecard's bins are inconsistent");
    }
    card.inputs.push_back(std::move(input));
  }
  if (card.inputs.size() != spec.width()) throw std::invalid_argument("the scorecard needs one input per feature");
  return card;
}

Json QualityToJson(const Quality& q) {
  return {{"auc", q.auc}, {"ks", q.ks}, {"gini", q.gini}, {"brier", q.brier},
          {"calibration", ml::CalibrationToJson(q.calibration)}};
}

std::string ValidationMethod(const Validation& v) { return v.folds_scored > 1 ? "nested_cv" : "validation_split"; }

Json ValidationToJson(const std::optional<Validation>& v) {
  if (!v) return nullptr;
  return {{"method", ValidationMethod(*v)},
          {"outer_folds", v->outer_folds},
          {"folds_scored", v->folds_scored},
          {"rows", v->rows},
          {"model", QualityToJson(v->model)},
          {"baseline", QualityToJson(v->baseline)}};
}

}  // namespace

Result<std::string> FileSha256(const std::string& path) {
  TRANCHE_ASSIGN_OR_RETURN(std::string bytes, ml::ReadModelFile(path));
  return Hex(auth::HashSecret(bytes));
}

CreditModel::CreditModel(TrainedModel t, std::string data_sha256)
    : spec_(std::move(t.spec)), booster_(std::move(t.booster)), scorecard_(std::move(t.scorecard)),
      blend_(t.blend), platt_(t.platt), score_baseline_(std::move(t.score_baseline)),
      feature_baselines_(std::move(t.feature_baselines)), training_rows_(t.rows) {
  TRANCHE_ASSERT(blend_ == 0 || scorecard_.has_value());
  for (std::size_t i = 0; i < spec_.width(); ++i) reasons_.push_back(DefaultReason(spec_.FeatureName(i)));
  Json params = Json::object();
  for (const auto& [k, v] : t.params) params[k] = v;
  auto booster_json = booster_.ToJson();
  TRANCHE_ASSERT_MSG(booster_json.ok(), "a trained booster serializes");
  const Json inputs = SpecToJson(spec_);
  const Json scorecard = scorecard_ ? ScorecardToJson(*scorecard_, spec_) : Json(nullptr);
  // The version covers everything that changes a score, not only the trees.
  version_ = Hex(auth::HashSecret(*booster_json + inputs.dump() + scorecard.dump() + std::to_string(blend_)))
                 .substr(0, 12);
  auto trees = ml::TreeEnsemble::FromBoosterJson(*booster_json, spec_.width());
  TRANCHE_ASSERT_MSG(trees.ok(), "a trained booster has numerical trees within the depth limit");
  trees_ = std::move(trees).value();
  spec_json_ = Json{{"format", "tranche-credit-model/1"},
                    {"version", version_},
                    {"features", inputs},
                    {"scorecard", scorecard},
                    {"blend", blend_},
                    {"calibration", {{"method", "platt"}, {"a", platt_.a}, {"b", platt_.b}}},
                    {"params", params},
                    {"rounds", t.rounds},
                    {"training_rows", t.rows},
                    {"training_default_rate", t.default_rate},
                    {"training_data_sha256", data_sha256}}
                   .dump(2);
  Json search = Json::array();
  for (const CandidateResult& r : t.search) {
    search.push_back({{"max_depth", r.params.max_depth}, {"min_child_weight", r.params.min_child_weight},
                      {"cv_auc", r.cv_auc}, {"cv_logloss", r.cv_logloss}, {"rounds", r.rounds}});
  }
  Json features = Json::object();
  for (std::size_t i = 0; i < spec_.columns.size(); ++i) features[spec_.columns[i].name] = ml::BinsToJson(feature_baselines_[i]);
  held_out_ = HeldOut{t.validation ? ValidationMethod(*t.validation) : "cross_validated",
                      std::move(t.held_out)};
  metrics_json_ = Json{{"unbiased", ValidationToJson(t.validation)},
                       {"held_out", {{"method", held_out_->method}, {"curves", ml::CurvesToJson(held_out_->curves)}}},
                       {"cross_validated", QualityToJson(t.cv)},
                       {"scorecard_cv_auc", t.scorecard_cv_auc},
                       {"search", std::move(search)},
                       {"baseline", {{"score", ml::BinsToJson(score_baseline_)}, {"features", std::move(features)}}}}
                      .dump(2);
}

Status CreditModel::Save(const std::string& dir) const {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return Status::Internal("cannot create " + dir + ": " + ec.message());
  TRANCHE_ASSIGN_OR_RETURN(std::string booster, booster_.ToJson());
  Json reasons = Json::array();
  for (const ReasonEntry& r : reasons_) reasons.push_back({{"feature", r.feature}, {"code", r.code}, {"message", r.message}});
  TRANCHE_RETURN_IF_ERROR(ml::WriteModelFile(fs::path(dir) / "model.json", booster));
  TRANCHE_RETURN_IF_ERROR(ml::WriteModelFile(fs::path(dir) / "reasons.json", reasons.dump(2) + "\n"));
  TRANCHE_RETURN_IF_ERROR(ml::WriteModelFile(fs::path(dir) / "metrics.json", metrics_json_ + "\n"));
  // spec.json last: a directory with it is complete.
  return ml::WriteModelFile(fs::path(dir) / "spec.json", spec_json_ + "\n");
}

Result<CreditModel> CreditModel::Load(const std::string& dir) {
  CreditModel m;
  TRANCHE_ASSIGN_OR_RETURN(m.spec_json_, ml::ReadModelFile(fs::path(dir) / "spec.json"));
  TRANCHE_ASSIGN_OR_RETURN(std::string booster, ml::ReadModelFile(fs::path(dir) / "model.json"));
  TRANCHE_ASSIGN_OR_RETURN(std::string reasons, ml::ReadModelFile(fs::path(dir) / "reasons.json"));
  TRANCHE_ASSIGN_OR_RETURN(m.metrics_json_, ml::ReadModelFile(fs::path(dir) / "metrics.json"));
  try {
    const Json spec = Json::parse(m.spec_json_);
    if (spec.at("format") != "tranche-credit-model/1") {
      return Status::InvalidArgument("model_invalid", dir + " is not a tranche credit model");
    }
    TRANCHE_ASSIGN_OR_RETURN(m.spec_, SpecFromJson(spec.at("features")));
    if (spec.contains("scorecard") && !spec.at("scorecard").is_null()) {
      m.scorecard_ = ScorecardFromJson(spec.at("scorecard"), m.spec_);
    }
    m.blend_ = spec.value("blend", 0.0);
    if (m.blend_ < 0 || m.blend_ > 1 || (m.blend_ > 0 && !m.scorecard_)) {
      return Status::InvalidArgument("model_invalid", dir + ": the blend weight needs a scorecard and must be 0-1");
    }
    m.platt_ = ml::Platt{spec.at("calibration").at("a").get<double>(), spec.at("calibration").at("b").get<double>()};
    m.version_ = spec.at("version").get<std::string>();
    m.training_rows_ = spec.value("training_rows", std::size_t{0});
    const Json metrics = Json::parse(m.metrics_json_);
    if (const auto h = metrics.find("held_out"); h != metrics.end()) {
      m.held_out_ = HeldOut{h->at("method").get<std::string>(), ml::CurvesFromJson(h->at("curves"))};
    }
    const Json baseline = metrics.at("baseline");
    m.score_baseline_ = ml::BinsFromJson(baseline.at("score"));
    for (const FeatureColumn& c : m.spec_.columns) m.feature_baselines_.push_back(ml::BinsFromJson(baseline.at("features").at(c.name)));
    for (const Json& r : Json::parse(reasons)) {
      m.reasons_.push_back({r.at("feature").get<std::string>(), r.at("code").get<std::string>(),
                            r.at("message").get<std::string>()});
    }
  } catch (const std::exception& e) {
    return Status::InvalidArgument("model_invalid", dir + ": " + e.what());
  }
  if (m.reasons_.size() != m.spec_.width()) {
    return Status::InvalidArgument("model_invalid", "reasons.json must have one entry per feature");
  }
  for (std::size_t i = 0; i < m.reasons_.size(); ++i) {
    if (m.reasons_[i].feature != m.spec_.FeatureName(i)) {
      return Status::InvalidArgument("model_invalid", "reasons.json entry " + std::to_string(i) + " is not for " +
                                                          m.spec_.FeatureName(i));
    }
  }
  TRANCHE_ASSIGN_OR_RETURN(m.booster_, ml::Booster::FromJson(booster));
  TRANCHE_ASSIGN_OR_RETURN(m.trees_, ml::TreeEnsemble::FromBoosterJson(booster, m.spec_.width()));
  return m;
}

Score CreditModel::ScoreRow(const float* row) const {
  const std::size_t n = spec_.width();
  std::vector<double> phi(n + 1);
  trees_->Contributions(row, phi.data());
  if (blend_ > 0) {
    // Both parts are exact, so their blend is too.
    std::vector<double> linear(n + 1);
    scorecard_->Contributions(row, linear.data());
    for (std::size_t i = 0; i <= n; ++i) phi[i] = (1 - blend_) * phi[i] + blend_ * linear[i];
  }
  double margin = 0;
  for (double v : phi) margin += v;
  const std::vector<float> features(phi.begin(), phi.begin() + static_cast<std::ptrdiff_t>(n));
  return Score{platt_.Apply(margin), margin, TopReasons(features, reasons_), std::move(phi)};
}

Result<std::vector<Score>> CreditModel::ScoreMatrix(const Matrix& m) const {
  TRANCHE_ASSERT(m.cols == spec_.width());
  std::vector<Score> out;
  out.reserve(m.rows);
  for (std::size_t r = 0; r < m.rows; ++r) out.push_back(ScoreRow(m.values.data() + r * m.cols));
  return out;
}

Result<Score> CreditModel::ScoreOne(const std::vector<float>& row) const {
  if (row.size() != spec_.columns.size()) {
    return Status::InvalidArgument("feature_count", "the model needs " + std::to_string(spec_.columns.size()) + " features");
  }
  std::vector<float> full(spec_.width());
  std::copy(row.begin(), row.end(), full.begin());
  spec_.ComputeDerivedInto(full.data());
  return ScoreRow(full.data());
}

Result<std::vector<float>> CreditModel::XgboostContributions(const Matrix& m) const {
  TRANCHE_ASSIGN_OR_RETURN(ml::DMatrix d, ml::DMatrix::FromDense(m.values, m.rows, m.cols, {}));
  return booster_.PredictContributions(d);
}

std::string CreditModel::Describe() const {
  const Json spec = Json::parse(spec_json_);
  const Json metrics = Json::parse(metrics_json_);
  std::ostringstream s;
  s << "credit model " << version_ << "\n";
  s << "  label: " << spec_.label << "   training rows: " << spec.value("training_rows", 0)
    << "   default rate: " << spec.value("training_default_rate", 0.0) << "\n";
  s << "  training data sha256: " << spec.value("training_data_sha256", "") << "\n";
  s << "  rounds: " << spec.value("rounds", 0) << "   params: " << spec.at("params").dump() << "\n";
  s << "  calibration: platt a=" << platt_.a << " b=" << platt_.b << "\n";
  s << "  features (" << spec_.columns.size() << "):";
  for (const FeatureColumn& c : spec_.columns) {
    s << " " << c.name << (c.kind == ColumnKind::kCategorical ? "[cat]" : "");
  }
  s << "\n  engineered features (" << spec_.derived.size() << "):";
  for (const DerivedFeature& d : spec_.derived) s << " " << d.name;
  s << "\n  scorecard blend weight: " << blend_ << "   scorecard alone, cross-validated AUC: "
    << metrics.value("scorecard_cv_auc", 0.0) << "\n";
  const auto line = [&](const char* what, const Json& q) {
    s << "  " << what << ": AUC " << q.at("auc").get<double>() << "  KS " << q.at("ks").get<double>() << "  Gini "
      << q.at("gini").get<double>() << "  ml::Brier " << q.at("brier").get<double>() << "\n";
  };
  const Json unbiased = metrics.value("unbiased", Json(nullptr));
  if (!unbiased.is_null()) {
    s << "  unbiased estimate (" << unbiased.at("method").get<std::string>() << ", "
      << unbiased.at("folds_scored").get<int>() << " of " << unbiased.at("outer_folds").get<int>()
      << " outer folds, " << unbiased.at("rows").get<std::size_t>() << " rows the training never saw):\n";
    line("  model   ", unbiased.at("model"));
    line("  baseline (tuned XGBoost, raw columns)", unbiased.at("baseline"));
  }
  const Json& cv = metrics.at("cross_validated");
  line("cross-validated (optimistic: the search chose on these folds)", cv);
  s << "  calibration table (mean PD → observed default rate, count):\n";
  for (const Json& b : cv.at("calibration")) {
    s << "    " << b.at("mean_pd").get<double>() << " -> " << b.at("observed_rate").get<double>() << "  ("
      << b.at("count").get<std::size_t>() << ")\n";
  }
  return s.str();
}

}  // namespace tranche::credit
