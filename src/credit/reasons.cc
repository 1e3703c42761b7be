#include "credit/reasons.h"

#include <algorithm>
#include <map>

#include "core/assert.h"

namespace tranche::credit {

namespace {

struct Pattern {
  const char* prefix;  // matches names equal to it or starting with it
  const char* code;
  const char* message;
};

// Taiwan-style bureau attributes (the shape tranche's own history and the simulated
// bureau are mapped to), the features engineered from them (derived_features.h) and
// German-credit application fields.
constexpr Pattern kPatterns[] = {
    {"pay_amt", "low_recent_payments", "Recent payments on existing credit are low compared with what is owed"},
    {"payment", "low_recent_payments", "Recent payments on existing credit are low compared with what is owed"},
    {"delinquen", "recent_late_payments", "Recent late payments on existing credit"},
    {"utilisation", "high_balances", "Balances on existing credit are high"},
    {"balance_change", "high_balances", "Balances on existing credit are high"},
    {"available_credit", "limited_available_credit", "The total credit available to you is limited"},
    {"pay_", "recent_late_payments", "Recent late payments on existing credit"},
    {"bill_amt", "high_balances", "Balances on existing credit are high"},
    {"limit_bal", "limited_available_credit", "The total credit available to you is limited"},
    {"age", "limited_credit_history", "Limited length of credit history"},
    {"education", "application_information", "Information provided in the application"},
    {"tranche_", "tranche_repayment_history", "Your repayment history with tranche"},
    {"status_of_existing_checking_account", "checking_account_status", "The status of your checking account"},
    {"duration", "long_duration_requested", "The length of credit requested"},
    {"credit_history", "credit_history", "Your record of repaying credit"},
    {"credit_amount", "large_amount_requested", "The amount of credit requested"},
    {"savings", "limited_savings", "Limited savings"},
    {"present_employment", "short_employment", "Length of time at your current employment"},
    {"installment_rate", "high_repayment_burden", "Repayments are high compared with your income"},
    {"other_installment_plans", "other_credit_obligations", "Other credit obligations"},
    {"number_of_existing_credits", "number_of_credit_accounts", "The number of credit accounts you have"},
    {"property", "collateral", "Property available as security"},
    {"housing", "housing_status", "Your housing situation"},
    {"purpose", "purpose_of_credit", "The purpose of the credit"},
};

}  // namespace

ReasonEntry DefaultReason(const std::string& feature) {
  for (const Pattern& p : kPatterns) {
    if (feature.starts_with(p.prefix)) return {feature, p.code, p.message};
  }
  std::string words = feature;
  std::replace(words.begin(), words.end(), '_', ' ');
  return {feature, "other_" + feature, "Information used in the decision: " + words};
}

std::vector<ReasonScore> TopReasons(const std::vector<float>& contributions, const std::vector<ReasonEntry>& catalogue,
                                    std::size_t max_reasons) {
  TRANCHE_ASSERT(contributions.size() == catalogue.size());
  std::map<std::string, ReasonScore> by_code;
  for (std::size_t i = 0; i < catalogue.size(); ++i) {
    ReasonScore& r = by_code[catalogue[i].code];
    r.code = catalogue[i].code;
    r.message = catalogue[i].message;
    r.contribution += contributions[i];
  }
  std::vector<ReasonScore> out;
  for (auto& [code, r] : by_code) {
    if (r.contribution > 0) out.push_back(r);
  }
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.contribution > b.contribution; });
  if (out.size() > max_reasons) out.resize(max_reasons);
  return out;
}

}  // namespace tranche::credit
