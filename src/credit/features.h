// Turning a table into model inputs, reproducibly. Each column other than the label,
// the optional `id` column and the excluded ones is a feature: numeric when every
// present cell is a number, otherwise categorical. A categorical column's categories
// are coded by training frequency (most frequent = 0; ties by value), so the same data
// always gives the same codes; a category not seen in training is treated as missing.
// Missing cells ("", NA, N/A, ?, null, nan) become NaN, which XGBoost routes by learned
// defaults. A spec may add engineered features (derived_features.h): a model row is the
// raw columns, then the derived ones, computed from the raw values.
#pragma once

#include <limits>
#include <set>
#include <string>
#include <vector>

#include "ml/csv.h"
#include "ml/matrix.h"
#include "credit/derived_features.h"

namespace tranche::credit {

inline constexpr std::size_t kMaxCategories = 1'000;

enum class ColumnKind : std::uint8_t { kNumeric, kCategorical };

struct FeatureColumn {
  std::string name;
  ColumnKind kind = ColumnKind::kNumeric;
  std::vector<std::string> categories;  // categorical only; the code is the index
};

struct FeatureSpec {
  std::string label;
  std::vector<FeatureColumn> columns;   // the raw input columns
  std::vector<DerivedFeature> derived;  // computed from `columns`; after them in a row

  // Raw columns and derived features: the width of a model row.
  std::size_t width() const { return columns.size() + derived.size(); }
  // The name of model input i (raw column or derived feature).
  const std::string& FeatureName(std::size_t i) const;
  // Index of a raw column or derived feature by name, or -1.
  int IndexOf(std::string_view name) const;
  // Fills row[columns.size() .. width()) from row[0 .. columns.size()).
  void ComputeDerivedInto(float* row) const;
};

// The engineered features `spec`'s raw numeric columns allow (derived_features.h).
std::vector<DerivedFeature> DetectDerivedFor(const FeatureSpec& spec);

using ml::kMissing;
using ml::Matrix;  // ids: the `id` column's cells, or row numbers from 1
using ml::Table;

bool IsMissingCell(std::string_view cell);

// Refused: the label column is missing or has a value other than 0/1, a class is absent,
// no feature column is left, or a categorical column has more than kMaxCategories values.
Result<FeatureSpec> InferSpec(const Table& t, const std::string& label, const std::set<std::string>& excluded);

// Encodes `t` by `spec` into rows of spec.width() values (raw, then derived). Every raw
// feature column must be present; the label is read when
// `with_label` (and must then be present and 0/1). A numeric column with a non-number
// is refused naming the row and column.
Result<Matrix> Encode(const FeatureSpec& spec, const Table& t, bool with_label);

}  // namespace tranche::credit
