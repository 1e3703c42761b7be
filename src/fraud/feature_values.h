// The vocabulary shared by fraud's feature engine, its rules and its model: a catalogue
// of named, typed features and one event's values in catalogue order.
//
// The feature engine (fraud/features*) owns the real catalogue and fills the values;
// rules (fraud/rules*) are type-checked against a catalogue and read the values; the
// model reads the numeric ones. A value may be missing (an entity seen for the first
// time has no history): rules treat a comparison with a missing value as false.
#pragma once

#include <cstddef>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/assert.h"

namespace tranche::fraud {

enum class ValueType : unsigned char { kNumber, kText };

struct FeatureDef {
  std::string name;         // lower_snake_case, e.g. "distinct_consumers_per_device_24h"
  ValueType type = ValueType::kNumber;
  std::string description;  // one line, for operators writing rules
};

// Bounds: a catalogue is small and names are short, so rules and reviewers can list them.
inline constexpr std::size_t kMaxFeatures = 512;
inline constexpr std::size_t kMaxFeatureNameBytes = 64;

class Catalogue {
 public:
  // Preconditions (asserted): at most kMaxFeatures definitions, names unique, non-empty
  // and at most kMaxFeatureNameBytes.
  explicit Catalogue(std::vector<FeatureDef> defs) : defs_(std::move(defs)) {
    TRANCHE_ASSERT(defs_.size() <= kMaxFeatures);
    for (std::size_t i = 0; i < defs_.size(); ++i) {
      TRANCHE_ASSERT(!defs_[i].name.empty() && defs_[i].name.size() <= kMaxFeatureNameBytes);
      for (std::size_t j = 0; j < i; ++j) TRANCHE_ASSERT(defs_[j].name != defs_[i].name);
    }
  }

  std::size_t size() const { return defs_.size(); }
  const FeatureDef& at(std::size_t index) const {
    TRANCHE_ASSERT(index < defs_.size());
    return defs_[index];
  }
  const std::vector<FeatureDef>& defs() const { return defs_; }

  std::optional<std::size_t> Find(std::string_view name) const {
    for (std::size_t i = 0; i < defs_.size(); ++i) {
      if (defs_[i].name == name) return i;
    }
    return std::nullopt;
  }

 private:
  std::vector<FeatureDef> defs_;
};

// monostate: missing. A number feature holds a double (counts, ratios, amounts in minor
// units as plain magnitudes: features describe money, they never move it).
using FeatureValue = std::variant<std::monostate, double, std::string>;

// One event's features, in the order of the catalogue that produced them.
struct FeatureValues {
  std::vector<FeatureValue> values;

  const FeatureValue& at(std::size_t index) const {
    TRANCHE_ASSERT(index < values.size());
    return values[index];
  }
};

// The number features of `values` as a model's input row, in the same order: a missing
// or text value is NaN (the trees' missing). Precondition: `row` holds at least
// values.values.size() floats; the rest of it is left as it is.
inline void FillNumbers(const FeatureValues& values, std::span<float> row) {
  TRANCHE_ASSERT(values.values.size() <= row.size());
  for (std::size_t i = 0; i < values.values.size(); ++i) {
    const double* d = std::get_if<double>(&values.values[i]);
    row[i] = d != nullptr ? static_cast<float>(*d) : std::numeric_limits<float>::quiet_NaN();
  }
}

}  // namespace tranche::fraud
