// Training a probability-of-default model on any labelled table: a bounded
// hyper-parameter search scored by stratified k-fold cross-validation with early
// stopping, a final fit on all rows, and Platt calibration fitted on the out-of-fold
// margins so scores are usable as PDs. Everything is seeded: the same data and options
// give the same model.
#pragma once

#include <functional>
#include <map>
#include <set>
#include <string>

#include "credit/booster.h"
#include "credit/features.h"
#include "credit/metrics.h"
#include "credit/monitoring.h"

namespace tranche::credit {

struct TrainOptions {
  std::string label = "default";
  std::set<std::string> exclude;
  std::map<std::string, int> monotone;  // column → +1 (PD rises with it) or −1
  int folds = 5;
  std::uint64_t seed = 20261126;
  int max_rounds = 600;
  int patience = 40;
  int threads = 2;
};

struct Candidate {
  int max_depth = 4;
  double min_child_weight = 1;
};

struct CandidateResult {
  Candidate params;
  double cv_auc = 0;
  double cv_logloss = 0;
  int rounds = 0;  // mean best round count over the folds
};

struct Quality {
  double auc = 0;
  double ks = 0;
  double gini = 0;
  double brier = 0;
  std::vector<CalibrationBin> calibration;
};

// Quality of calibrated PDs against labels.
Quality Measure(const std::vector<double>& pd, const std::vector<float>& labels);

struct TrainedModel {
  FeatureSpec spec;
  Booster booster;
  Platt platt;
  BoosterParams params;
  int rounds = 0;
  std::vector<CandidateResult> search;
  Quality cv;  // out-of-fold, calibrated
  std::size_t rows = 0;
  double default_rate = 0;
  // Training distributions that monitoring compares recent decisions with: the
  // calibrated out-of-fold PD, and each feature.
  Bins score_baseline;
  std::vector<Bins> feature_baselines;
};

// Progress: called with (fits done, fits in all) as cross-validation proceeds.
using Progress = std::function<void(int, int)>;

Result<TrainedModel> Train(const Table& data, const TrainOptions& options, const Progress& progress = {});

// Stratified fold of each row (0..folds-1), seeded.
std::vector<int> AssignFolds(const std::vector<float>& labels, int folds, std::uint64_t seed);

}  // namespace tranche::credit
