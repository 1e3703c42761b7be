// Servicing rules (pure): what happens to a plan after the capture — payments and their
// allocation, payoff, due-date extension, pauses for disputes and returns, and the
// close-of-business day (collection, late fees, delinquency, charge-off, interest).
//
// Every function takes the business date it applies to; none reads a clock. The
// shell (servicing/cob.h, the API handlers) stores what they return and posts the
// matching journal entries (servicing/postings.h) in the same unit of work.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "lending/plan.h"

namespace tranche::servicing {

// PRODUCT.md "Domain rules".
inline constexpr std::int64_t kLateFeeMinor = 700;       // 7.00 in the plan's currency
inline constexpr std::int64_t kLateFeeCapBps = 2'500;    // fees total at most 25 % of the plan
inline constexpr int kLateFeeAfterDays = 10;             // unpaid 10 days after the due date
inline constexpr int kRetryAfterDays[] = {2, 5};         // failed collections retried then
inline constexpr int kChargeOffDaysPastDue = 120;
inline constexpr int kDisputePauseDays = 21;
inline constexpr int kReturnPauseDays = 28;
inline constexpr int kMaxExtensionDays = 14;
inline constexpr int kReminderDaysBefore = 3;
// Interest accrues daily at APR / 365 on the outstanding principal. One day's interest
// is principal × apr_bps / kAccrualDenominator; the remainder is carried to the next day.
inline constexpr std::int64_t kAccrualDenominator = 10'000 * 365;
// The most days one booking covers (servicing.cc Accrue: its product fits 63 bits).
inline constexpr int kMaxAccrualRunDays = 2'000;

// Booking interest. Principal only changes on payments, refunds and charge-offs, so the
// interest of a run of days is one product: n days at principal P give
// ⌊(carry + n·P·apr) / D⌋ with the same remainder carried as n daily steps give. A plan
// is therefore not visited every night to accrue: its interest is booked (into
// interest_accrued, with a journal entry) when the daily close has other work for it,
// at every month end (so the ledger is exact at each month's close), and before a
// payment or refund changes its principal. Reads and quotes compute it to date (ToDate).
struct Accrual {
  lending::Plan plan;
  Money interest;  // accrued by this call
};
// Accrues the interest of the days after plan.accrued_through (or from the plan's first
// day) through `through`, on the outstanding principal, never past the schedule's finance
// charge. Nothing for a plan that is not active or has no APR, or is accrued through
// `through` already.
Accrual AccrueThrough(lending::Plan p, Date through);
// The last day of a month: the daily close books every earning plan's interest.
bool IsAccrualBookingDay(Date d);

// Pauses. A pause runs [paused_from, paused_until). While it runs, an instalment that
// falls due on or after paused_from is held: not due, not overdue, not collected, and
// it does not count against the consumer for new purchases. The moment the pause ends
// (the start of paused_until) those instalments' due dates move later by the days
// paused — for reads, payments, extensions and credit decisions at once, not only
// once the daily job has closed that date (AsOf).
bool IsPaused(const lending::Plan& p, Date today);
// The plan as it stands on `today`: a pause that has ended by then is ended, its shift
// applied (Resume on paused_until). Every read or action on a plan starts from it.
lending::Plan AsOf(lending::Plan p, Date today);
// AsOf, with interest accrued through the day before `today` (the days closed by then):
// the plan for reads and quotes (QuotePayoff, AllocatePayment's "interest to date").
// Not to be stored: the interest it adds has no journal entry yet.
lending::Plan ToDate(lending::Plan p, Date today);
// How instalment `i` of `p` looks on `today`: held instalments of a paused plan are
// scheduled, not overdue.
lending::InstallmentStatus StatusOn(const lending::Plan& p, const lending::PlanInstallment& i, Date today);
// Days past due of the oldest instalment unpaid after its due date and not held by a
// pause; 0 when none is.
int DaysPastDue(const lending::Plan& p, Date today);
// Every amount below is in the plan's currency (plan.amount.currency()); an amount in
// another currency passed in is a caller's bug and asserted.

// Fees unpaid plus every instalment due on or before `today`, not yet paid and not
// held by a pause.
Money AmountDue(const lending::Plan& p, Date today);
// Everything the consumer still owes on the plan: unpaid fees and instalments.
Money Balance(const lending::Plan& p);

// How one payment divides over a plan.
struct PaymentAllocation {
  Money fees;
  Money interest;   // instalment interest covered
  Money principal;  // instalment principal covered
  std::vector<Money> per_installment;           // what each instalment receives
  std::vector<Money> per_installment_interest;  // the part of it that pays interest

