// Close of business: the daily job that makes the servicing rules happen on time.
//
// Closing business date D, in order: resolve collections and payouts whose outcome was
// unknown; release expired authorizations; close D for every plan with work that day
// (servicing::CloseDay: pauses ending, interest accrual, late fees, delinquency buckets,
// charge-offs, autopay and retries, reminders) in bounded transactions; collect; build
// each merchant's settlement and pay it out; pay consumers what they are owed back;
// reconcile the settlement files waiting in the inbox for dates up to D (files arrive a
// day late, so closing D usually reconciles D-1's); record the run.
//
// Idempotent per date: every step is (plans remember the last date closed for them,
// autopay is unique per plan and date, postings have keys, a merchant has one
// settlement per date), and a closed date is recorded, so closing it again does
// nothing. CloseThrough catches up day by day from the last closed date.
#pragma once

#include <mutex>

#include "ops/collections.h"
#include "ops/outbox.h"
#include "recon/inbox.h"
#include "recon/matcher.h"

namespace tranche::ops {

inline constexpr std::size_t kPlansPerTransaction = 500;
inline constexpr int kMaxCatchUpDays = 3'660;

// What closing a date did to plans.
struct PlanCounts {
  std::int64_t plans_closed = 0;
  std::int64_t pauses_ended = 0;
  std::int64_t late_fees = 0;  // plans charged a late fee
  std::int64_t late_fees_minor = 0;
  std::int64_t charge_offs = 0;
  std::int64_t charged_off_minor = 0;
  std::int64_t reminders = 0;
  std::int64_t interest_accrued_minor = 0;  // summed over currencies (minor units)
  std::int64_t autopay_created = 0;
  PlanCounts& operator+=(const PlanCounts& o);
};

struct CobReport {
  Date business_date;
  bool already_closed = false;
  std::int64_t authorizations_expired = 0;
  PlanCounts plans;
  CollectionRun collections;
  std::int64_t consumer_refunds = 0;  // money owed to consumers paid back
  std::int64_t settlements = 0;
  std::int64_t payouts_paid = 0;
  std::int64_t payouts_failed = 0;
  std::int64_t recon_files = 0;       // settlement files reconciled
  std::int64_t recon_exceptions = 0;  // exceptions they queued
  std::int64_t fraud_charge_offs = 0;  // plans their chargebacks wrote off as fraud
  std::int64_t merchants_to_review = 0;  // sent back by Monday's merchant monitoring
  std::string recon_error;            // why the inbox's next file waits (malformed), if it does
  std::int64_t duration_ms = 0;
};
Json CobReportJson(const CobReport& r);

// Reconciliation in the close: where the files arrive and the matching rules. Without
// an inbox the close reconciles nothing (the simulator reconciles its own files).
struct CobReconciliation {
  recon::SettlementInbox* inbox = nullptr;
  recon::MatchRules rules;
};

class Cob {
 public:
  explicit Cob(OpsContext ctx, CobReconciliation recon = {}) : ctx_(ctx), recon_(recon) {}
  // Closes `d`. Refused for a date after today (InvalidArgument, date_in_future).
  Result<CobReport> Close(Date d);
  // Closes every date from the day after the last closed one (or `target` when none
  // was closed) through `target`.
  Result<std::vector<CobReport>> CloseThrough(Date target);

 private:
  Result<CobReport> CloseLocked(Date d);
  // `at` is the close instant of `d` (see CloseLocked): what the close records is stamped
  // with it, so closing a past date late records it as of that date.
  Status ClosePlans(Date d, Instant at, CobReport& report);
  Status Settle(Date d, Instant at, CobReport& report);
  Status PayOpenPayouts(CobReport& report);
  // Reconciles the inbox's files dated after the last one reconciled and up to `d`, in
  // date order, each in its own transaction. A malformed file stops there (later files
  // wait behind it, so dates stay in order) without failing the close.
  Status Reconcile(Date d, Instant at, CobReport& report);
  // Merchant monitoring (onboarding/merchant_monitoring.h), in Mondays' close: weekly,
  // as it reads every plan.
  Status MonitorMerchants(Date d, Instant at, CobReport& report);

  OpsContext ctx_;
  CobReconciliation recon_;
  std::mutex mu_;  // one close at a time in this process
};

}  // namespace tranche::ops

namespace tranche::ops {
// Demo and simulation: moves `clock` `days` forward one business date at a time. The
// clock stops at the end of each date (midnight UTC, when a running server would first
// close it) while the date is closed, so what closing it creates — reminders, events,
// notifications, postings — carries that date's close time, not the end of the jump.
// Returns the reports of the dates closed, oldest first.
Result<std::vector<CobReport>> AdvanceAndClose(Cob& cob, AdjustableClock& clock, int days);

// Releases every authorization expired at `now`, in bounded units of work; returns how
// many. (The daily job and the maintenance sweep both run it.)
Result<std::int64_t> ExpireAllAuthorizations(store::Store& store, Instant now);
}  // namespace tranche::ops
