#include "ops/cob.h"

#include "recon/reconcile.h"

#include <chrono>
#include <map>

#include "ledger/posting.h"
#include "merchants/merchant.h"
#include "ops/events.h"
#include "ops/merchant_actions.h"
#include "ops/reconciliation.h"
#include "ops/send_open.h"
#include "origination/origination.h"
#include "servicing/postings.h"
#include "settlement/settlement.h"

namespace tranche::ops {

namespace {

using lending::Plan;
using servicing::DayResult;

constexpr std::size_t kMovementPage = 1000;

Status Post(store::Tx& tx, const ledger::JournalEntry& e) { return ledger::Post(tx.ledger(), e).status(); }


// Stores what closing the day did to one plan, with its postings, autopay, events and
// notifications. `accrued` sums the day's interest per currency for one entry per batch.
Status RecordDay(store::Tx& tx, IdGenerator& ids, Instant now, Date d, const DayResult& r,
                 bool installments_changed, std::map<Currency, Money>& accrued, PlanCounts& report) {
  const Plan& p = r.plan;
  const Currency c = p.amount.currency();
  Money& sum = accrued.try_emplace(c, Money::Zero(c)).first->second;
  sum = Checked(sum.Plus(r.interest_accrued));
  report.interest_accrued_minor += r.interest_accrued.minor();
  report.pauses_ended += r.pause_ended ? 1 : 0;
  if (r.late_fee.minor() > 0) {
    TRANCHE_RETURN_IF_ERROR(Post(
        tx, servicing::LateFeeEntry({ids.Next("je"), p.id, p.consumer_id, now}, r.late_fee, r.late_fee_installment)));
    TRANCHE_RETURN_IF_ERROR(NotifyConsumer(tx, ids, now, p.consumer_id, "late_fee", "A late fee was charged",
                                           "A late fee of " + FormatMoney(r.late_fee) + " was added to plan " +
                                               p.id + "."));
    ++report.late_fees;
    report.late_fees_minor += r.late_fee.minor();
  }
  if (r.charged_off) {
    TRANCHE_RETURN_IF_ERROR(Post(tx, servicing::ChargeOffEntry({ids.Next("je"), p.id, p.consumer_id, now}, r)));
    TRANCHE_RETURN_IF_ERROR(PublishPlanChargedOff(tx, ids, now, p, d));
    ++report.charge_offs;
    report.charged_off_minor += Checked(r.charged_off_principal.Plus(r.charged_off_fees)).minor();
  }
  if (r.collect.minor() > 0) {
    TRANCHE_ASSIGN_OR_RETURN(bool open, tx.collections().HasOpen(p.id));
    if (!open) {
      TRANCHE_ASSIGN_OR_RETURN(payments::PaymentMethod method, tx.payment_methods().Find(p.consumer_id));
      servicing::Collection col{ids.Next("col"), p.id, p.consumer_id, "autopay", d, r.collect_attempt,
                                r.collect, false, method, servicing::CollectionStatus::kPending,
                                "", "", now};
      TRANCHE_ASSIGN_OR_RETURN(bool inserted, tx.collections().Insert(col));
      report.autopay_created += inserted ? 1 : 0;
    }
  }
  for (int number : r.remind_installments) {
    const lending::PlanInstallment& i = p.installments[static_cast<std::size_t>(number - 1)];
    TRANCHE_RETURN_IF_ERROR(NotifyConsumer(
        tx, ids, now, p.consumer_id, "payment_reminder", "A payment is due soon",
        "Instalment " + std::to_string(number) + " of plan " + p.id + " (" +
            FormatMoney(Checked(i.amount().Minus(i.paid))) + ") is due on " + FormatDate(i.due_date) +
            "."));
    ++report.reminders;
  }
  ++report.plans_closed;
  return installments_changed ? tx.plans().Update(p) : tx.plans().UpdateState(p);
}

}  // namespace

Result<std::int64_t> ExpireAllAuthorizations(store::Store& store, Instant now) {
  std::int64_t total = 0;
  for (std::size_t expired = origination::kMaxExpiriesPerSweep; expired == origination::kMaxExpiriesPerSweep;) {
    TRANCHE_RETURN_IF_ERROR(store.Write([&](store::Tx& tx) -> Status {
      TRANCHE_ASSIGN_OR_RETURN(expired, origination::ExpireAuthorizations(tx, now));
      return Status::Ok();
    }));
    total += static_cast<std::int64_t>(expired);
  }
  return total;
}

Result<std::vector<CobReport>> AdvanceAndClose(Cob& cob, AdjustableClock& clock, int days) {
  TRANCHE_ASSERT(days > 0);
  const std::chrono::microseconds total = std::chrono::days(days);
  const Date end = DateOf(clock.Now() + total);
  std::chrono::microseconds moved{0};
  std::vector<CobReport> reports;
  for (Date d = DateOf(clock.Now()); d < end; d = AddDays(d, 1)) {
    // A clock that runs on its own (the demo's) may already be past the close.
    const std::chrono::microseconds step = std::max(std::chrono::microseconds(0), StartOf(AddDays(d, 1)) - clock.Now());
    clock.Advance(step);
    moved += step;
    TRANCHE_ASSIGN_OR_RETURN(std::vector<CobReport> closed, cob.CloseThrough(d));
    reports.insert(reports.end(), closed.begin(), closed.end());
  }
  clock.Advance(total - moved);
  return reports;
}

PlanCounts& PlanCounts::operator+=(const PlanCounts& o) {
  plans_closed += o.plans_closed;
  pauses_ended += o.pauses_ended;
  late_fees += o.late_fees;
  late_fees_minor += o.late_fees_minor;
  charge_offs += o.charge_offs;
  charged_off_minor += o.charged_off_minor;
  reminders += o.reminders;
  interest_accrued_minor += o.interest_accrued_minor;
  autopay_created += o.autopay_created;
  return *this;
}

Json CobReportJson(const CobReport& r) {
  return {{"business_date", FormatDate(r.business_date)},
          {"already_closed", r.already_closed},
          {"authorizations_expired", r.authorizations_expired},
          {"plans_closed", r.plans.plans_closed},
          {"pauses_ended", r.plans.pauses_ended},
          {"late_fees", r.plans.late_fees},
          {"late_fees_amount", r.plans.late_fees_minor},
          {"charge_offs", r.plans.charge_offs},
          {"charged_off_amount", r.plans.charged_off_minor},
          {"reminders", r.plans.reminders},
          {"interest_accrued", r.plans.interest_accrued_minor},
          {"autopay_created", r.plans.autopay_created},
          {"collections",
           {{"attempted", r.collections.attempted},
            {"succeeded", r.collections.succeeded},
            {"failed", r.collections.failed},
            {"unknown", r.collections.unknown}}},
          {"consumer_refunds", r.consumer_refunds},
          {"settlements", r.settlements},
          {"payouts_paid", r.payouts_paid},
          {"payouts_failed", r.payouts_failed},
          {"reconciliation",
           {{"files", r.recon_files},
            {"exceptions", r.recon_exceptions},
            {"fraud_charge_offs", r.fraud_charge_offs},
            {"error", r.recon_error.empty() ? Json(nullptr) : Json(r.recon_error)}}},
          {"merchants_to_review", r.merchants_to_review},
          {"duration_ms", r.duration_ms}};
}

Result<CobReport> Cob::Close(Date d) {
  std::lock_guard lock(mu_);
  return CloseLocked(d);
}

Result<std::vector<CobReport>> Cob::CloseThrough(Date target) {
  std::lock_guard lock(mu_);
  std::optional<Date> last;
  TRANCHE_RETURN_IF_ERROR(ctx_.store.Read([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(last, tx.cob_runs().LastClosedDate());
    return Status::Ok();
  }));
  std::vector<CobReport> reports;
  Date d = last ? AddDays(*last, 1) : target;
  if (DaysBetween(d, target) > kMaxCatchUpDays) {
    return Status::InvalidArgument("catch_up_too_long", "more than " + std::to_string(kMaxCatchUpDays) +
                                                            " business dates to close");
  }
  for (; d <= target; d = AddDays(d, 1)) {
    TRANCHE_ASSIGN_OR_RETURN(CobReport r, CloseLocked(d));
    reports.push_back(r);
  }
  return reports;
}

Result<CobReport> Cob::CloseLocked(Date d) {
  const auto started = std::chrono::steady_clock::now();
  const Instant started_at = ctx_.clock.Now();
  if (d > DateOf(started_at)) {
    return Status::InvalidArgument("date_in_future", "business date " + FormatDate(d) + " has not begun", "date");
  }
  CobReport report;
  report.business_date = d;
  std::optional<servicing::CobRun> run;
  TRANCHE_RETURN_IF_ERROR(ctx_.store.Read([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(run, tx.cob_runs().Find(d));
    return Status::Ok();
  }));
  if (run) {
    report.already_closed = true;
    return report;
  }
  // The close only sequences the steps and gives each the business date, or the
  // instant that closes it: the end of D, or now while D is today (a date closed late is
  // still recorded as of D, not of when the job ran).
  const Instant at = std::min(started_at, StartOf(AddDays(d, 1)));
  // Outcomes left unknown by an earlier run are resolved before the day moves plans on.
  TRANCHE_ASSIGN_OR_RETURN(report.collections, RunOpenCollections(ctx_, at));
  TRANCHE_RETURN_IF_ERROR(PayOpenPayouts(report));
  TRANCHE_ASSIGN_OR_RETURN(report.authorizations_expired, ExpireAllAuthorizations(ctx_.store, at));
  TRANCHE_RETURN_IF_ERROR(ClosePlans(d, at, report));
  TRANCHE_ASSIGN_OR_RETURN(CollectionRun today, RunOpenCollections(ctx_, at));
  report.collections += today;
  TRANCHE_RETURN_IF_ERROR(Settle(d, at, report));
  TRANCHE_RETURN_IF_ERROR(PayOpenPayouts(report));
  TRANCHE_ASSIGN_OR_RETURN(report.consumer_refunds, RefundConsumers(ctx_, at));
  TRANCHE_RETURN_IF_ERROR(Reconcile(d, at, report));
  TRANCHE_RETURN_IF_ERROR(MonitorMerchants(d, at, report));
  report.duration_ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started).count();
  TRANCHE_RETURN_IF_ERROR(ctx_.store.Write([&](store::Tx& tx) -> Status {
    return tx.cob_runs().Insert({d, started_at, ctx_.clock.Now(), CobReportJson(report).dump()});
  }));
  return report;
}

