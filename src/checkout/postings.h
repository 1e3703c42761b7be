// The journal entries origination posts (pure): a capture and a refund, built from the
// amounts involved. The caller supplies ids and the time; posting them is the ledger's
// job (ledger::Post), inside the same unit of work as the change they record.
#pragma once

#include "ledger/entry.h"
#include "lending/refund.h"
#include "merchants/merchant.h"

namespace tranche::checkout {

// The merchant discount on one capture: amount × mdr_bps / 10,000 rounded half up,
// plus the fixed fee; never more than the capture itself.
Money MerchantDiscount(Money capture, const merchants::Pricing& pricing);

struct PostingContext {
  std::string entry_id;     // je_...
  std::string object_id;    // the capture or refund (cap_..., rfd_...)
  std::string consumer_id;  // con_...
  std::string merchant_id;  // mer_...
  Instant now;
};

// Consumer receivable debited with the capture; merchant payable credited with the
// capture less the discount; MDR revenue credited with the discount.
ledger::JournalEntry CaptureEntry(const PostingContext& ctx, Money capture,
                                  const merchants::Pricing& pricing);

// Merchant payable debited with the refund; the consumer receivable credited with what
// the refund takes off the plan; consumer refunds payable credited with the excess.
// `written_off_minor` of what comes off plans comes off charged-off plans, whose
// receivable was written off: it reduces credit losses instead.
ledger::JournalEntry RefundEntry(const PostingContext& ctx, Money refund,
                                 const lending::RefundAllocation& allocation, std::int64_t written_off_minor);

}  // namespace tranche::checkout
