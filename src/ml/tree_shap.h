// Exact TreeSHAP (Lundberg, Erion & Lee, "Consistent individualized feature attribution
// for tree ensembles", 2018, Algorithm 2: path-dependent) over an XGBoost booster's
// trees, for scoring one application fast. XGBoost's own contribution prediction
// computes the same values but costs ~0.5 ms per row through the C API (a DMatrix per
// call and per-row set-up); this flat, allocation-free walk makes reason codes cheap
// enough for the checkout path. Tests check it against XGBoost's values.
#pragma once

#include <string_view>
#include <vector>

#include "core/status.h"

namespace tranche::ml {

// Deeper trees are refused: the path storage lives on the stack, so scoring allocates
// nothing and is safe from any number of threads.
inline constexpr int kMaxTreeDepth = 20;

class TreeEnsemble {
 public:
  // Parses the JSON a binary:logistic gbtree booster saves (numerical splits only).
  static Result<TreeEnsemble> FromBoosterJson(std::string_view json, std::size_t num_features);

  // The raw score (log-odds) for one row of num_features values (NaN = missing).
  double Margin(const float* row) const;
  // phi[0..num_features) each feature's contribution, phi[num_features] the bias
  // (expected margin); they sum to Margin(row). `phi` must hold num_features + 1.
  void Contributions(const float* row, double* phi) const;

  std::size_t num_features() const { return num_features_; }
  std::size_t num_trees() const { return roots_.size(); }

 private:
  struct Node {
    int left = -1;  // -1: a leaf
    int right = -1;
    int feature = 0;
    float threshold = 0;  // go left when x < threshold
    bool default_left = false;
    double value = 0;  // leaf value; for inner nodes the cover-weighted mean below
    double cover = 0;
  };
  struct PathElement {
    int feature;
    double zero_fraction;
    double one_fraction;
    double weight;
  };

  int Next(const Node& n, const float* row) const;
  void Recurse(int node, const float* row, double* phi, PathElement* parent_path, int depth,
               double parent_zero, double parent_one, int parent_feature) const;

  std::vector<Node> nodes_;   // all trees, each tree's nodes contiguous
  std::vector<int> roots_;    // index of each tree's root in nodes_
  int max_depth_ = 0;
  double base_margin_ = 0;
  std::size_t num_features_ = 0;
};

}  // namespace tranche::ml
