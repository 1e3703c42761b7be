// Instalment schedules (pure): what a consumer owes and when, for each product.
//
//  - pay_in_4: four equal parts, the first at capture and then every 14 days; leftover
//    minor units go to the first instalment.
//  - pay_in_30: one payment 30 days after capture.
//  - financing_N: N equal monthly payments, the first one month after capture, on the
//    capture's day of month (clamped to the month's end). The payment is
//    P·r / (1 − (1+r)^−N) with r = APR/12, rounded to the minor unit; interest accrues
//    on the declining balance and the last payment absorbs the rounding.
//
// Amounts are computed in integers (128-bit fixed point for the rate); floating point
// is used only to recompute the APR from a finished schedule for disclosure checks.
#pragma once

#include <vector>

#include "core/time.h"
#include "lending/product.h"

namespace tranche::lending {

struct Installment {
  int number = 0;  // 1-based
  Date due_date;
  Money amount;     // principal + interest
  Money principal;
  Money interest;
};

struct Schedule {
  ProductKind product;
  std::int64_t apr_bps = 0;
  Money amount_financed;
  Money finance_charge;     // total interest
  Money total_of_payments;  // amount financed + finance charge
  std::vector<Installment> installments;
};

// The date `months` after `anchor` on the anchor's day of month, or the last day of
// that month when it is shorter (Jan 31 + 1 month = Feb 28 or 29).
Date AddMonthsClamped(Date anchor, int months);

// Preconditions are checked and refused as InvalidArgument: amount positive and at
// least one major unit per instalment; APR 0 for pay-in products and 0..kMaxAprBps
// for financing.
Result<Schedule> BuildSchedule(ProductKind product, Money amount, Date capture_date,
                               std::int64_t apr_bps);

// The annual percentage rate implied by the schedule's rounded payments (actuarial
// method, monthly periods), in percent. 0 for schedules without interest.
double ActuarialAprPercent(const Schedule& s);

}  // namespace tranche::lending
