#include "ml/tree_shap.h"

#include <cmath>
#include <nlohmann/json.hpp>

#include "core/assert.h"

namespace tranche::ml {

namespace {

using Json = nlohmann::json;

// 1/k for the small integers the path arithmetic divides by: divisions dominate the
// cost of TreeSHAP, multiplications by a reciprocal are several times cheaper.
struct Reciprocals {
  double of[kMaxTreeDepth + 4];
  constexpr Reciprocals() : of() {
    of[0] = 0;
    for (int k = 1; k < kMaxTreeDepth + 4; ++k) of[k] = 1.0 / k;
  }
};
constexpr Reciprocals kInv;

// Path bookkeeping of Algorithm 2: extend the path by one split...
void Extend(auto* path, int depth, double zero, double one, int feature) {
  path[depth] = {feature, zero, one, depth == 0 ? 1.0 : 0.0};
  const double inv = kInv.of[depth + 1];
  for (int i = depth - 1; i >= 0; --i) {
    path[i + 1].weight += one * path[i].weight * (i + 1) * inv;
    path[i].weight = zero * path[i].weight * (depth - i) * inv;
  }
}

// ...undo the extension of element `index`...
void Unwind(auto* path, int depth, int index) {
  const double one = path[index].one_fraction;
  const double zero = path[index].zero_fraction;
  const double scale = static_cast<double>(depth + 1);
  const double inv_depth = kInv.of[depth + 1];
  double next = path[depth].weight;
  if (one != 0) {
    const double inv_one = 1 / one;
    for (int i = depth - 1; i >= 0; --i) {
      const double tmp = path[i].weight;
      path[i].weight = next * scale * kInv.of[i + 1] * inv_one;
      next = tmp - path[i].weight * zero * (depth - i) * inv_depth;
    }
  } else {
    const double inv_zero = 1 / zero;
    for (int i = depth - 1; i >= 0; --i) path[i].weight = path[i].weight * scale * inv_zero * kInv.of[depth - i];
  }
  for (int i = index; i < depth; ++i) {
    path[i].feature = path[i + 1].feature;
    path[i].zero_fraction = path[i + 1].zero_fraction;
    path[i].one_fraction = path[i + 1].one_fraction;
  }
}

// ...and the total weight the path would have without element `index`.
double UnwoundSum(const auto* path, int depth, int index) {
  const double one = path[index].one_fraction;
  const double zero = path[index].zero_fraction;
  const double scale = static_cast<double>(depth + 1);
  double total = 0;
  if (one != 0) {
    const double inv_one = 1 / one;
    const double inv_depth = kInv.of[depth + 1];
    double next = path[depth].weight;
    for (int i = depth - 1; i >= 0; --i) {
      const double tmp = next * scale * kInv.of[i + 1] * inv_one;
      total += tmp;
      next = path[i].weight - tmp * zero * (depth - i) * inv_depth;
    }
  } else {
    const double inv_zero = 1 / zero;
    for (int i = depth - 1; i >= 0; --i) total += path[i].weight * inv_zero * scale * kInv.of[depth - i];
  }
  return total;
}

}  // namespace

Result<TreeEnsemble> TreeEnsemble::FromBoosterJson(std::string_view text, std::size_t num_features) {
  TreeEnsemble e;
  e.num_features_ = num_features;
  try {
    const Json j = Json::parse(text);
    const Json& learner = j.at("learner");
    if (learner.at("objective").at("name") != "binary:logistic") {
      return Status::InvalidArgument("model_invalid", "only binary:logistic boosters are supported");
    }
    const double base_score = std::stod(learner.at("learner_model_param").at("base_score").get<std::string>());
    e.base_margin_ = std::log(base_score / (1 - base_score));
    for (const Json& t : learner.at("gradient_booster").at("model").at("trees")) {
      const auto left = t.at("left_children").get<std::vector<int>>();
      const auto right = t.at("right_children").get<std::vector<int>>();
      const auto feature = t.at("split_indices").get<std::vector<int>>();
      const auto cond = t.at("split_conditions").get<std::vector<float>>();
      const auto dleft = t.at("default_left").get<std::vector<int>>();
      const auto hess = t.at("sum_hessian").get<std::vector<double>>();
      const auto type = t.at("split_type").get<std::vector<int>>();
      const int base = static_cast<int>(e.nodes_.size());
      e.roots_.push_back(base);
      for (std::size_t n = 0; n < left.size(); ++n) {
        if (type[n] != 0) return Status::InvalidArgument("model_invalid", "categorical splits are not supported");
        Node node;
        node.cover = hess[n];
        if (left[n] == -1) {
          node.value = cond[n];  // a leaf keeps its value where splits keep thresholds
        } else {
          if (feature[n] < 0 || static_cast<std::size_t>(feature[n]) >= num_features) {
            return Status::InvalidArgument("model_invalid", "a split uses an unknown feature");
          }
          node.left = base + left[n];
          node.right = base + right[n];
          node.feature = feature[n];
          node.threshold = cond[n];
          node.default_left = dleft[n] != 0;
        }
        e.nodes_.push_back(node);
      }
    }
  } catch (const std::exception& ex) {
    return Status::InvalidArgument("model_invalid", std::string("cannot read the booster: ") + ex.what());
  }
  // Inner nodes' expected values and the deepest tree, children after parents as
  // XGBoost stores them, so a reverse sweep fills bottom-up.
  std::vector<int> depth(e.nodes_.size(), 0);
  for (std::size_t i = 0; i < e.nodes_.size(); ++i) {
    const Node& n = e.nodes_[i];
    if (n.left < 0) continue;
    depth[static_cast<std::size_t>(n.left)] = depth[i] + 1;
    depth[static_cast<std::size_t>(n.right)] = depth[i] + 1;
    e.max_depth_ = std::max(e.max_depth_, depth[i] + 1);
  }
  for (std::size_t i = e.nodes_.size(); i-- > 0;) {
    Node& n = e.nodes_[i];
    if (n.left < 0) continue;
    const Node& l = e.nodes_[static_cast<std::size_t>(n.left)];
    const Node& r = e.nodes_[static_cast<std::size_t>(n.right)];
    n.value = n.cover > 0 ? (l.cover * l.value + r.cover * r.value) / n.cover : 0;
  }
  if (e.max_depth_ > kMaxTreeDepth) {
    return Status::InvalidArgument("model_invalid", "trees deeper than 20 levels are not supported");
  }
  return e;
}

int TreeEnsemble::Next(const Node& n, const float* row) const {
  const float x = row[n.feature];
  if (std::isnan(x)) return n.default_left ? n.left : n.right;
  return x < n.threshold ? n.left : n.right;
}

double TreeEnsemble::Margin(const float* row) const {
  double margin = base_margin_;
  for (int root : roots_) {
    int n = root;
    while (nodes_[static_cast<std::size_t>(n)].left >= 0) n = Next(nodes_[static_cast<std::size_t>(n)], row);
    margin += nodes_[static_cast<std::size_t>(n)].value;
  }
  return margin;
}

void TreeEnsemble::Recurse(int node_index, const float* row, double* phi, PathElement* parent_path, int depth,
                           double parent_zero, double parent_one, int parent_feature) const {
  const Node& node = nodes_[static_cast<std::size_t>(node_index)];
  // Each level works on its own copy of the path, right after its parent's.
  PathElement* path = parent_path + depth;
  std::copy(parent_path, parent_path + depth, path);
  Extend(path, depth, parent_zero, parent_one, parent_feature);
  if (node.left < 0) {
    for (int i = 1; i <= depth; ++i) {
      const double w = UnwoundSum(path, depth, i);
      phi[path[i].feature] += w * (path[i].one_fraction - path[i].zero_fraction) * node.value;
    }
    return;
  }
  const int hot = Next(node, row);
  const int cold = hot == node.left ? node.right : node.left;
  double incoming_zero = 1;
  double incoming_one = 1;
  // A feature split on again higher up: undo its earlier split and carry its fractions.
  int k = 1;
  for (; k <= depth; ++k) {
    if (path[k].feature == node.feature) break;
  }
  if (k <= depth) {
    incoming_zero = path[k].zero_fraction;
    incoming_one = path[k].one_fraction;
    Unwind(path, depth, k);
    --depth;
  }
  const double hot_cover = nodes_[static_cast<std::size_t>(hot)].cover;
  const double cold_cover = nodes_[static_cast<std::size_t>(cold)].cover;
  Recurse(hot, row, phi, path, depth + 1, incoming_zero * hot_cover / node.cover, incoming_one, node.feature);
  Recurse(cold, row, phi, path, depth + 1, incoming_zero * cold_cover / node.cover, 0, node.feature);
}

void TreeEnsemble::Contributions(const float* row, double* phi) const {
  // Level d's path copy starts at d(d+1)/2 and holds d+1 elements; paths are at most
  // max depth + 1 long.
  constexpr int kLevels = kMaxTreeDepth + 2;
  PathElement paths[kLevels * (kLevels + 1) / 2];
  std::fill(phi, phi + num_features_ + 1, 0.0);
  phi[num_features_] = base_margin_;
  for (int root : roots_) {
    const Node& r = nodes_[static_cast<std::size_t>(root)];
    phi[num_features_] += r.value;
    if (r.left >= 0) Recurse(root, row, phi, paths, 0, 1, 1, -1);
  }
}

}  // namespace tranche::ml
