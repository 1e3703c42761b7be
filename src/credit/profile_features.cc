#include "credit/profile_features.h"

#include <charconv>

#include "risk/decider.h"

namespace tranche::credit {

namespace {

// "pay_amt3" with prefix "pay_amt" → 3; nullopt when the rest is not a month 1..6.
std::optional<std::size_t> MonthSuffix(std::string_view name, std::string_view prefix) {
  if (!name.starts_with(prefix)) return std::nullopt;
  const std::string_view rest = name.substr(prefix.size());
  std::size_t n = 0;
  const auto [end, ec] = std::from_chars(rest.data(), rest.data() + rest.size(), n);
  if (ec != std::errc{} || end != rest.data() + rest.size()) return std::nullopt;
  return n;
}

float Ntd(std::int64_t usd) { return static_cast<float>(static_cast<double>(usd) * kTaiwanDollarsPerUsd); }

float FeatureValue(const std::string& name, const risk::CreditProfile& p, Date dob, Date today) {
  if (name == "limit_bal") return Ntd(p.credit_limit_usd);
  if (name == "age") return static_cast<float>(risk::AgeInYears(dob, today));
  if (name == "education") return static_cast<float>(p.education);
  // The Taiwan data names its status months pay_0, pay_2, ..., pay_6 (there is no pay_1).
  if (name == "pay_0") return static_cast<float>(p.repayment_status[0]);
  if (auto m = MonthSuffix(name, "pay_amt"); m && *m >= 1 && *m <= risk::kHistoryMonths) return Ntd(p.paid_usd[*m - 1]);
  if (auto m = MonthSuffix(name, "bill_amt"); m && *m >= 1 && *m <= risk::kHistoryMonths) return Ntd(p.billed_usd[*m - 1]);
  if (auto m = MonthSuffix(name, "pay_"); m && *m >= 2 && *m <= risk::kHistoryMonths) {
    return static_cast<float>(p.repayment_status[*m - 1]);
  }
  return kMissing;
}

}  // namespace

std::vector<float> ProfileFeatures(const risk::CreditProfile& p, Date date_of_birth, Date today,
                                   const FeatureSpec& spec) {
  std::vector<float> row;
  row.reserve(spec.columns.size());
  for (const FeatureColumn& c : spec.columns) {
    row.push_back(c.kind == ColumnKind::kNumeric ? FeatureValue(c.name, p, date_of_birth, today) : kMissing);
  }
  return row;
}

}  // namespace tranche::credit
