// Training a probability-of-default model on any labelled table, and measuring it
// honestly. The procedure, run on a set of rows:
//   1. engineered features computed from the raw columns (derived_features.h);
//   2. a bounded hyper-parameter search for the boosted trees, scored by stratified
//      k-fold cross-validation with early stopping;
//   3. a WoE logistic scorecard (scorecard.h) cross-validated on the same folds, and
//      the blend weight of its margin chosen on the out-of-fold margins;
//   4. Platt calibration fitted on the blended out-of-fold margins, so scores are PDs;
//   5. the final trees and scorecard fitted on all of the rows.
// The cross-validated quality of step 2-4 is optimistic: the search and the blend chose
// on those very folds. The unbiased estimate runs the whole procedure again on outer
// training rows and scores outer rows that it never saw: one outer fold (an untouched
// validation split) by default, or every outer fold (nested cross-validation). The
// baseline, plain tuned XGBoost on the raw columns, is measured on the same outer rows.
// Everything is seeded: the same data and options give the same model.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>

#include "ml/booster.h"
#include "ml/cross_validation.h"
#include "credit/features.h"
#include "ml/metrics.h"
#include "ml/psi.h"
#include "credit/scorecard.h"

namespace tranche::credit {

struct TrainOptions {
  std::string label = "default";
  std::set<std::string> exclude;
  // column → +1 (PD rises with it) or −1; derived features keep their known direction
  // (derived_features.h) unless named here.
  std::map<std::string, int> monotone;
  int folds = 5;
  std::uint64_t seed = 20261126;
  int max_rounds = 600;
  int patience = 40;
  int threads = 2;
  bool engineer_features = true;  // when the columns allow (derived_features.h)
  bool scorecard = true;          // blend the trees with a WoE logistic scorecard
  // 0: no unbiased estimate (the library default: the demo and tests train without
  // one; `tranche train credit` asks for 5); else 2-20.
  int outer_folds = 0;
  bool nested = false;            // score every outer fold, not only the first
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
  std::vector<ml::CalibrationBin> calibration;
};

// Quality of calibrated PDs against labels.
Quality Measure(const std::vector<double>& pd, const std::vector<float>& labels);

// The unbiased estimate: rows the procedure never saw, scored by a model trained
// without them.
struct Validation {
  int outer_folds = 0;
  int folds_scored = 0;  // 1: a validation split; outer_folds: nested cross-validation
  std::size_t rows = 0;  // rows scored
  Quality model;
  Quality baseline;  // tuned XGBoost on the raw columns, no scorecard, no constraints
  ml::Curves curves;  // the model's ROC and calibration on those rows
};

struct TrainedModel {
  FeatureSpec spec;
  ml::Booster booster;
  ml::Platt platt;
  ml::BoosterParams params;
  int rounds = 0;
  std::vector<CandidateResult> search;
  std::optional<Scorecard> scorecard;
  double blend = 0;  // margin = (1 − blend) · trees + blend · scorecard
  double scorecard_cv_auc = 0;
  Quality cv;  // out-of-fold, calibrated; optimistic (the search chose on these folds)
  std::optional<Validation> validation;
  // The ROC and calibration to show beside the model: the unbiased estimate's rows when
  // there is one, else the out-of-fold scores (optimistic).
  ml::Curves held_out;
  std::size_t rows = 0;
  double default_rate = 0;
  // Training distributions that monitoring compares recent decisions with: the
  // calibrated out-of-fold PD, and each raw feature column.
  ml::Bins score_baseline;
  std::vector<ml::Bins> feature_baselines;
};

// Progress: called with (fits done, fits in all) as cross-validation proceeds.
using Progress = std::function<void(int, int)>;

Result<TrainedModel> Train(const Table& data, const TrainOptions& options, const Progress& progress = {});

}  // namespace tranche::credit
