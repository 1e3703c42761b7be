#include "lending/schedule.h"

#include <cmath>

namespace tranche::lending {

namespace {

__extension__ typedef __int128 Wide;  // GCC's 128-bit integer: room for rate products
constexpr Wide kScale = 1'000'000'000'000'000'000;  // 10^18: fixed-point unit for rates
// Balances carry nine decimals below the minor unit: 10^12 minor units · 10^9 · a rate
// of at most 3·10^15 stays far below the 1.7·10^38 a 128-bit integer holds.
constexpr Wide kBalanceScale = 1'000'000'000;

// Rounds num/den to the nearest integer, halves away from zero. den > 0, num >= 0.
Wide RoundDiv(Wide num, Wide den) { return (2 * num + den) / (2 * den); }

// The monthly rate APR/12 in fixed point.
Wide MonthlyRate(std::int64_t apr_bps) { return RoundDiv(Wide{apr_bps} * kScale, 120'000); }

std::int64_t Narrow(Wide v) {
  TRANCHE_ASSERT(v >= 0 && v <= Wide{INT64_MAX});
  return static_cast<std::int64_t>(v);
}

// The level payment P·r / (1 − (1+r)^−n) = P·r·q / (q − 1) with q = (1+r)^n.
std::int64_t LevelPayment(std::int64_t principal, Wide rate, int n) {
  if (rate == 0) return principal / n;
  Wide q = kScale;
  for (int i = 0; i < n; ++i) q = RoundDiv(q * (kScale + rate), kScale);
  const Wide rate_times_q = RoundDiv(rate * q, kScale);
  return Narrow(RoundDiv(Wide{principal} * rate_times_q, q - kScale));
}

Schedule Empty(ProductKind product, Money amount, std::int64_t apr_bps) {
  const Money zero = Money::Zero(amount.currency());
  return Schedule{product, apr_bps, amount, zero, amount, {}};
}

Schedule PayIn4(Money amount, Date start) {
  Schedule s = Empty(ProductKind::kPayIn4, amount, 0);
  const auto parts = amount.Split(4);
  TRANCHE_ASSERT(parts.ok());
  for (int i = 0; i < 4; ++i) {
    const Money part = (*parts)[static_cast<std::size_t>(i)];
    s.installments.push_back({i + 1, AddDays(start, 14 * i), part, part,
                              Money::Zero(amount.currency())});
  }
  return s;
}

Schedule PayIn30(Money amount, Date start) {
  Schedule s = Empty(ProductKind::kPayIn30, amount, 0);
  s.installments.push_back({1, AddDays(start, 30), amount, amount, Money::Zero(amount.currency())});
  return s;
}

// Interest accrues exactly (fixed point) on the declining balance; only the amounts
// a consumer pays are rounded. Each instalment shows the rounded cumulative interest
// less what earlier instalments showed, so rounding never compounds: the finance
// charge is the exact total interest rounded once, and the APR implied by the
// payments stays within 0.01 percentage points of the stated one.
Schedule Financing(ProductKind product, Money amount, Date start, std::int64_t apr_bps) {
  const int n = InstallmentCount(product);
  const Currency c = amount.currency();
  const Wide rate = MonthlyRate(apr_bps);
  const std::int64_t payment = LevelPayment(amount.minor(), rate, n);
  Schedule s = Empty(product, amount, apr_bps);
  Wide balance = Wide{amount.minor()} * kBalanceScale;  // fixed point, minor units
  Wide accrued = 0;                                     // exact interest so far
  std::int64_t interest_shown = 0;  // rounded interest on earlier instalments
  for (int k = 1; k <= n; ++k) {
    const Wide interest = RoundDiv(balance * rate, kScale);
    accrued += interest;
    balance += interest;
    // The last payment clears the balance, absorbing the payment's rounding.
    const std::int64_t paid = k == n ? Narrow(RoundDiv(balance, kBalanceScale)) : payment;
    balance -= Wide{paid} * kBalanceScale;
    const std::int64_t interest_now =
        Narrow(RoundDiv(accrued, kBalanceScale)) - interest_shown;
    interest_shown += interest_now;
    TRANCHE_ASSERT(paid >= interest_now && interest_now >= 0);
    s.installments.push_back({k, AddMonthsClamped(start, k), Money(paid, c),
                              Money(paid - interest_now, c), Money(interest_now, c)});
  }
  // Cleared to within half a minor unit.
  TRANCHE_ASSERT(2 * balance >= -kBalanceScale && 2 * balance <= kBalanceScale);
  s.finance_charge = Money(interest_shown, c);
  s.total_of_payments = Money(amount.minor() + interest_shown, c);
  return s;
}

}  // namespace

Date AddMonthsClamped(Date anchor, int months) {
  const std::chrono::year_month ym =
      std::chrono::year_month(anchor.year(), anchor.month()) + std::chrono::months(months);
  const std::chrono::day last = std::chrono::year_month_day_last(ym.year(), std::chrono::month_day_last(ym.month())).day();
  return Date(ym.year(), ym.month(), std::min(anchor.day(), last));
}

Result<Schedule> BuildSchedule(ProductKind product, Money amount, Date capture_date,
                               std::int64_t apr_bps) {
  const int n = InstallmentCount(product);
  if (amount.minor() < 100 * n || amount.minor() > kMaxInputAmountMinor) {
    return Status::InvalidArgument("invalid_amount",
                                   "the amount must be at least one major unit per instalment",
                                   "amount");
  }
  if (!capture_date.ok()) return Status::InvalidArgument("invalid_date", "not a calendar date");
  if (!IsFinancing(product)) {
    if (apr_bps != 0) {
      return Status::InvalidArgument("invalid_apr", "pay-in products carry no interest", "apr_bps");
    }
    return product == ProductKind::kPayIn4 ? PayIn4(amount, capture_date)
                                           : PayIn30(amount, capture_date);
  }
  if (apr_bps < 0 || apr_bps > kMaxAprBps) {
    return Status::InvalidArgument("invalid_apr", "APR must be between 0 and 35.99 %", "apr_bps");
  }
  return Financing(product, amount, capture_date, apr_bps);
}

double ActuarialAprPercent(const Schedule& s) {
  if (s.finance_charge.is_zero()) return 0.0;
  // Present value of the payments at a monthly rate; decreasing in the rate.
  const auto present_value = [&](long double i) {
    long double pv = 0;
    for (const Installment& inst : s.installments) {
      pv += static_cast<long double>(inst.amount.minor()) / std::pow(1.0L + i, inst.number);
    }
    return pv;
  };
  const long double target = static_cast<long double>(s.amount_financed.minor());
  long double lo = 0, hi = 1;
  for (int iter = 0; iter < 200; ++iter) {
    const long double mid = (lo + hi) / 2;
    (present_value(mid) > target ? lo : hi) = mid;
  }
  return static_cast<double>((lo + hi) / 2 * 12 * 100);
}

}  // namespace tranche::lending
