#include "checkout/postings.h"

#include <algorithm>

namespace tranche::checkout {

namespace {

using ledger::AccountRef;
using ledger::AccountType;
using ledger::AddLine;

ledger::JournalEntry Blank(const PostingContext& ctx, ledger::Reason reason, std::string key) {
  return ledger::JournalEntry{ctx.entry_id, std::move(key), reason, ctx.object_id, "", "",
                              ctx.now, {}};
}

}  // namespace

Money MerchantDiscount(Money capture, const merchants::Pricing& pricing) {
  TRANCHE_ASSERT(capture.minor() > 0 && capture.minor() <= kMaxInputAmountMinor);
  TRANCHE_ASSERT(pricing.mdr_bps >= 0 && pricing.mdr_bps <= merchants::kMaxMdrBps);
  const std::int64_t rate_part = (capture.minor() * pricing.mdr_bps * 2 + 10'000) / 20'000;
  const std::int64_t fee = rate_part + pricing.fixed_fee_minor;
  return Money(std::min(fee, capture.minor()), capture.currency());
}

ledger::JournalEntry CaptureEntry(const PostingContext& ctx, Money capture,
                                  const merchants::Pricing& pricing) {
  const Currency c = capture.currency();
  const Money fee = MerchantDiscount(capture, pricing);
  ledger::JournalEntry e = Blank(ctx, ledger::Reason::kCapture, "capture:" + ctx.object_id);
  AddLine(e, {AccountType::kConsumerReceivable, c, ctx.consumer_id}, capture.minor());
  AddLine(e, {AccountType::kMerchantPayable, c, ctx.merchant_id}, -(capture.minor() - fee.minor()));
  AddLine(e, {AccountType::kMdrRevenue, c, ""}, -fee.minor());
  return e;
}

ledger::JournalEntry RefundEntry(const PostingContext& ctx, Money refund,
                                 const lending::RefundAllocation& allocation, std::int64_t written_off_minor) {
  const Currency c = refund.currency();
  std::int64_t off_plan = 0;
  for (Money m : allocation.reductions) off_plan += m.minor();
  TRANCHE_ASSERT(off_plan + allocation.to_consumer.minor() == refund.minor());
  TRANCHE_ASSERT(written_off_minor >= 0 && written_off_minor <= off_plan);
  ledger::JournalEntry e = Blank(ctx, ledger::Reason::kRefund, "refund:" + ctx.object_id);
  AddLine(e, {AccountType::kMerchantPayable, c, ctx.merchant_id}, refund.minor());
  AddLine(e, {AccountType::kConsumerReceivable, c, ctx.consumer_id}, -(off_plan - written_off_minor));
  AddLine(e, {AccountType::kCreditLossExpense, c, ""}, -written_off_minor);
  AddLine(e, {AccountType::kConsumerRefundsPayable, c, ctx.consumer_id},
          -allocation.to_consumer.minor());
  return e;
}

}  // namespace tranche::checkout