  // Nothing allocated (a payment that found nothing left to pay).
  static PaymentAllocation None(Currency c);
  Money total() const;
};

// Whether a payment goes to the plan: an active plan, or one charged off for
// delinquency (its payments are recoveries). A plan charged off as fraud takes none: it
// was never the consumer's to owe, so a payment that reaches it is theirs to get back.
bool AcceptsPayments(const lending::Plan& p);

// Divides `amount`, paid on `today`, over the plan, instalments taken in due-date
// order at each step:
//   1. unpaid fees;
//   2. instalments due by `today`: the rest of each as scheduled, interest then principal;
//   3. interest accrued to date and still unpaid;
//   4. principal of instalments not yet due (paying early saves the interest on it);
//   5. interest not yet accrued, which only a payment of the whole balance reaches.
// So paying early never pays interest that has not been earned, and a payoff after a
// partial payment costs principal plus interest to date, exactly.
// Refused: amount not positive (invalid_amount), more than the balance
// (overpayment), a plan that does not accept payments (plan_not_payable).
Result<PaymentAllocation> AllocatePayment(const lending::Plan& p, Money amount, Date today);

// The plan after an allocated payment. A plan with nothing left to pay becomes
// paid_off (a charged-off plan keeps its status; its payments count as recovered).
lending::Plan ApplyPayment(lending::Plan p, const PaymentAllocation& a);

// The payoff amount: unpaid fees, outstanding principal and, for financing, interest
// accrued and unpaid (pass ToDate's plan for today's quote). Interest scheduled beyond
// it is waived.
struct PayoffQuote {
  Money amount;  // principal + interest + fees
  Money principal;
  Money interest;
  Money fees;
  Money interest_waived;
};
PayoffQuote QuotePayoff(const lending::Plan& p);
// The plan with the waived interest removed from its instalments (last first), so that
// paying the quote pays it off.
lending::Plan WaiveUnaccruedInterest(lending::Plan p, const PayoffQuote& q);

// Moves instalment `number`'s due date `days` later (1..14), once per plan. Refused:
// already extended (extension_used), unknown or paid instalment, an instalment past
// due, a paused or closed plan, days out of range.
Result<lending::Plan> Extend(lending::Plan p, int number, int days, Date today);

// Pauses collection and late fees from `today` for `days` (disputes 21, returns 28).
// A pause already running is extended to the later end. Refused on a plan that is
// not active (plan_not_active).
Result<lending::Plan> Pause(lending::Plan p, Date today, int days, std::string reason);
// Ends the pause on `on`: every unpaid instalment due on or after the pause started
// moves later by the days the pause lasted. No-op without a pause.
lending::Plan Resume(lending::Plan p, Date on);

// What closing business date `d` does to one plan.
struct DayResult {
  explicit DayResult(lending::Plan p);  // nothing done yet: every amount zero
  lending::Plan plan;
  bool already_closed = false;           // d was closed for this plan before: nothing done
  bool pause_ended = false;
  Money interest_accrued;
  Money late_fee;                        // charged today
  int late_fee_installment = 0;
  std::optional<lending::Bucket> bucket_changed_from = {};
  bool charged_off = false;
  Money charged_off_principal;           // written off: principal and fees
  Money charged_off_fees;
  Money interest_written_back;           // accrued but unpaid interest reversed
  Money collect;                         // autopay to attempt today (zero: none)
  int collect_attempt = 0;               // 1 on the due date, 2 and 3 on the retries
  std::vector<int> remind_installments = {};  // due in kReminderDaysBefore days
};

// Closes `d` for the plan, in this order: end a pause that is over; book the interest
// through `d` (financing: every day since the last booking); charge late fees due; move the delinquency bucket; charge off
// at 120 days past due; decide today's autopay (due date and retry days, unless
// paused); reminders. A plan closed through `d` already is returned unchanged.
// Precondition: `d` is after plan.serviced_through (or the plan's first day): the close
// skips the days a plan has no work (ops/cob.h), and each rule looks at `d` alone.
DayResult CloseDay(lending::Plan p, Date d);

// Writes off an active plan whose purchase a card issuer has called fraud (it took one
// of the plan's payments back): what stays owed is written off as at 120 days past due,
// but for reason kFraud, and nothing more is collected from the card. `d` is the
// business date the chargeback was accepted. A pause running is ended, its due dates
// left as they are. Precondition: the plan is active.
DayResult ChargeOffAsFraud(lending::Plan p, Date d);

// Interest accrued beyond what was paid, or paid beyond what was accrued, when a plan
// stops earning (paid off, closed by refunds, charged off): positive amounts are
// written back (accrued, never to be paid), negative ones recognised. Sets the plan's
// accrued interest to what was paid.
struct InterestTrueUp {
  lending::Plan plan;
  Money written_back;  // > 0: reverse accrued interest; < 0: recognise more
};
InterestTrueUp TrueUpInterest(lending::Plan p);

// A plan that left active by being paid off or closed by refunds: fees still unpaid are
// waived (a refund took the purchase away) and interest trued up.
struct Closure {
  lending::Plan plan;
  Money fees_waived;
  Money interest_written_back;  // as InterestTrueUp::written_back
  bool needs_entry() const { return !fees_waived.is_zero() || !interest_written_back.is_zero(); }
};
Closure ClosePlan(lending::Plan p);

}  // namespace tranche::servicing