Status Cob::Reconcile(Date d, Instant at, CobReport& report) {
  if (recon_.inbox == nullptr) return Status::Ok();
  TRANCHE_ASSIGN_OR_RETURN(std::vector<Date> dates, recon_.inbox->Dates());
  std::optional<Date> last;
  TRANCHE_RETURN_IF_ERROR(ctx_.store.Read([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(last, recon::LastReconciledDate(tx));
    return Status::Ok();
  }));
  for (Date file_date : dates) {
    if ((last && file_date <= *last) || file_date > d) continue;
    auto lines = recon_.inbox->Read(file_date);
    if (!lines.ok()) {
      report.recon_error = "the settlement file of " + FormatDate(file_date) + ": " + lines.status().message();
      return Status::Ok();
    }
    TRANCHE_RETURN_IF_ERROR(ctx_.store.Write([&](store::Tx& tx) -> Status {
      TRANCHE_ASSIGN_OR_RETURN(auto outcome, ReconcileFile(tx, ctx_.ids, at, ctx_.fraud, file_date, *lines, recon_.rules));
      report.recon_exceptions += static_cast<std::int64_t>(outcome.day.exceptions.size());
      report.fraud_charge_offs += outcome.fraud_charge_offs;
      return Status::Ok();
    }));
    ++report.recon_files;
  }
  return Status::Ok();
}

