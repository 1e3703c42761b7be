#include "credit/features.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <map>

#include "core/assert.h"

namespace tranche::credit {

namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

bool ParseNumber(std::string_view cell, double* out) {
  cell = Trim(cell);
  if (!cell.empty() && cell.front() == '+') cell.remove_prefix(1);
  const auto [end, ec] = std::from_chars(cell.data(), cell.data() + cell.size(), *out);
  return ec == std::errc{} && end == cell.data() + cell.size() && std::isfinite(*out);
}

Result<float> ParseLabel(std::string_view cell, std::size_t row) {
  double v = 0;
  if (!ParseNumber(cell, &v) || (v != 0 && v != 1)) {
    return Status::InvalidArgument("invalid_label", "row " + std::to_string(row) +
                                                        ": the label must be 0 or 1, not '" +
                                                        std::string(cell.substr(0, 40)) + "'");
  }
  return static_cast<float>(v);
}

// Categories by frequency (most frequent first), ties by value.
std::vector<std::string> RankCategories(const Table& t, std::size_t col) {
  std::map<std::string, std::size_t> counts;
  for (const auto& row : t.rows) {
    if (!IsMissingCell(row[col])) ++counts[std::string(Trim(row[col]))];
  }
  std::vector<std::pair<std::string, std::size_t>> ranked(counts.begin(), counts.end());
  std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  std::vector<std::string> out;
  for (auto& [value, n] : ranked) out.push_back(value);
  return out;
}

}  // namespace

const std::string& FeatureSpec::FeatureName(std::size_t i) const {
  TRANCHE_ASSERT(i < width());
  return i < columns.size() ? columns[i].name : derived[i - columns.size()].name;
}

int FeatureSpec::IndexOf(std::string_view name) const {
  for (std::size_t i = 0; i < width(); ++i) {
    if (FeatureName(i) == name) return static_cast<int>(i);
  }
  return -1;
}

void FeatureSpec::ComputeDerivedInto(float* row) const {
  for (std::size_t k = 0; k < derived.size(); ++k) row[columns.size() + k] = ComputeDerived(derived[k], row);
}

std::vector<DerivedFeature> DetectDerivedFor(const FeatureSpec& spec) {
  std::vector<std::string> numeric;
  for (const FeatureColumn& c : spec.columns) numeric.push_back(c.kind == ColumnKind::kNumeric ? c.name : "");
  return DetectDerived(numeric);
}

bool IsMissingCell(std::string_view cell) {
  const std::string v = Lower(Trim(cell));
  return v.empty() || v == "na" || v == "n/a" || v == "?" || v == "null" || v == "nan";
}

Result<FeatureSpec> InferSpec(const Table& t, const std::string& label, const std::set<std::string>& excluded) {
  const int label_col = t.ColumnIndex(label);
  if (label_col < 0) {
    return Status::InvalidArgument("label_missing", "there is no column '" + label + "' to use as the label");
  }
  if (t.rows.empty()) return Status::InvalidArgument("invalid_csv", "the file has a header but no rows");
  std::size_t positives = 0;
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    TRANCHE_ASSIGN_OR_RETURN(float y, ParseLabel(t.rows[r][static_cast<std::size_t>(label_col)], r + 1));
    positives += y == 1 ? 1 : 0;
  }
  if (positives == 0 || positives == t.rows.size()) {
    return Status::InvalidArgument("invalid_label", "the label has only one class; both 0 and 1 are needed");
  }
  FeatureSpec spec{label, {}, {}};
  for (std::size_t c = 0; c < t.header.size(); ++c) {
    const std::string& name = t.header[c];
    if (static_cast<int>(c) == label_col || name == "id" || excluded.contains(name)) continue;
    bool numeric = true;
    double ignored = 0;
    for (const auto& row : t.rows) {
      if (!IsMissingCell(row[c]) && !ParseNumber(row[c], &ignored)) {
        numeric = false;
        break;
      }
    }
    FeatureColumn col{name, numeric ? ColumnKind::kNumeric : ColumnKind::kCategorical, {}};
    if (!numeric) {
      col.categories = RankCategories(t, c);
      if (col.categories.size() > kMaxCategories) {
        return Status::InvalidArgument("too_many_categories", "column '" + name + "' has more than 1,000 distinct values");
      }
    }
    spec.columns.push_back(std::move(col));
  }
  if (spec.columns.empty()) return Status::InvalidArgument("no_features", "no feature columns are left");
  return spec;
}

Result<Matrix> Encode(const FeatureSpec& spec, const Table& t, bool with_label) {
  std::vector<int> source(spec.columns.size());
  for (std::size_t i = 0; i < spec.columns.size(); ++i) {
    source[i] = t.ColumnIndex(spec.columns[i].name);
    if (source[i] < 0) {
      return Status::InvalidArgument("column_missing", "the model needs column '" + spec.columns[i].name + "'");
    }
  }
  const int label_col = t.ColumnIndex(spec.label);
  if (with_label && label_col < 0) {
    return Status::InvalidArgument("label_missing", "there is no column '" + spec.label + "' to evaluate against");
  }
  const int id_col = t.ColumnIndex("id");
  Matrix m{t.rows.size(), spec.width(), {}, {}, {}};
  m.values.reserve(m.rows * m.cols);
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    const auto& row = t.rows[r];
    for (std::size_t i = 0; i < spec.columns.size(); ++i) {
      const FeatureColumn& col = spec.columns[i];
      const std::string& cell = row[static_cast<std::size_t>(source[i])];
      float v = kMissing;
      if (IsMissingCell(cell)) {
        // stays missing
      } else if (col.kind == ColumnKind::kNumeric) {
        double d = 0;
        if (!ParseNumber(cell, &d)) {
          return Status::InvalidArgument("invalid_number", "row " + std::to_string(r + 1) + ", column '" + col.name +
                                                               "': '" + cell.substr(0, 40) + "' is not a number");
        }
        v = static_cast<float>(d);
      } else {
        const auto it = std::find(col.categories.begin(), col.categories.end(), Trim(cell));
        if (it != col.categories.end()) v = static_cast<float>(it - col.categories.begin());
      }
      m.values.push_back(v);
    }
    m.values.resize(m.values.size() + spec.derived.size());
    spec.ComputeDerivedInto(m.values.data() + r * m.cols);
    if (with_label) {
      TRANCHE_ASSIGN_OR_RETURN(float y, ParseLabel(row[static_cast<std::size_t>(label_col)], r + 1));
      m.labels.push_back(y);
    }
    m.ids.push_back(id_col >= 0 ? row[static_cast<std::size_t>(id_col)] : std::to_string(r + 1));
  }
  return m;
}

}  // namespace tranche::credit
