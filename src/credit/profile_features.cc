#include "credit/profile_features.h"

#include "credit/derived_features.h"
#include "risk/decider.h"

namespace tranche::credit {

namespace {

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
