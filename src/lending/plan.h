// Plans (pure): what a consumer owes for one capture, instalment by instalment, and
// how refunds change it. A plan starts from the capture's schedule; servicing
// (payments, fees, pauses) changes it later.
//
// Receivables are principal: financing interest becomes owed as it accrues, so the
// ledger's consumer receivable equals the sum of OutstandingPrincipal over a consumer's
// plans. Each instalment records how much of what it received paid interest and how
// much principal (servicing::AllocatePayment decides the split).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/time.h"
#include "lending/refund.h"
#include "lending/schedule.h"

namespace tranche::lending {

// A plan is open until everything on it is paid (paid_off), refunded away (closed) or
// written off (charged_off; later payments are recoveries).
enum class PlanStatus : std::uint8_t { kActive, kPaidOff, kClosed, kChargedOff };
inline constexpr PlanStatus kAllPlanStatuses[] = {PlanStatus::kActive, PlanStatus::kPaidOff,
                                                  PlanStatus::kClosed, PlanStatus::kChargedOff};
std::string_view PlanStatusName(PlanStatus s);

// Why a charged-off plan was written off: 120 days past due (a credit loss), or a card
// issuer taking one of its payments back as not the cardholder's (a fraud loss: the
// purchase was not the consumer's to owe, and the card is not to be charged again).
enum class ChargeOffReason : std::uint8_t { kNone, kDelinquency, kFraud };
inline constexpr ChargeOffReason kAllChargeOffReasons[] = {ChargeOffReason::kNone, ChargeOffReason::kDelinquency,
                                                           ChargeOffReason::kFraud};
std::string_view ChargeOffReasonName(ChargeOffReason r);

// Delinquency by days past due of the oldest unpaid instalment.
enum class Bucket : std::uint8_t { kCurrent, kDpd1To30, kDpd31To60, kDpd61To90, kDpd91To120 };
inline constexpr Bucket kAllBuckets[] = {Bucket::kCurrent, Bucket::kDpd1To30, Bucket::kDpd31To60,
                                         Bucket::kDpd61To90, Bucket::kDpd91To120};
std::string_view BucketName(Bucket b);
Bucket BucketOf(int days_past_due);

struct PlanInstallment {
  int number = 0;  // 1-based
  Date due_date;
  Money principal;  // after refunds
  Money interest;   // scheduled; after refunds
  Money paid;           // everything paid towards it: interest_paid + PrincipalPaid()
  Money interest_paid;  // the part of `paid` that paid interest (at most `interest`)
  bool late_fee_charged = false;  // at most one late fee per instalment

  Money amount() const;  // principal + interest
  Money PrincipalPaid() const;  // paid − interest_paid (at most `principal`)
  friend bool operator==(const PlanInstallment&, const PlanInstallment&) = default;
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

  // Servicing state, changed by the rules in servicing/servicing.h. Amounts are in the
  // plan's currency (asserted wherever they meet).
  Money fees_charged;      // late fees charged
  Money fees_paid;
  Money interest_accrued;  // financing interest earned to date (actual/365)
  Money recovered;         // paid after the charge-off
  std::int64_t accrual_carry = 0;           // the part of a minor unit not yet accrued, ×3,650,000
  std::optional<Date> serviced_through = {};  // the last business date closed for this plan
  std::optional<Date> accrued_through = {};   // the last day whose interest is in interest_accrued
  std::optional<Date> paused_from = {};       // collection and late fees paused [from, until)
  std::optional<Date> paused_until = {};
  std::string pause_reason = {};              // "dispute" or "return"
  bool extended = false;                      // a due date was extended (once per plan)
  Bucket bucket = Bucket::kCurrent;
  std::optional<Date> charged_off_on = {};
  ChargeOffReason charge_off_reason = ChargeOffReason::kNone;  // kNone exactly while not charged off
};

Plan MakePlan(std::string id, const Schedule& schedule, Instant created_at);

Money OutstandingPrincipal(const Plan& p);
// What is still scheduled to be paid: principal and interest not yet paid.
Money Outstanding(const Plan& p);
// Interest paid so far, over every instalment.
Money InterestPaid(const Plan& p);
Money FeesUnpaid(const Plan& p);
// True when an instalment is unpaid after its due date.
bool HasOverdue(const Plan& p, Date today);

// The principal balances a refund is allocated against, in instalment order.
std::vector<InstallmentBalance> PrincipalBalances(const Plan& p);

// Takes `reductions` (one per instalment, each at most that instalment's unpaid
// principal) off the plan. An instalment's interest shrinks in proportion to its
// principal (rounded down), since interest is charged on principal. An active plan left
// with nothing to pay is closed. Preconditions are asserted.
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
