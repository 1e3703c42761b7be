#include "lending/plan.h"

#include <algorithm>

namespace tranche::lending {

namespace {

__extension__ typedef __int128 Wide;  // GCC's 128-bit integer

}  // namespace

std::string_view PlanStatusName(PlanStatus s) {
  switch (s) {
    case PlanStatus::kActive: return "active";
    case PlanStatus::kPaidOff: return "paid_off";
    case PlanStatus::kClosed: return "closed";
    case PlanStatus::kChargedOff: return "charged_off";
  }
  TRANCHE_ASSERT_MSG(false, "unknown plan status");
  return "";
}

std::string_view ChargeOffReasonName(ChargeOffReason r) {
  switch (r) {
    case ChargeOffReason::kNone: return "none";
    case ChargeOffReason::kDelinquency: return "delinquency";
    case ChargeOffReason::kFraud: return "fraud";
  }
  TRANCHE_ASSERT_MSG(false, "unknown charge-off reason");
  return "";
}

std::string_view BucketName(Bucket b) {
  switch (b) {
    case Bucket::kCurrent: return "current";
    case Bucket::kDpd1To30: return "dpd_1_30";
    case Bucket::kDpd31To60: return "dpd_31_60";
    case Bucket::kDpd61To90: return "dpd_61_90";
    case Bucket::kDpd91To120: return "dpd_91_120";
  }
  TRANCHE_ASSERT_MSG(false, "unknown bucket");
  return "";
}

Bucket BucketOf(int days_past_due) {
  TRANCHE_ASSERT(days_past_due >= 0);
  if (days_past_due == 0) return Bucket::kCurrent;
  if (days_past_due <= 30) return Bucket::kDpd1To30;
  if (days_past_due <= 60) return Bucket::kDpd31To60;
  if (days_past_due <= 90) return Bucket::kDpd61To90;
  return Bucket::kDpd91To120;
}

std::string_view InstallmentStatusName(InstallmentStatus s) {
  switch (s) {
    case InstallmentStatus::kScheduled: return "scheduled";
    case InstallmentStatus::kOverdue: return "overdue";
    case InstallmentStatus::kPaid: return "paid";
    case InstallmentStatus::kRefunded: return "refunded";
  }
  TRANCHE_ASSERT_MSG(false, "unknown instalment status");
  return "";
}

Money PlanInstallment::amount() const { return Checked(principal.Plus(interest)); }

Money PlanInstallment::PrincipalPaid() const { return Checked(paid.Minus(interest_paid)); }

InstallmentStatus StatusOn(const PlanInstallment& i, Date today) {
  if (i.amount().is_zero()) return InstallmentStatus::kRefunded;
  if (i.paid.minor() >= i.amount().minor()) return InstallmentStatus::kPaid;
  return i.due_date < today ? InstallmentStatus::kOverdue : InstallmentStatus::kScheduled;
}

Plan MakePlan(std::string id, const Schedule& schedule, Instant created_at) {
  TRANCHE_ASSERT(!schedule.installments.empty());
  const Money zero = Money::Zero(schedule.amount_financed.currency());
  Plan p{std::move(id), "",   "",        "",   "",   schedule.product, schedule.apr_bps, schedule.amount_financed,
         PlanStatus::kActive, created_at, {}, zero, zero, zero, zero};
  for (const Installment& i : schedule.installments) {
    p.installments.push_back({i.number, i.due_date, i.principal, i.interest, zero, zero});
  }
  TRANCHE_ASSERT(OutstandingPrincipal(p) == p.amount);
  return p;
}

Money OutstandingPrincipal(const Plan& p) {
  Money sum = Money::Zero(p.amount.currency());
  for (const PlanInstallment& i : p.installments) {
    sum = Checked(sum.Plus(Checked(i.principal.Minus(i.PrincipalPaid()))));
  }
  return sum;
}

Money Outstanding(const Plan& p) {
  Money sum = Money::Zero(p.amount.currency());
  for (const PlanInstallment& i : p.installments) {
    sum = Checked(sum.Plus(Checked(i.amount().Minus(i.paid))));
  }
  return sum;
}

Money InterestPaid(const Plan& p) {
  Money sum = Money::Zero(p.amount.currency());
  for (const PlanInstallment& i : p.installments) sum = Checked(sum.Plus(i.interest_paid));
  return sum;
}

Money FeesUnpaid(const Plan& p) {
  const Money unpaid = Checked(p.fees_charged.Minus(p.fees_paid));
  TRANCHE_ASSERT(!p.fees_paid.is_negative() && !unpaid.is_negative());
  return unpaid;
}

bool HasOverdue(const Plan& p, Date today) {
  return std::any_of(p.installments.begin(), p.installments.end(), [&](const PlanInstallment& i) {
    return StatusOn(i, today) == InstallmentStatus::kOverdue;
  });
}

std::vector<InstallmentBalance> PrincipalBalances(const Plan& p) {
  std::vector<InstallmentBalance> out;
  out.reserve(p.installments.size());
  for (const PlanInstallment& i : p.installments) out.push_back({i.principal, i.PrincipalPaid()});
  return out;
}

Plan ApplyReductions(const Plan& p, const std::vector<Money>& reductions) {
  TRANCHE_ASSERT(reductions.size() == p.installments.size());
  Plan next = p;
  for (std::size_t k = 0; k < reductions.size(); ++k) {
    PlanInstallment& i = next.installments[k];
    const std::int64_t cut = reductions[k].minor();
    const std::int64_t before = i.principal.minor();
    TRANCHE_ASSERT(cut >= 0 && cut <= before - i.PrincipalPaid().minor());
    if (cut == 0) continue;
    const std::int64_t after = before - cut;
    // interest × after / before, in 128 bits: both factors may approach 10^12. Interest
    // already paid stays paid, so the instalment's interest never drops below it.
    const auto scaled = static_cast<std::int64_t>(static_cast<Wide>(i.interest.minor()) * after / before);
    i.principal = Money(after, i.principal.currency());
    i.interest = Money(std::max(scaled, i.interest_paid.minor()), i.interest.currency());
    TRANCHE_ASSERT(i.paid.minor() <= i.amount().minor());
  }
  // A charged-off plan stays charged off: its books were closed by the write-off.
  if (next.status == PlanStatus::kActive && Outstanding(next).is_zero()) next.status = PlanStatus::kClosed;
  return next;
}

Result<OrderRefundAllocation> AllocateOrderRefund(const std::vector<Plan>& plans, Money refund) {
  // One list of every instalment in capture order: allocating it from the end takes
  // the newest plan's last instalment first.
  std::vector<InstallmentBalance> all;
  for (const Plan& p : plans) {
    if (p.amount.currency() != refund.currency()) {
      return Status::InvalidArgument("currency_mismatch", "the refund is not in the plans' currency",
                                     "amount");
    }
    const auto balances = PrincipalBalances(p);
    all.insert(all.end(), balances.begin(), balances.end());
  }
  TRANCHE_ASSIGN_OR_RETURN(RefundAllocation a, AllocateRefund(all, refund));
  OrderRefundAllocation out{{}, a.to_consumer};
  std::size_t next = 0;
  for (const Plan& p : plans) {
    const auto first = a.reductions.begin() + static_cast<std::ptrdiff_t>(next);
    out.reductions.emplace_back(first, first + static_cast<std::ptrdiff_t>(p.installments.size()));
    next += p.installments.size();
  }
  return out;
}

}  // namespace tranche::lending
