#include "credit/derived_features.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <map>

namespace tranche::credit {

namespace {

constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();

// Months of one family, keyed (so ordered) by the month number.
using Family = std::map<std::size_t, int>;

Family FamilyOf(const std::vector<std::string>& names, std::string_view prefix) {
  Family out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (auto m = MonthSuffix(names[i], prefix)) out[*m] = static_cast<int>(i);
  }
  return out;
}

std::vector<int> Indices(const Family& f) {
  std::vector<int> out;
  for (const auto& [month, index] : f) out.push_back(index);
  return out;
}

double Sum(const std::vector<int>& columns, const float* raw) {
  double s = 0;
  for (int c : columns) s += raw[c];
  return s;
}

bool AnyMissing(const std::vector<int>& columns, const float* raw) {
  return std::any_of(columns.begin(), columns.end(), [&](int c) { return std::isnan(raw[c]); });
}

}  // namespace

std::optional<std::size_t> MonthSuffix(std::string_view name, std::string_view prefix) {
  if (!name.starts_with(prefix)) return std::nullopt;
  const std::string_view rest = name.substr(prefix.size());
  std::size_t n = 0;
  const auto [end, ec] = std::from_chars(rest.data(), rest.data() + rest.size(), n);
  if (ec != std::errc{} || end != rest.data() + rest.size()) return std::nullopt;
  return n;
}

std::vector<DerivedFeature> DetectDerived(const std::vector<std::string>& numeric_columns) {
  const Family status = FamilyOf(numeric_columns, "pay_");  // "pay_amt3" does not parse as a month
  const Family bills = FamilyOf(numeric_columns, "bill_amt");
  const Family paid = FamilyOf(numeric_columns, "pay_amt");
  const auto limit_at = std::find(numeric_columns.begin(), numeric_columns.end(), "limit_bal");
  const int limit = limit_at == numeric_columns.end() ? -1 : static_cast<int>(limit_at - numeric_columns.begin());

  std::vector<DerivedFeature> out;
  if (limit >= 0 && !bills.empty()) {
    const std::vector<int> all_bills = Indices(bills);
    const int latest_bill = bills.begin()->second;
    out.push_back({"utilisation", DerivedOp::kRatioOfSums, {latest_bill}, {limit}, 0});
    out.push_back({"utilisation_mean", DerivedOp::kRatioOfSums, all_bills, std::vector<int>(all_bills.size(), limit), 0});
    out.push_back({"available_credit", DerivedOp::kFirstMinusLast, {limit, latest_bill}, {}, 0});
    if (bills.size() >= 2) {
      out.push_back({"balance_change", DerivedOp::kFirstMinusLast, {latest_bill, bills.rbegin()->second}, {limit}, 0});
    }
  }
  // pay_amt_k pays the bill of the month before, bill_amt_(k+1).
  std::vector<int> pays, billed;
  for (const auto& [month, index] : paid) {
    const auto bill = bills.find(month + 1);
    if (bill == bills.end()) continue;
    if (month <= 3) {
      out.push_back({"payment_ratio_" + std::to_string(month), DerivedOp::kRatioOfSums, {index}, {bill->second}, 0});
    }
    pays.push_back(index);
    billed.push_back(bill->second);
  }
  if (pays.size() >= 2) out.push_back({"payment_ratio_all", DerivedOp::kRatioOfSums, pays, billed, 0});
  if (limit >= 0 && !paid.empty()) {
    const std::vector<int> all_paid = Indices(paid);
    out.push_back({"payments_to_limit", DerivedOp::kRatioOfSums, all_paid, {limit}, 0});
  }
  if (status.size() >= 2) {
    const std::vector<int> months = Indices(status);
    // More months late, or a worse worst month, never lowers the PD.
    out.push_back({"delinquent_months", DerivedOp::kCountAboveZero, months, {}, +1});
    out.push_back({"delinquency_worst", DerivedOp::kMaximum, months, {}, +1});
    out.push_back({"delinquency_change", DerivedOp::kFirstMinusLast, {months.front(), months.back()}, {}, 0});
  }
  std::erase_if(out, [&](const DerivedFeature& d) {
    return std::find(numeric_columns.begin(), numeric_columns.end(), d.name) != numeric_columns.end();
  });
  return out;
}

float ComputeDerived(const DerivedFeature& d, const float* raw) {
  switch (d.op) {
    case DerivedOp::kRatioOfSums: {
      if (AnyMissing(d.inputs, raw) || AnyMissing(d.denominators, raw)) return kNaN;
      const double den = Sum(d.denominators, raw);
      return den > 0 ? static_cast<float>(Sum(d.inputs, raw) / den) : kNaN;
    }
    case DerivedOp::kCountAboveZero:
    case DerivedOp::kMaximum: {
      int present = 0, above = 0;
      float best = -std::numeric_limits<float>::infinity();
      for (int c : d.inputs) {
        if (std::isnan(raw[c])) continue;
        ++present;
        above += raw[c] > 0 ? 1 : 0;
        best = std::max(best, raw[c]);
      }
      if (present == 0) return kNaN;
      return d.op == DerivedOp::kMaximum ? best : static_cast<float>(above);
    }
    case DerivedOp::kFirstMinusLast: {
      if (AnyMissing(d.inputs, raw) || AnyMissing(d.denominators, raw)) return kNaN;
      const double diff = static_cast<double>(raw[d.inputs.front()]) - raw[d.inputs.back()];
      if (d.denominators.empty()) return static_cast<float>(diff);
      const double den = Sum(d.denominators, raw);
      return den > 0 ? static_cast<float>(diff / den) : kNaN;
    }
  }
  return kNaN;
}

std::string_view DerivedOpName(DerivedOp op) {
  switch (op) {
    case DerivedOp::kRatioOfSums: return "ratio_of_sums";
    case DerivedOp::kCountAboveZero: return "count_above_zero";
    case DerivedOp::kMaximum: return "maximum";
    case DerivedOp::kFirstMinusLast: return "first_minus_last";
  }
  return "";
}

std::optional<DerivedOp> DerivedOpFromName(std::string_view name) {
  for (DerivedOp op : {DerivedOp::kRatioOfSums, DerivedOp::kCountAboveZero, DerivedOp::kMaximum,
                       DerivedOp::kFirstMinusLast}) {
    if (DerivedOpName(op) == name) return op;
  }
  return std::nullopt;
}

}  // namespace tranche::credit
