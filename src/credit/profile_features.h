// The one place where what tranche knows about a consumer becomes model inputs. The
// default model is trained on the Taiwan credit-card data, so a CreditProfile is laid
// out in its columns:
//   limit_bal             credit limit           (USD × 30: Taiwan amounts are in NT$)
//   age                   from the date of birth on the decision date
//   education             1-4 as in the data
//   pay_0, pay_2..pay_6   repayment status, most recent month first
//   bill_amt1..6          billed amount per month (USD × 30)
//   pay_amt1..6           paid amount per month (USD × 30)
// Any other column the model has (sex, marriage — never used by default — or columns of
// another data set) is passed as missing.
#pragma once

#include <vector>

#include "credit/features.h"
#include "risk/credit_profile.h"

namespace tranche::credit {

// NT$ per USD used to put tranche's USD amounts on the training data's scale.
inline constexpr double kTaiwanDollarsPerUsd = 30;

std::vector<float> ProfileFeatures(const risk::CreditProfile& p, Date date_of_birth, Date today,
                                   const FeatureSpec& spec);

}  // namespace tranche::credit
