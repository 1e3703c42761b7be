// A thin, owning wrapper around the XGBoost C API (libxgboost): matrices, training one
// round at a time with a validation set for early stopping, margins and per-feature
// contributions (TreeSHAP), and the model as JSON. Every XGBoost error becomes a Status.
// This is the only file that includes xgboost/c_api.h.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/status.h"

namespace tranche::ml {

class DMatrix {
 public:
  // `values` is row-major rows × cols with NaN for missing; `labels` may be empty.
  static Result<DMatrix> FromDense(const std::vector<float>& values, std::size_t rows, std::size_t cols,
                                   const std::vector<float>& labels);
  void* handle() const { return handle_.get(); }
  std::size_t rows() const { return rows_; }

 private:
  std::shared_ptr<void> handle_;
  std::size_t rows_ = 0;
};

using BoosterParams = std::vector<std::pair<std::string, std::string>>;

class Booster {
 public:
  struct Fit {
    int rounds = 0;             // trees kept (best round + 1 when early-stopped)
    double best_valid_logloss = 0;
  };
  // Trains up to `max_rounds` rounds; with `valid`, stops once validation log-loss has
  // not improved for `patience` rounds and keeps the best prefix. `on_round` (optional)
  // is told each finished round.
  static Result<std::pair<Booster, Fit>> Train(const DMatrix& train, const BoosterParams& params,
                                               int max_rounds, const DMatrix* valid, int patience,
                                               const std::function<void(int)>& on_round = {});
  static Result<Booster> FromJson(std::string_view json);
  Result<std::string> ToJson() const;

  // Raw scores (log-odds) for every row.
  Result<std::vector<double>> PredictMargins(const DMatrix& m) const;
  // For every row, cols + 1 values: each feature's contribution to the margin, then the
  // bias; they sum to the margin.
  Result<std::vector<float>> PredictContributions(const DMatrix& m) const;

 private:
  std::shared_ptr<void> handle_;
};

}  // namespace tranche::ml
