#include "servicing/postings.h"

namespace tranche::servicing {

namespace {

using ledger::AccountType;
using ledger::AddLine;
using ledger::JournalEntry;
using ledger::Reason;

JournalEntry Blank(const EntryContext& ctx, Reason reason, std::string key) {
  return JournalEntry{ctx.entry_id, std::move(key), reason, ctx.object_id, "", "", ctx.now, {}};
}

}  // namespace

JournalEntry PaymentEntry(const EntryContext& ctx, Currency c, const PaymentAllocation& a, bool recovery,
                          std::int64_t excess_minor) {
  TRANCHE_ASSERT(a.total_minor() >= 0 && excess_minor >= 0 && a.total_minor() + excess_minor > 0);
  JournalEntry e = Blank(ctx, recovery ? Reason::kRecovery : Reason::kCollection, "payment:" + ctx.object_id);
  AddLine(e, {AccountType::kCollectionsCash, c, ""}, a.total_minor() + excess_minor);
  AddLine(e, {AccountType::kConsumerRefundsPayable, c, ctx.consumer_id}, -excess_minor);
  if (recovery) {
    AddLine(e, {AccountType::kCreditLossExpense, c, ""}, -a.total_minor());
  } else {
    AddLine(e, {AccountType::kConsumerReceivable, c, ctx.consumer_id}, -(a.fees_minor + a.principal_minor));
    AddLine(e, {AccountType::kAccruedInterest, c, ""}, -a.interest_minor);
  }
  return e;
}

JournalEntry LateFeeEntry(const EntryContext& ctx, Currency c, std::int64_t fee_minor, int number) {
  TRANCHE_ASSERT(fee_minor > 0);
  JournalEntry e = Blank(ctx, Reason::kLateFee, "late_fee:" + ctx.object_id + ":" + std::to_string(number));
  AddLine(e, {AccountType::kConsumerReceivable, c, ctx.consumer_id}, fee_minor);
  AddLine(e, {AccountType::kFeeRevenue, c, ""}, -fee_minor);
  return e;
}

JournalEntry AccrualEntry(const EntryContext& ctx, Currency c, Date business_date, std::int64_t interest_minor) {
  TRANCHE_ASSERT(interest_minor > 0);
  JournalEntry e = Blank(ctx, Reason::kInterestAccrual,
                         "accrual:" + FormatDate(business_date) + ":" + std::string(CurrencyCode(c)) + ":" +
                             ctx.object_id);
  AddLine(e, {AccountType::kAccruedInterest, c, ""}, interest_minor);
  AddLine(e, {AccountType::kInterestRevenue, c, ""}, -interest_minor);
  return e;
}

JournalEntry ClosureEntry(const EntryContext& ctx, Currency c, const Closure& closure) {
  TRANCHE_ASSERT(closure.needs_entry());
  JournalEntry e = Blank(ctx, Reason::kInterestAccrual, "closure:" + ctx.object_id);
  AddLine(e, {AccountType::kFeeRevenue, c, ""}, closure.fees_waived_minor);
  AddLine(e, {AccountType::kConsumerReceivable, c, ctx.consumer_id}, -closure.fees_waived_minor);
  AddLine(e, {AccountType::kInterestRevenue, c, ""}, closure.interest_written_back_minor);
  AddLine(e, {AccountType::kAccruedInterest, c, ""}, -closure.interest_written_back_minor);
  return e;
}

JournalEntry ChargeOffEntry(const EntryContext& ctx, Currency c, const DayResult& r) {
  TRANCHE_ASSERT(r.charged_off);
  JournalEntry e = Blank(ctx, Reason::kChargeOff, "charge_off:" + ctx.object_id);
  const std::int64_t written_off = r.charged_off_principal_minor + r.charged_off_fees_minor;
  AddLine(e, {AccountType::kCreditLossExpense, c, ""}, written_off);
  AddLine(e, {AccountType::kConsumerReceivable, c, ctx.consumer_id}, -written_off);
  AddLine(e, {AccountType::kInterestRevenue, c, ""}, r.interest_written_back_minor);
  AddLine(e, {AccountType::kAccruedInterest, c, ""}, -r.interest_written_back_minor);
  return e;
}

JournalEntry ConsumerRefundEntry(const EntryContext& ctx, Currency c, std::int64_t amount_minor) {
  TRANCHE_ASSERT(amount_minor > 0);
  JournalEntry e = Blank(ctx, Reason::kRefund, "consumer_refund:" + ctx.object_id);
  AddLine(e, {AccountType::kConsumerRefundsPayable, c, ctx.consumer_id}, amount_minor);
  AddLine(e, {AccountType::kCollectionsCash, c, ""}, -amount_minor);
  return e;
}

JournalEntry PayoutEntry(const EntryContext& ctx, Currency c, const std::string& merchant_id,
                         std::int64_t amount_minor) {
  TRANCHE_ASSERT(amount_minor > 0);
  JournalEntry e = Blank(ctx, Reason::kPayout, "payout:" + ctx.object_id);
  AddLine(e, {AccountType::kMerchantPayable, c, merchant_id}, amount_minor);
  AddLine(e, {AccountType::kSettlementCash, c, ""}, -amount_minor);
  return e;
}

}  // namespace tranche::servicing