Status Cob::MonitorMerchants(Date d, Instant at, CobReport& report) {
  if (std::chrono::weekday(std::chrono::sys_days(d)) != std::chrono::Monday) return Status::Ok();
  return ctx_.store.Write([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(report.merchants_to_review, ops::MonitorMerchants(tx, ctx_.ids, d, at));
    return Status::Ok();
  });
}

Status Cob::ClosePlans(Date d, Instant at, CobReport& report) {
  std::vector<std::string> ids;
  TRANCHE_RETURN_IF_ERROR(ctx_.store.Read([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(ids, tx.plans().ListToClose(d, AddDays(d, servicing::kReminderDaysBefore),
                                                         servicing::IsAccrualBookingDay(d)));
    return Status::Ok();
  }));
  for (std::size_t start = 0; start < ids.size(); start += kPlansPerTransaction) {
    const std::size_t end = std::min(ids.size(), start + kPlansPerTransaction);
    PlanCounts batch;  // counted only once the batch commits
    TRANCHE_RETURN_IF_ERROR(ctx_.store.Write([&](store::Tx& tx) -> Status {
      batch = PlanCounts{};
      std::map<Currency, Money> accrued;
      for (std::size_t k = start; k < end; ++k) {
        TRANCHE_ASSIGN_OR_RETURN(auto plan, tx.plans().Find(ids[k]));
        TRANCHE_ASSERT(plan.has_value());
        const std::vector<lending::PlanInstallment> before = plan->installments;
        DayResult r = servicing::CloseDay(std::move(*plan), d);
        if (r.already_closed) continue;
        TRANCHE_RETURN_IF_ERROR(
            RecordDay(tx, ctx_.ids, at, d, r, r.plan.installments != before, accrued, batch));
      }
      for (const auto& [currency, interest] : accrued) {
        if (interest.is_zero()) continue;
        TRANCHE_RETURN_IF_ERROR(
            Post(tx, servicing::AccrualEntry({ctx_.ids.Next("je"), ids[start], "", at}, d, interest)));
      }
      return Status::Ok();
    }));
    report.plans += batch;
  }
  return Status::Ok();
}

