#include "servicing/postings.h"

#include <initializer_list>

namespace tranche::servicing {

namespace {

using ledger::AccountType;
using ledger::AddLine;
using ledger::JournalEntry;
using ledger::Reason;

JournalEntry Blank(const EntryContext& ctx, Reason reason, std::string key) {
  return JournalEntry{ctx.entry_id, std::move(key), reason, ctx.object_id, "", "", ctx.now, {}};
}

// The one currency of an entry's amounts (asserted).
Currency SameCurrency(std::initializer_list<Money> amounts) {
  const Currency c = amounts.begin()->currency();
  for (const Money m : amounts) TRANCHE_ASSERT(m.currency() == c);
  return c;
}

// The expense a charge-off for `reason` is written off to, and its recoveries credited to.
AccountType LossAccount(lending::ChargeOffReason reason) {
  TRANCHE_ASSERT(reason != lending::ChargeOffReason::kNone);
  return reason == lending::ChargeOffReason::kFraud ? AccountType::kFraudLossExpense : AccountType::kCreditLossExpense;
}

}  // namespace

std::string PaymentKey(std::string_view collection_id) { return "payment:" + std::string(collection_id); }

JournalEntry PaymentEntry(const EntryContext& ctx, const PaymentAllocation& a, lending::ChargeOffReason charged_off_for,
                          Money excess) {
  const bool recovery = charged_off_for != lending::ChargeOffReason::kNone;
  const Money total = a.total();
  const Currency c = SameCurrency({total, excess});
  TRANCHE_ASSERT(!total.is_negative() && !excess.is_negative() && total.minor() + excess.minor() > 0);
  JournalEntry e = Blank(ctx, recovery && !total.is_zero() ? Reason::kRecovery : Reason::kCollection,
                         PaymentKey(ctx.object_id));
  AddLine(e, {AccountType::kCollectionsCash, c, ""}, Checked(total.Plus(excess)).minor());
  AddLine(e, {AccountType::kConsumerRefundsPayable, c, ctx.consumer_id}, -excess.minor());
  if (recovery) {
    AddLine(e, {LossAccount(charged_off_for), c, ""}, -total.minor());
  } else {
    AddLine(e, {AccountType::kConsumerReceivable, c, ctx.consumer_id}, -Checked(a.fees.Plus(a.principal)).minor());
    AddLine(e, {AccountType::kAccruedInterest, c, ""}, -a.interest.minor());
  }
  return e;
}

JournalEntry LateFeeEntry(const EntryContext& ctx, Money fee, int number) {
  TRANCHE_ASSERT(fee.minor() > 0);
  const Currency c = fee.currency();
  JournalEntry e = Blank(ctx, Reason::kLateFee, "late_fee:" + ctx.object_id + ":" + std::to_string(number));
  AddLine(e, {AccountType::kConsumerReceivable, c, ctx.consumer_id}, fee.minor());
  AddLine(e, {AccountType::kFeeRevenue, c, ""}, -fee.minor());
  return e;
}

JournalEntry AccrualEntry(const EntryContext& ctx, Date business_date, Money interest) {
  TRANCHE_ASSERT(interest.minor() > 0);
  const Currency c = interest.currency();
  JournalEntry e = Blank(ctx, Reason::kInterestAccrual,
                         "accrual:" + FormatDate(business_date) + ":" + std::string(CurrencyCode(c)) + ":" +
                             ctx.object_id);
  AddLine(e, {AccountType::kAccruedInterest, c, ""}, interest.minor());
  AddLine(e, {AccountType::kInterestRevenue, c, ""}, -interest.minor());
  return e;
}

JournalEntry ClosureEntry(const EntryContext& ctx, const Closure& closure) {
  TRANCHE_ASSERT(closure.needs_entry());
  const Currency c = SameCurrency({closure.plan.amount, closure.fees_waived, closure.interest_written_back});
  JournalEntry e = Blank(ctx, Reason::kInterestAccrual, "closure:" + ctx.object_id);
  AddLine(e, {AccountType::kFeeRevenue, c, ""}, closure.fees_waived.minor());
  AddLine(e, {AccountType::kConsumerReceivable, c, ctx.consumer_id}, -closure.fees_waived.minor());
  AddLine(e, {AccountType::kInterestRevenue, c, ""}, closure.interest_written_back.minor());
  AddLine(e, {AccountType::kAccruedInterest, c, ""}, -closure.interest_written_back.minor());
  return e;
}

JournalEntry ChargeOffEntry(const EntryContext& ctx, const DayResult& r) {
  TRANCHE_ASSERT(r.charged_off);
  const Money written_off = Checked(r.charged_off_principal.Plus(r.charged_off_fees));
  const Currency c = SameCurrency({r.plan.amount, written_off, r.interest_written_back});
  JournalEntry e = Blank(ctx, Reason::kChargeOff, "charge_off:" + ctx.object_id);
  AddLine(e, {LossAccount(r.plan.charge_off_reason), c, ""}, written_off.minor());
  AddLine(e, {AccountType::kConsumerReceivable, c, ctx.consumer_id}, -written_off.minor());
  AddLine(e, {AccountType::kInterestRevenue, c, ""}, r.interest_written_back.minor());
  AddLine(e, {AccountType::kAccruedInterest, c, ""}, -r.interest_written_back.minor());
  return e;
}

std::string FraudRefundKey(std::string_view order_id) { return "fraud_refund:" + std::string(order_id); }

JournalEntry FraudRefundEntry(const EntryContext& ctx, std::string_view order_id, Money amount) {
  TRANCHE_ASSERT(amount.minor() > 0);
  const Currency c = amount.currency();
  JournalEntry e = Blank(ctx, Reason::kChargeOff, FraudRefundKey(order_id));
  AddLine(e, {AccountType::kFraudLossExpense, c, ""}, amount.minor());
  AddLine(e, {AccountType::kConsumerRefundsPayable, c, ctx.consumer_id}, -amount.minor());
  return e;
}

JournalEntry ConsumerRefundEntry(const EntryContext& ctx, Money amount) {
  TRANCHE_ASSERT(amount.minor() > 0);
  const Currency c = amount.currency();
  JournalEntry e = Blank(ctx, Reason::kRefund, "consumer_refund:" + ctx.object_id);
  AddLine(e, {AccountType::kConsumerRefundsPayable, c, ctx.consumer_id}, amount.minor());
  AddLine(e, {AccountType::kCollectionsCash, c, ""}, -amount.minor());
  return e;
}

JournalEntry PayoutEntry(const EntryContext& ctx, const std::string& merchant_id, Money amount) {
  TRANCHE_ASSERT(amount.minor() > 0);
  const Currency c = amount.currency();
  JournalEntry e = Blank(ctx, Reason::kPayout, "payout:" + ctx.object_id);
  AddLine(e, {AccountType::kMerchantPayable, c, merchant_id}, amount.minor());
  AddLine(e, {AccountType::kSettlementCash, c, ""}, -amount.minor());
  return e;
}

}  // namespace tranche::servicing
