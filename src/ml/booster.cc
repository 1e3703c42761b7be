#include "ml/booster.h"

#include <xgboost/c_api.h>

#include <cmath>
#include <cstring>
#include <cstdlib>
#include <limits>

#include "core/assert.h"

namespace tranche::ml {

namespace {

Status XgbError(const char* what) {
  return Status::Internal(std::string(what) + ": " + XGBGetLastError());
}

#define TRANCHE_XGB(call)                         \
  do {                                            \
    if ((call) != 0) return XgbError(#call);      \
  } while (false)

std::shared_ptr<void> OwnBooster(BoosterHandle h) {
  return std::shared_ptr<void>(h, [](void* p) { XGBoosterFree(p); });
}

// Validation log-loss from an EvalOneIter line: "[12]\tvalid-logloss:0.431".
double ParseLogLoss(const char* line) {
  const char* at = std::strstr(line, "logloss:");
  return at == nullptr ? std::numeric_limits<double>::infinity() : std::strtod(at + 8, nullptr);
}

Result<const float*> Predict(void* booster, const DMatrix& m, int type, bst_ulong* count) {
  const std::string config = "{\"type\":" + std::to_string(type) +
                             ",\"training\":false,\"iteration_begin\":0,\"iteration_end\":0,\"strict_shape\":false}";
  const bst_ulong* shape = nullptr;
  bst_ulong dim = 0;
  const float* out = nullptr;
  TRANCHE_XGB(XGBoosterPredictFromDMatrix(booster, m.handle(), config.c_str(), &shape, &dim, &out));
  bst_ulong n = 1;
  for (bst_ulong i = 0; i < dim; ++i) n *= shape[i];
  *count = n;
  return out;
}

}  // namespace

Result<DMatrix> DMatrix::FromDense(const std::vector<float>& values, std::size_t rows, std::size_t cols,
                                   const std::vector<float>& labels) {
  TRANCHE_ASSERT(values.size() == rows * cols);
  TRANCHE_ASSERT(labels.empty() || labels.size() == rows);
  DMatrixHandle h = nullptr;
  TRANCHE_XGB(XGDMatrixCreateFromMat(values.data(), rows, cols, std::numeric_limits<float>::quiet_NaN(), &h));
  DMatrix m;
  m.handle_ = std::shared_ptr<void>(h, [](void* p) { XGDMatrixFree(p); });
  m.rows_ = rows;
  if (!labels.empty()) TRANCHE_XGB(XGDMatrixSetFloatInfo(h, "label", labels.data(), rows));
  return m;
}

Result<std::pair<Booster, Booster::Fit>> Booster::Train(const DMatrix& train, const BoosterParams& params,
                                                        int max_rounds, const DMatrix* valid, int patience,
                                                        const std::function<void(int)>& on_round) {
  TRANCHE_ASSERT(max_rounds > 0 && patience > 0);
  DMatrixHandle cache[] = {train.handle()};
  BoosterHandle h = nullptr;
  TRANCHE_XGB(XGBoosterCreate(cache, 1, &h));
  Booster b;
  b.handle_ = OwnBooster(h);
  for (const auto& [k, v] : params) TRANCHE_XGB(XGBoosterSetParam(h, k.c_str(), v.c_str()));
  Fit fit{0, std::numeric_limits<double>::infinity()};
  for (int round = 0; round < max_rounds; ++round) {
    TRANCHE_XGB(XGBoosterUpdateOneIter(h, round, train.handle()));
    if (on_round) on_round(round);
    if (valid == nullptr) {
      fit.rounds = round + 1;
      continue;
    }
    DMatrixHandle eval[] = {valid->handle()};
    const char* names[] = {"valid"};
    const char* line = nullptr;
    TRANCHE_XGB(XGBoosterEvalOneIter(h, round, eval, names, 1, &line));
    const double loss = ParseLogLoss(line);
    if (loss < fit.best_valid_logloss) {
      fit.best_valid_logloss = loss;
      fit.rounds = round + 1;
    } else if (round + 1 - fit.rounds >= patience) {
      break;
    }
  }
  // Keep only the best prefix of trees.
  BoosterHandle best = nullptr;
  TRANCHE_XGB(XGBoosterSlice(h, 0, fit.rounds, 1, &best));
  b.handle_ = OwnBooster(best);
  return std::make_pair(std::move(b), fit);
}

Result<Booster> Booster::FromJson(std::string_view json) {
  BoosterHandle h = nullptr;
  TRANCHE_XGB(XGBoosterCreate(nullptr, 0, &h));
  Booster b;
  b.handle_ = OwnBooster(h);
  TRANCHE_XGB(XGBoosterLoadModelFromBuffer(h, json.data(), json.size()));
  TRANCHE_XGB(XGBoosterSetParam(h, "nthread", "1"));  // scoring one application at a time
  return b;
}

Result<std::string> Booster::ToJson() const {
  bst_ulong len = 0;
  const char* data = nullptr;
  TRANCHE_XGB(XGBoosterSaveModelToBuffer(handle_.get(), "{\"format\":\"json\"}", &len, &data));
  return std::string(data, len);
}

Result<std::vector<double>> Booster::PredictMargins(const DMatrix& m) const {
  bst_ulong n = 0;
  TRANCHE_ASSIGN_OR_RETURN(const float* out, Predict(handle_.get(), m, 1, &n));
  TRANCHE_ASSERT(n == m.rows());
  return std::vector<double>(out, out + n);
}

Result<std::vector<float>> Booster::PredictContributions(const DMatrix& m) const {
  bst_ulong n = 0;
  TRANCHE_ASSIGN_OR_RETURN(const float* out, Predict(handle_.get(), m, 2, &n));
  return std::vector<float>(out, out + n);
}

}  // namespace tranche::ml
