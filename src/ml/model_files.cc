#include "ml/model_files.h"

#include <fstream>
#include <sstream>

namespace tranche::ml {

Result<std::string> ReadModelFile(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return Status::NotFound("model_incomplete", "cannot read " + p.string());
  std::ostringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

Status WriteModelFile(const std::filesystem::path& p, const std::string& text) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  if (!out) return Status::Internal("cannot write " + p.string());
  return Status::Ok();
}

nlohmann::json BinsToJson(const Bins& b) { return {{"edges", b.edges}, {"expected", b.expected}}; }

Bins BinsFromJson(const nlohmann::json& j) {
  Bins b{j.at("edges").get<std::vector<double>>(), j.at("expected").get<std::vector<double>>()};
  if (b.expected.size() != b.edges.size() + 2) throw std::invalid_argument("baseline bins are inconsistent");
  return b;
}

nlohmann::json CalibrationToJson(const std::vector<CalibrationBin>& table) {
  nlohmann::json out = nlohmann::json::array();
  for (const CalibrationBin& b : table) {
    out.push_back({{"min_pd", b.min_pd}, {"max_pd", b.max_pd}, {"count", b.count},
                   {"mean_pd", b.mean_pd}, {"observed_rate", b.observed_rate}});
  }
  return out;
}

nlohmann::json CurvesToJson(const Curves& c) {
  nlohmann::json roc = nlohmann::json::array();
  for (const RocPoint& p : c.roc) roc.push_back({p.fpr, p.tpr});
  return {{"rows", c.rows},
          {"positives", c.positives},
          {"auc", c.auc ? nlohmann::json(*c.auc) : nlohmann::json(nullptr)},
          {"roc", std::move(roc)},
          {"calibration", CalibrationToJson(c.calibration)}};
}

Curves CurvesFromJson(const nlohmann::json& j) {
  Curves c;
  c.rows = j.at("rows").get<std::size_t>();
  c.positives = j.at("positives").get<std::size_t>();
  if (!j.at("auc").is_null()) c.auc = j.at("auc").get<double>();
  const nlohmann::json& roc = j.at("roc");
  if (roc.size() > kMaxRocPoints) throw std::invalid_argument("the ROC curve has too many points");
  for (const nlohmann::json& p : roc) c.roc.push_back({p.at(0).get<double>(), p.at(1).get<double>()});
  for (const nlohmann::json& b : j.at("calibration")) {
    c.calibration.push_back({b.at("min_pd").get<double>(), b.at("max_pd").get<double>(), b.at("count").get<std::size_t>(),
                             b.at("mean_pd").get<double>(), b.at("observed_rate").get<double>()});
  }
  return c;
}

}  // namespace tranche::ml
