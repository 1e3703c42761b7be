// Engineered features that a credit model computes from its own raw input columns, so
// that training, `eval`, `score` and the checkout decider all see the same values (the
// spec records each one by its inputs' names). They are detected from column names of
// the Taiwan-style bureau layout: repayment status pay_0, pay_2..pay_6 (most recent
// first), billed amounts bill_amt1..6, paid amounts pay_amt1..6 and the limit
// limit_bal. A table without those columns gets none, and trains as before.
//
// Trees can split on any single column but need many splits to approximate a ratio of
// two columns or a count across six; these give them (and the scorecard) directly:
//   utilisation, utilisation_mean     bill_amt1 / limit_bal, Σ bill_amt / (n · limit_bal)
//   balance_change                    (bill_amt1 − bill_amt6) / limit_bal: the trend
//   available_credit                  limit_bal − bill_amt1
//   payment_ratio_k, payment_ratio_all pay_amt_k / bill_amt_(k+1): the share of last
//                                     month's bill that was paid (k = 1..3, and all)
//   payments_to_limit                 Σ pay_amt / limit_bal
//   delinquent_months                 months with a repayment status above 0 (late)
//   delinquency_worst                 the worst repayment status
//   delinquency_change                most recent status − oldest status
// A ratio whose denominator is not positive is missing (nothing was owed), which the
// trees route by learned defaults and the scorecard gives its own bin.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tranche::credit {

enum class DerivedOp : std::uint8_t {
  kRatioOfSums,     // Σ inputs / Σ denominators
  kCountAboveZero,  // how many inputs are > 0
  kMaximum,         // the largest input
  kFirstMinusLast,  // inputs.front() − inputs.back(), divided by Σ denominators if any
};

struct DerivedFeature {
  std::string name;
  DerivedOp op = DerivedOp::kRatioOfSums;
  std::vector<int> inputs;        // indices of raw columns
  std::vector<int> denominators;  // indices of raw columns
  int monotone = 0;               // +1 when the PD is known to rise with it, else 0
};

// The month number after `prefix` ("pay_amt3", "pay_amt" → 3); nullopt when the rest is
// not a number.
std::optional<std::size_t> MonthSuffix(std::string_view name, std::string_view prefix);

// The engineered features that `numeric_columns` allows; `numeric_columns[i]` is the
// name of raw column i, or empty when that column is categorical. A feature is skipped
// when its name is already a column.
std::vector<DerivedFeature> DetectDerived(const std::vector<std::string>& numeric_columns);

// The value of `d` for one row of raw column values (NaN = missing). An input that is
// missing makes the result missing, except for counts and maxima, which use the
// present inputs (missing only when none is).
float ComputeDerived(const DerivedFeature& d, const float* raw);

std::string_view DerivedOpName(DerivedOp op);
std::optional<DerivedOp> DerivedOpFromName(std::string_view name);

}  // namespace tranche::credit
