// Plans (pure): what a consumer owes for one capture, instalment by instalment, and
// how refunds change it. A plan starts from the capture's schedule; servicing
// (payments, fees, pauses) changes it later.
//
// Receivables are principal: financing interest becomes owed as it accrues, so the
// ledger's consumer receivable equals the sum of OutstandingPrincipal over a consumer's
// plans. Payments on an instalment go to its interest first, then its principal.
#pragma once

#include <string>
#include <vector>

#include "core/time.h"
#include "lending/refund.h"
#include "lending/schedule.h"

namespace tranche::lending {

// A plan is open until everything on it is paid (paid_off) or refunded away (closed).
enum class PlanStatus : std::uint8_t { kActive, kPaidOff, kClosed };
inline constexpr PlanStatus kAllPlanStatuses[] = {PlanStatus::kActive, PlanStatus::kPaidOff,
                                                  PlanStatus::kClosed};
std::string_view PlanStatusName(PlanStatus s);

struct PlanInstallment {
  int number = 0;  // 1-based
  Date due_date;
  Money principal;  // after refunds
  Money interest;   // scheduled; after refunds
  Money paid;       // interest first, then principal

  Money amount() const;  // principal + interest
  Money PrincipalPaid() const;
};

// How an instalment looks to the consumer on `today`.
enum class InstallmentStatus : std::uint8_t { kScheduled, kOverdue, kPaid, kRefunded };
std::string_view InstallmentStatusName(InstallmentStatus s);
InstallmentStatus StatusOn(const PlanInstallment& i, Date today);

struct Plan {
  std::string id;  // pln_...
  std::string order_id;
  std::string capture_id;
  std::string consumer_id;
  std::string merchant_id;
  ProductKind product;
  std::int64_t apr_bps = 0;
  Money amount;  // the capture: the principal the plan started with
  PlanStatus status = PlanStatus::kActive;
  Instant created_at;
  std::vector<PlanInstallment> installments;
};

Plan MakePlan(std::string id, const Schedule& schedule, Instant created_at);

Money OutstandingPrincipal(const Plan& p);
// What is still scheduled to be paid: principal and interest not yet paid.
Money Outstanding(const Plan& p);
// True when an instalment is unpaid after its due date.
bool HasOverdue(const Plan& p, Date today);

// The principal balances a refund is allocated against, in instalment order.
std::vector<InstallmentBalance> PrincipalBalances(const Plan& p);

// Takes `reductions` (one per instalment, each at most that instalment's unpaid
// principal) off the plan. An instalment's interest shrinks in proportion to its
// principal (rounded down), since interest is charged on principal. A plan left with
// nothing to pay is closed. Preconditions are asserted.
Plan ApplyReductions(const Plan& p, const std::vector<Money>& reductions);

struct OrderRefundAllocation {
  std::vector<std::vector<Money>> reductions;  // per plan, per instalment
  Money to_consumer;                           // beyond everything still owed
};

// Allocates a refund over an order's plans (in capture order): from the last
// instalment of the newest plan backwards. Refused as InvalidArgument when the refund
// is not positive or not in the plans' currency.
Result<OrderRefundAllocation> AllocateOrderRefund(const std::vector<Plan>& plans, Money refund);

}  // namespace tranche::lending
