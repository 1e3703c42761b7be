// The journal entries servicing posts (pure). The caller supplies ids and the time and
// posts them (ledger::Post) in the unit of work that makes the change.
//
// Accounts: the consumer receivable holds principal and unpaid fees; financing interest
// is earned daily into accrued_interest (an asset) and paid out of it, so accrued
// interest = Σ over plans of (interest accrued − interest paid). When a plan stops
// earning, the difference is trued up against interest revenue.
#pragma once

#include "ledger/entry.h"
#include "servicing/servicing.h"

namespace tranche::servicing {

struct EntryContext {
  std::string entry_id;   // je_...
  std::string object_id;  // what caused it: col_..., pln_..., po_...
  std::string consumer_id;
  Instant now;
};

// Each entry is in the currency of the amounts it is given; amounts of one entry in
// different currencies are a caller's bug and asserted.

// The posting key of collection `collection_id`'s payment entry (PaymentEntry).
std::string PaymentKey(std::string_view collection_id);

// A collected payment: cash debited; the receivable credited with fees and principal,
// accrued interest with interest. On a charged-off plan (`charged_off_for` is not kNone)
// the allocated amount is a recovery credited to the loss it was written off to. `excess`,
// collected beyond what the plan still owed (it was paid meanwhile, or it was written
// off as fraud and owes nothing: servicing::AcceptsPayments), is owed back: consumer
// refunds payable.
ledger::JournalEntry PaymentEntry(const EntryContext& ctx, const PaymentAllocation& a,
                                  lending::ChargeOffReason charged_off_for, Money excess);
// A late fee on instalment `number`: receivable debited, fee revenue credited.
ledger::JournalEntry LateFeeEntry(const EntryContext& ctx, Money fee, int number);
// Accrued interest of a batch of plans (ctx.object_id: the batch's first plan) for one
// business date in one currency.
ledger::JournalEntry AccrualEntry(const EntryContext& ctx, Date business_date, Money interest);
// A plan closed (servicing::ClosePlan): fees waived off the receivable against fee
// revenue; accrued interest written back (> 0) or recognised (< 0).
// Precondition: closure.needs_entry().
ledger::JournalEntry ClosureEntry(const EntryContext& ctx, const Closure& closure);
// A charge-off: credit losses (fraud losses for a fraud charge-off) debited with
// principal and fees, the receivable credited; accrued unpaid interest written back
// against interest revenue.
ledger::JournalEntry ChargeOffEntry(const EntryContext& ctx, const DayResult& r);
// The posting key of the fraud refund of order `order_id` (FraudRefundEntry): one per
// order, so writing an order off twice cannot give the consumer their money back twice.
std::string FraudRefundKey(std::string_view order_id);
// What a consumer paid towards order `order_id`, a purchase they did not make, owed back
// to them by the lender (ctx.object_id: the dispute that decided it): fraud losses
// debited, consumer refunds payable credited. Precondition: amount > 0.
ledger::JournalEntry FraudRefundEntry(const EntryContext& ctx, std::string_view order_id, Money amount);
// Money owed to a consumer paid back to their method: refunds payable debited, cash
// credited.
ledger::JournalEntry ConsumerRefundEntry(const EntryContext& ctx, Money amount);
// A merchant payout: merchant payable debited, settlement cash credited.
ledger::JournalEntry PayoutEntry(const EntryContext& ctx, const std::string& merchant_id, Money amount);

}  // namespace tranche::servicing
