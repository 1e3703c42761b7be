// Turning a table into model inputs, reproducibly. Each column other than the label,
// the optional `id` column and the excluded ones is a feature: numeric when every
// present cell is a number, otherwise categorical. A categorical column's categories
// are coded by training frequency (most frequent = 0; ties by value), so the same data
// always gives the same codes; a category not seen in training is treated as missing.
// Missing cells ("", NA, N/A, ?, null, nan) become NaN, which XGBoost routes by learned
// defaults.
#pragma once

#include <limits>
#include <set>
#include <string>
#include <vector>

#include "credit/csv.h"

namespace tranche::credit {

inline constexpr float kMissing = std::numeric_limits<float>::quiet_NaN();
inline constexpr std::size_t kMaxCategories = 1'000;

enum class ColumnKind : std::uint8_t { kNumeric, kCategorical };

struct FeatureColumn {
  std::string name;
  ColumnKind kind = ColumnKind::kNumeric;
  std::vector<std::string> categories;  // categorical only; the code is the index
};

struct FeatureSpec {
  std::string label;
  std::vector<FeatureColumn> columns;

  int IndexOf(std::string_view name) const;
};

struct Matrix {
  std::size_t rows = 0;
  std::size_t cols = 0;
  std::vector<float> values;  // row-major
  std::vector<float> labels;  // 0/1; empty when the table had no label column
  std::vector<std::string> ids;  // the `id` column's cells, or row numbers from 1
};

bool IsMissingCell(std::string_view cell);

// Refused: the label column is missing or has a value other than 0/1, a class is absent,
// no feature column is left, or a categorical column has more than kMaxCategories values.
Result<FeatureSpec> InferSpec(const Table& t, const std::string& label, const std::set<std::string>& excluded);

// Encodes `t` by `spec`. Every feature column must be present; the label is read when
// `with_label` (and must then be present and 0/1). A numeric column with a non-number
// is refused naming the row and column.
Result<Matrix> Encode(const FeatureSpec& spec, const Table& t, bool with_label);

}  // namespace tranche::credit