Status Cob::Settle(Date d, Instant at, CobReport& report) {
  std::vector<settlement::PayableAccount> accounts;
  TRANCHE_RETURN_IF_ERROR(ctx_.store.Read([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(accounts, tx.settlements().ListPayableAccounts());
    return Status::Ok();
  }));
  const Instant until = StartOf(AddDays(d, 1));
  for (const settlement::PayableAccount& a : accounts) {
    bool created = false;
    TRANCHE_RETURN_IF_ERROR(ctx_.store.Write([&](store::Tx& tx) -> Status {
      created = false;
      TRANCHE_ASSIGN_OR_RETURN(auto latest, tx.settlements().Latest(a));
      if (latest && latest->business_date >= d) return Status::Ok();
      Money carried_in = Money::Zero(a.currency);
      std::int64_t after_seq = 0;
      if (latest) {
        after_seq = latest->last_seq;
        bool paid_out = false;
        if (!latest->payout_id.empty()) {
          TRANCHE_ASSIGN_OR_RETURN(auto payout, tx.payouts().Find(latest->payout_id));
          TRANCHE_ASSERT(payout.has_value());
          // A payout paid or still in flight has settled the net; a failed one carries it.
          paid_out = payout->status != settlement::PayoutStatus::kFailed;
        }
        carried_in = latest->carry_out(paid_out);
      }
      std::vector<settlement::Movement> movements;
      for (std::int64_t cursor = after_seq;;) {
        TRANCHE_ASSIGN_OR_RETURN(auto page, tx.settlements().ListMovements(a, cursor, until, kMovementPage));
        if (page.empty()) break;
        cursor = page.back().seq;
        movements.insert(movements.end(), page.begin(), page.end());
        if (page.size() < kMovementPage) break;
      }
      settlement::Settlement s =
          settlement::BuildSettlement("", a.merchant_id, d, carried_in, after_seq, movements, at);
      // Nothing to settle: no captures, refunds or adjustments (a payout alone is not
      // one) and nothing owed carried in. Checked first: most accounts are idle most days.
      if (s.lines.empty() && carried_in.minor() <= 0) return Status::Ok();
      TRANCHE_ASSIGN_OR_RETURN(auto merchant, tx.merchants().Find(a.merchant_id));
      TRANCHE_ASSERT_MSG(merchant.has_value(), "a payable account belongs to a merchant");
      // What a merchant under review or rejected is owed waits in its payable account
      // for an operator's decision (merchants::PayoutsHeld).
      const bool hold = merchants::PayoutsHeld(*merchant);
      if (s.lines.empty() && hold) return Status::Ok();  // nothing new, and nothing to pay now
      s.id = ctx_.ids.Next("stl");
      if (s.net.minor() > 0 && !hold) {
        s.payout_id = ctx_.ids.Next("po");
        TRANCHE_RETURN_IF_ERROR(tx.settlements().Insert(s));
        TRANCHE_RETURN_IF_ERROR(tx.payouts().Insert(
            {s.payout_id, s.id, a.merchant_id, s.net, settlement::PayoutStatus::kPending, "", "", at}));
      } else {
        TRANCHE_RETURN_IF_ERROR(tx.settlements().Insert(s));
      }
      created = true;
      return Status::Ok();
    }));
    report.settlements += created ? 1 : 0;
  }
  return Status::Ok();
}

