#include "servicing/servicing.h"

#include <algorithm>
#include <numeric>

namespace tranche::servicing {

namespace {

using lending::Plan;
using lending::PlanInstallment;
using lending::PlanStatus;

std::int64_t UnpaidMinor(const PlanInstallment& i) { return i.amount().minor() - i.paid.minor(); }
std::int64_t UnpaidInterestMinor(const PlanInstallment& i) { return i.interest.minor() - i.interest_paid.minor(); }
std::int64_t UnpaidPrincipalMinor(const PlanInstallment& i) {
  return i.principal.minor() - i.PrincipalPaid().minor();
}

Money InPlanCurrency(const Plan& p, std::int64_t minor) { return Money(minor, p.amount.currency()); }

// `m`'s minor units, asserting it is in the plan's currency.
std::int64_t MinorOf(const Plan& p, Money m) {
  TRANCHE_ASSERT(m.currency() == p.amount.currency());
  return m.minor();
}

std::int64_t FeesUnpaidMinor(const Plan& p) { return lending::FeesUnpaid(p).minor(); }
std::int64_t BalanceMinor(const Plan& p) { return FeesUnpaidMinor(p) + lending::Outstanding(p).minor(); }

// Interest accrued and not yet paid, never more than the schedule still asks.
std::int64_t InterestToDateMinor(const Plan& p) {
  std::int64_t scheduled_unpaid = 0;
  for (const PlanInstallment& i : p.installments) scheduled_unpaid += UnpaidInterestMinor(i);
  const std::int64_t accrued_unpaid = MinorOf(p, p.interest_accrued) - lending::InterestPaid(p).minor();
  return std::clamp<std::int64_t>(accrued_unpaid, 0, scheduled_unpaid);
}

// Instalment indexes in the order payments reach them: by due date, then number (an
// extension can move an instalment past the next one).
std::vector<std::size_t> PaymentOrder(const Plan& p) {
  std::vector<std::size_t> order(p.installments.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return p.installments[a].due_date < p.installments[b].due_date;
  });
  return order;
}

// A pause that is over on `today` but has not been ended yet.
bool PauseEndedBy(const Plan& p, Date today) { return p.paused_until && *p.paused_until <= today; }

// Instalment `i` fell due while the plan is paused on `today`: its date will move.
bool IsHeld(const Plan& p, const PlanInstallment& i, Date today) {
  return IsPaused(p, today) && i.due_date >= *p.paused_from;
}

std::int64_t LateFeeCapMinor(const Plan& p) { return p.amount.minor() * kLateFeeCapBps / 10'000; }

// Accrues the interest of the days after accrued_through (or from the plan's first day)
// through `d` on the outstanding principal.
std::int64_t Accrue(Plan& p, Date d) {
  if (p.apr_bps == 0 || p.status != PlanStatus::kActive) return 0;
  const Date first = p.accrued_through ? AddDays(*p.accrued_through, 1) : DateOf(p.created_at);
  const int days = DaysBetween(first, d) + 1;
  if (days <= 0) return 0;
  p.accrued_through = d;
  const std::int64_t principal = lending::OutstandingPrincipal(p).minor();
  // principal ≤ 10^12 and apr_bps ≤ 3,599: the numerator stays below 2^63 for up to
  // 2,562 days at once. The close books every earning plan at each month end, so a run
  // is a month at most; the limit only guards the arithmetic.
  TRANCHE_ASSERT(days <= kMaxAccrualRunDays);
  const std::int64_t numerator = principal * p.apr_bps * days + p.accrual_carry;
  p.accrual_carry = numerator % kAccrualDenominator;
  // Never more than the contract: late payment does not earn interest beyond the
  // schedule's finance charge (the payoff quote is capped the same way).
  std::int64_t scheduled = 0;
  for (const PlanInstallment& i : p.installments) scheduled += i.interest.minor();
  const std::int64_t interest = std::min(numerator / kAccrualDenominator,
                                         std::max<std::int64_t>(0, scheduled - MinorOf(p, p.interest_accrued)));
  p.interest_accrued = Checked(p.interest_accrued.Plus(InPlanCurrency(p, interest)));
  return interest;
}

void ChargeLateFees(Plan& p, Date d, DayResult& r) {
  for (PlanInstallment& i : p.installments) {
    if (i.late_fee_charged || UnpaidMinor(i) == 0) continue;
    if (DaysBetween(i.due_date, d) < kLateFeeAfterDays) continue;
    i.late_fee_charged = true;  // evaluated once, whether the cap leaves room or not
    const std::int64_t fee = std::min(kLateFeeMinor, LateFeeCapMinor(p) - MinorOf(p, p.fees_charged));
    if (fee <= 0) continue;
    p.fees_charged = Checked(p.fees_charged.Plus(InPlanCurrency(p, fee)));
    r.late_fee = Checked(r.late_fee.Plus(InPlanCurrency(p, fee)));
    if (r.late_fee_installment == 0) r.late_fee_installment = i.number;
  }
}

void ChargeOff(Plan& p, Date d, lending::ChargeOffReason reason, DayResult& r) {
  TRANCHE_ASSERT(p.status == PlanStatus::kActive && reason != lending::ChargeOffReason::kNone);
  // What is written off is what stays owed: principal and fees. Interest not yet paid
  // is waived, so recoveries never exceed the loss.
  for (PlanInstallment& i : p.installments) {
    i.interest = i.interest_paid;
  }
  r.charged_off = true;
  r.charged_off_principal = lending::OutstandingPrincipal(p);
  r.charged_off_fees = lending::FeesUnpaid(p);
  InterestTrueUp t = TrueUpInterest(std::move(p));
  p = std::move(t.plan);
  r.interest_written_back = t.written_back;
  p.status = PlanStatus::kChargedOff;
  p.charged_off_on = d;
  p.charge_off_reason = reason;
}

// Autopay: on an unpaid instalment's due date, and again 2 and 5 days later.
void DecideCollection(const Plan& p, Date d, DayResult& r) {
  int attempt = 0;
  for (const PlanInstallment& i : p.installments) {
    if (UnpaidMinor(i) == 0) continue;
    const int late = DaysBetween(i.due_date, d);
    if (late == 0) attempt = std::max(attempt, 1);
    if (late == kRetryAfterDays[0]) attempt = std::max(attempt, 2);
    if (late == kRetryAfterDays[1]) attempt = std::max(attempt, 3);
  }
  if (attempt == 0) return;
  r.collect = AmountDue(p, d);
  r.collect_attempt = attempt;
}

}  // namespace

bool IsPaused(const Plan& p, Date today) {
  return p.paused_from && p.paused_until && *p.paused_from <= today && today < *p.paused_until;
}

Plan AsOf(Plan p, Date today) {
  if (PauseEndedBy(p, today)) return Resume(std::move(p), *p.paused_until);
  return p;
}

Accrual AccrueThrough(Plan p, Date through) {
  const Money interest = InPlanCurrency(p, Accrue(p, through));
  return Accrual{std::move(p), interest};
}

bool IsAccrualBookingDay(Date d) { return AddDays(d, 1).month() != d.month(); }

Plan ToDate(Plan p, Date today) {
  Plan now = AsOf(std::move(p), today);
  Accrue(now, AddDays(today, -1));
  return now;
}

lending::InstallmentStatus StatusOn(const Plan& p, const PlanInstallment& i, Date today) {
  const lending::InstallmentStatus s = lending::StatusOn(i, today);
  if (s == lending::InstallmentStatus::kOverdue && IsHeld(p, i, today)) return lending::InstallmentStatus::kScheduled;
  return s;
}

int DaysPastDue(const Plan& p, Date today) {
  int dpd = 0;
  for (const PlanInstallment& i : p.installments) {
    if (UnpaidMinor(i) > 0 && !IsHeld(p, i, today)) dpd = std::max(dpd, DaysBetween(i.due_date, today));
  }
  return dpd;
}

Money AmountDue(const Plan& p, Date today) {
  std::int64_t due = FeesUnpaidMinor(p);
  for (const PlanInstallment& i : p.installments) {
    if (i.due_date <= today && !IsHeld(p, i, today)) due += UnpaidMinor(i);
  }
  return InPlanCurrency(p, due);
}

Money Balance(const Plan& p) { return InPlanCurrency(p, BalanceMinor(p)); }

PaymentAllocation PaymentAllocation::None(Currency c) {
  const Money zero = Money::Zero(c);
  return PaymentAllocation{zero, zero, zero, {}, {}};
}

Money PaymentAllocation::total() const { return Checked(Checked(fees.Plus(interest)).Plus(principal)); }

bool AcceptsPayments(const Plan& p) {
  return p.status == PlanStatus::kActive ||
         (p.status == PlanStatus::kChargedOff && p.charge_off_reason == lending::ChargeOffReason::kDelinquency);
}

Result<PaymentAllocation> AllocatePayment(const Plan& p, Money amount, Date today) {
  const std::int64_t amount_minor = MinorOf(p, amount);
  if (!AcceptsPayments(p)) {
    return Status::BusinessRule("plan_not_payable", p.charge_off_reason == lending::ChargeOffReason::kFraud
                                                        ? "the plan was written off as fraud: nothing is owed on it"
                                                        : "the plan has nothing left to pay");
  }
  if (amount_minor <= 0) return Status::InvalidArgument("invalid_amount", "amount must be positive", "amount");
  if (amount_minor > BalanceMinor(p)) {
    return Status::BusinessRule("overpayment", "the amount is more than the plan's balance of " +
                                                         std::to_string(BalanceMinor(p)), "amount");
  }
  // Worked in minor units of the plan's one currency, then returned as Money.
  std::vector<std::int64_t> per_installment(p.installments.size(), 0);
  std::vector<std::int64_t> per_installment_interest(p.installments.size(), 0);
  std::int64_t interest = 0;
  std::int64_t principal = 0;
  std::int64_t left = amount_minor;
  const std::int64_t fees = std::min(left, FeesUnpaidMinor(p));
  left -= fees;
  // Each takes what is left of instalment k's unpaid interest (at most `limit`) or
  // principal after what this payment already gave it; returns the amount taken.
  const auto take_interest = [&](std::size_t k, std::int64_t limit) {
    const std::int64_t unpaid = UnpaidInterestMinor(p.installments[k]) - per_installment_interest[k];
    const std::int64_t take = std::min({left, limit, unpaid});
    per_installment_interest[k] += take;
    per_installment[k] += take;
    interest += take;
    left -= take;
    return take;
  };
  const auto take_principal = [&](std::size_t k) {
    const std::int64_t given = per_installment[k] - per_installment_interest[k];
    const std::int64_t take = std::min(left, UnpaidPrincipalMinor(p.installments[k]) - given);
    per_installment[k] += take;
    principal += take;
    left -= take;
  };
  const std::vector<std::size_t> order = PaymentOrder(p);
  for (std::size_t k : order) {
    if (p.installments[k].due_date > today) break;  // due-date order: the rest are not due
    take_interest(k, left);
    take_principal(k);
  }
  std::int64_t accrued = std::max<std::int64_t>(0, InterestToDateMinor(p) - interest);
  for (std::size_t k : order) accrued -= take_interest(k, accrued);
  for (std::size_t k : order) take_principal(k);
  for (std::size_t k : order) take_interest(k, left);
  TRANCHE_ASSERT(left == 0 && fees + interest + principal == amount_minor);
  PaymentAllocation a{InPlanCurrency(p, fees), InPlanCurrency(p, interest), InPlanCurrency(p, principal), {}, {}};
  for (std::size_t k = 0; k < p.installments.size(); ++k) {
    a.per_installment.push_back(InPlanCurrency(p, per_installment[k]));
    a.per_installment_interest.push_back(InPlanCurrency(p, per_installment_interest[k]));
  }
  return a;
}

Plan ApplyPayment(Plan p, const PaymentAllocation& a) {
  TRANCHE_ASSERT(a.per_installment.size() == p.installments.size());
  TRANCHE_ASSERT(a.per_installment_interest.size() == p.installments.size());
  p.fees_paid = Checked(p.fees_paid.Plus(a.fees));
  for (std::size_t k = 0; k < p.installments.size(); ++k) {
    PlanInstallment& i = p.installments[k];
    i.paid = Checked(i.paid.Plus(a.per_installment[k]));
    i.interest_paid = Checked(i.interest_paid.Plus(a.per_installment_interest[k]));
    TRANCHE_ASSERT(i.interest_paid.minor() <= i.interest.minor() && i.PrincipalPaid().minor() >= 0 &&
                   i.PrincipalPaid().minor() <= i.principal.minor());
  }
  TRANCHE_ASSERT(p.fees_paid.minor() <= p.fees_charged.minor());
  if (p.status == PlanStatus::kChargedOff) {
    p.recovered = Checked(p.recovered.Plus(a.total()));
  } else if (BalanceMinor(p) == 0) {
    p.status = PlanStatus::kPaidOff;
  }
  return p;
}

PayoffQuote QuotePayoff(const Plan& p) {
  const std::int64_t fees = FeesUnpaidMinor(p);
  const std::int64_t principal = lending::OutstandingPrincipal(p).minor();
  const std::int64_t interest_scheduled_unpaid = lending::Outstanding(p).minor() - principal;
  const std::int64_t interest = p.apr_bps == 0 ? interest_scheduled_unpaid : InterestToDateMinor(p);
  return PayoffQuote{InPlanCurrency(p, fees + principal + interest), InPlanCurrency(p, principal),
                     InPlanCurrency(p, interest), InPlanCurrency(p, fees),
                     InPlanCurrency(p, interest_scheduled_unpaid - interest)};
}

Plan WaiveUnaccruedInterest(Plan p, const PayoffQuote& q) {
  std::int64_t waive = MinorOf(p, q.interest_waived);
  for (auto it = p.installments.rbegin(); it != p.installments.rend() && waive > 0; ++it) {
    const std::int64_t cut = std::min(waive, UnpaidInterestMinor(*it));
    it->interest = Money(it->interest.minor() - cut, it->interest.currency());
    waive -= cut;
  }
  TRANCHE_ASSERT(waive == 0);
  TRANCHE_ASSERT(Balance(p) == q.amount);
  return p;
}

Result<Plan> Extend(Plan p, int number, int days, Date today) {
  if (days < 1 || days > kMaxExtensionDays) {
    return Status::InvalidArgument("invalid_days", "days must be 1 to 14", "days");
  }
  if (p.status != PlanStatus::kActive) return Status::BusinessRule("plan_not_active", "the plan is not active");
  if (p.extended) return Status::BusinessRule("extension_used", "this plan's due date was extended before");
  if (IsPaused(p, today)) return Status::BusinessRule("plan_paused", "the plan is paused");
  if (number < 1 || static_cast<std::size_t>(number) > p.installments.size()) {
    return Status::InvalidArgument("unknown_installment", "the plan has no such instalment", "installment");
  }
  PlanInstallment& i = p.installments[static_cast<std::size_t>(number - 1)];
  if (UnpaidMinor(i) == 0) return Status::BusinessRule("installment_paid", "the instalment is paid");
  if (i.due_date < today) {
    return Status::BusinessRule("installment_past_due", "a past-due instalment cannot be extended");
  }
  i.due_date = AddDays(i.due_date, days);
  p.extended = true;
  return p;
}

Result<Plan> Pause(Plan p, Date today, int days, std::string reason) {
  TRANCHE_ASSERT(days > 0 && days <= kReturnPauseDays);
  if (p.status != PlanStatus::kActive) return Status::BusinessRule("plan_not_active", "the plan is not active");
  const Date until = AddDays(today, days);
  // A pause that is over but not yet ended by the daily job keeps its shift.
  p = AsOf(std::move(p), today);
  if (IsPaused(p, today)) {
    p.paused_until = std::max(*p.paused_until, until);
  } else {
    p.paused_from = today;
    p.paused_until = until;
  }
  p.pause_reason = std::move(reason);
  return p;
}

Plan Resume(Plan p, Date on) {
  if (!p.paused_from) return p;
  const Date from = *p.paused_from;
  const int shift = std::max(0, DaysBetween(from, std::min(on, *p.paused_until)));
  for (PlanInstallment& i : p.installments) {
    if (UnpaidMinor(i) > 0 && i.due_date >= from) i.due_date = AddDays(i.due_date, shift);
  }
  p.paused_from.reset();
  p.paused_until.reset();
  p.pause_reason.clear();
  return p;
}

DayResult::DayResult(Plan p)
    : plan(std::move(p)),
      interest_accrued(Money::Zero(plan.amount.currency())),
      late_fee(interest_accrued),
      charged_off_principal(interest_accrued),
      charged_off_fees(interest_accrued),
      interest_written_back(interest_accrued),
      collect(interest_accrued) {}

DayResult CloseDay(Plan p, Date d) {
  DayResult r(std::move(p));
  Plan& plan = r.plan;
  if (plan.serviced_through && d <= *plan.serviced_through) {
    r.already_closed = true;
    return r;
  }
  r.pause_ended = PauseEndedBy(plan, d);
  plan = AsOf(std::move(plan), d);
  r.interest_accrued = InPlanCurrency(plan, Accrue(plan, d));
  plan.serviced_through = d;
  if (plan.status != PlanStatus::kActive || IsPaused(plan, d)) return r;
  ChargeLateFees(plan, d, r);
  const int dpd = DaysPastDue(plan, d);
  const lending::Bucket bucket = lending::BucketOf(std::min(dpd, kChargeOffDaysPastDue));
  if (bucket != plan.bucket) {
    r.bucket_changed_from = plan.bucket;
    plan.bucket = bucket;
  }
  if (dpd >= kChargeOffDaysPastDue) {
    ChargeOff(plan, d, lending::ChargeOffReason::kDelinquency, r);
    return r;
  }
  DecideCollection(plan, d, r);
  for (const PlanInstallment& i : plan.installments) {
    if (UnpaidMinor(i) > 0 && DaysBetween(d, i.due_date) == kReminderDaysBefore) {
      r.remind_installments.push_back(i.number);
    }
  }
  return r;
}

DayResult ChargeOffAsFraud(Plan p, Date d) {
  DayResult r(std::move(p));
  // A pause (a dispute, a return) holds collection; a written-off plan has none left to
  // hold. Ended here, so that no later resume moves the written-off instalments.
  r.plan.paused_from.reset();
  r.plan.paused_until.reset();
  r.plan.pause_reason.clear();
  ChargeOff(r.plan, d, lending::ChargeOffReason::kFraud, r);
  return r;
}

InterestTrueUp TrueUpInterest(Plan p) {
  const Money paid = lending::InterestPaid(p);
  const Money written_back = Checked(p.interest_accrued.Minus(paid));
  p.interest_accrued = paid;
  p.accrual_carry = 0;
  return InterestTrueUp{std::move(p), written_back};
}

Closure ClosePlan(Plan p) {
  TRANCHE_ASSERT(p.status == PlanStatus::kPaidOff || p.status == PlanStatus::kClosed);
  const Money fees = lending::FeesUnpaid(p);
  p.fees_charged = Checked(p.fees_charged.Minus(fees));
  InterestTrueUp t = TrueUpInterest(std::move(p));
  return Closure{std::move(t.plan), fees, t.written_back};
}

}  // namespace tranche::servicing
