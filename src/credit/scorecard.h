// A scorecard-style logistic model (pure, deterministic): every input is binned and
// each bin replaced by its weight of evidence (WoE, the bin's log-odds of default
// relative to the whole population), then an L2-regularised logistic regression on the
// WoE values is fitted by Newton's method. It is the credit industry's classic model;
// here it is blended with the boosted trees, whose errors it does not share (it is
// additive and smooth where trees are piecewise and interacting).
//
// Binning: up to kScorecardBins equal-count bins per input (each distinct value its own
// bin when there are that few, as for codes and statuses), plus a bin for missing
// values. WoE is smoothed toward 0 by kWoePriorRows pseudo-rows at the base rate, so a
// small bin cannot claim extreme evidence, and an empty or unseen bin is neutral.
//
// Monotone inputs (the same constraints the trees get) keep their direction: adjacent
// bins whose WoE is out of order are pooled (pool-adjacent-violators) and the input's
// weight is kept ≥ 0, so the scorecard, like the trees, never lowers the PD as such an
// input rises.
//
// The model is linear in the WoE values, so each input's contribution to the margin is
// exact: weight × (WoE(x) − the training mean WoE); the bias is the margin of an
// average row. They sum to the margin.
#pragma once

#include <vector>

#include "credit/features.h"

namespace tranche::credit {

inline constexpr std::size_t kScorecardBins = 10;
inline constexpr double kWoePriorRows = 2;
inline constexpr double kScorecardL2 = 5;
inline constexpr int kScorecardMaxNewtonSteps = 50;
inline constexpr int kScorecardMaxHalvings = 30;

struct ScorecardInput {
  std::vector<float> edges;  // x falls in bin i = how many edges are ≤ x
  std::vector<double> woe;   // edges.size() + 1 bins, then the missing bin
  double weight = 0;
  double mean_woe = 0;  // over the training rows, so contributions are centred

  double Woe(float x) const;
};

struct Scorecard {
  std::vector<ScorecardInput> inputs;  // one per model input (matrix column)
  double bias = 0;

  double Margin(const float* row) const;
  // phi[0..inputs.size()) each input's contribution, phi[inputs.size()] the bias; they
  // sum to Margin(row).
  void Contributions(const float* row, double* phi) const;
};

// Fits on every row of `m` (labels required). `monotone` is empty or holds, per column,
// +1 (PD rises with it), −1 or 0. Preconditions (asserted): rows > 0, both classes
// present.
Scorecard FitScorecard(const Matrix& m, const std::vector<int>& monotone = {});

}  // namespace tranche::credit