Status Cob::PayOpenPayouts(CobReport& report) {
  return SendOpen<settlement::Payout>(
      ctx_.store,
      [](store::Tx& tx, payments::MovementState state, const std::string& after) {
        return tx.payouts().ListInStatus(settlement::PayoutStatusOf(state), after, kMovementBatch);
      },
      [&](const settlement::Payout& p, bool resolve) {
        const payments::PayoutRequest request{p.id, p.merchant_id, p.amount};
        return resolve ? ctx_.rail.Resolve(request) : ctx_.rail.Pay(request);
      },
      [&](store::Tx& tx, settlement::Payout p, const payments::ProcessorReply& reply) -> Status {
        // The payout's entry is a movement on the merchant payable, which settlements read
        // by ledger sequence up to the end of their date: stamping it earlier than entries
        // already posted (a late close) would let a settlement skip those. So it is
        // stamped when it is recorded; the payout's amount and date come from D's settlement.
        const Instant now = ctx_.clock.Now();
        const std::optional<payments::MovementRecord> next = payments::ApplyReply(
            {settlement::MovementStateOf(p.status), p.rail_ref, p.failure_code, p.resolved_at}, reply, now);
        if (!next) return Status::Ok();  // listed open, so never: the outcome recorded first stands
        p.status = settlement::PayoutStatusOf(next->state);
        p.rail_ref = next->reference;
        p.failure_code = next->failure_code;
        p.resolved_at = next->resolved_at;
        TRANCHE_RETURN_IF_ERROR(tx.payouts().Update(p));
        report.payouts_failed += p.status == settlement::PayoutStatus::kFailed ? 1 : 0;
        if (p.status != settlement::PayoutStatus::kPaid) return Status::Ok();
        ++report.payouts_paid;
        TRANCHE_RETURN_IF_ERROR(
            Post(tx, servicing::PayoutEntry({ctx_.ids.Next("je"), p.id, "", now}, p.merchant_id, p.amount)));
        return PublishPayoutPaid(tx, ctx_.ids, now, p);
      });
}

}  // namespace tranche::ops
