// Reading and writing the files of a model directory (credit's and fraud's), and the
// parts of their metadata both write the same way: training baselines for PSI and the
// held-out curves.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "core/status.h"
#include "ml/metrics.h"
#include "ml/psi.h"

namespace tranche::ml {

// A missing or unreadable file is NotFound "model_incomplete".
Result<std::string> ReadModelFile(const std::filesystem::path& p);
Status WriteModelFile(const std::filesystem::path& p, const std::string& text);

// Bins as {"edges":[...],"expected":[...]}. FromJson throws nlohmann's exceptions, or
// std::invalid_argument when the shares do not match the edges.
nlohmann::json BinsToJson(const Bins& b);
Bins BinsFromJson(const nlohmann::json& j);

nlohmann::json CalibrationToJson(const std::vector<CalibrationBin>& table);
// Curves as {"rows","positives","auc" (null without both classes),"roc":[[fpr,tpr],...],
// "calibration":[...]}. FromJson throws as BinsFromJson does, also when the ROC has
// more than kMaxRocPoints points.
nlohmann::json CurvesToJson(const Curves& c);
Curves CurvesFromJson(const nlohmann::json& j);

}  // namespace tranche::ml
