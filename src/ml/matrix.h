// Model inputs as a dense, row-major matrix of floats with NaN for a missing value: what
// credit's table encoding and fraud's feature engine both produce and the booster reads.
#pragma once

#include <cstddef>
#include <limits>
#include <string>
#include <vector>

namespace tranche::ml {

inline constexpr float kMissing = std::numeric_limits<float>::quiet_NaN();

struct Matrix {
  std::size_t rows = 0;
  std::size_t cols = 0;
  std::vector<float> values;     // row-major
  std::vector<float> labels;     // 0/1; empty when the source had no labels
  std::vector<std::string> ids;  // one per row, or empty

  const float* row(std::size_t r) const { return values.data() + r * cols; }
};

}  // namespace tranche::ml
