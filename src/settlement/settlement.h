// Merchant settlement (pure). Once a day, per merchant and currency, the movements of
// the merchant's payable account since the last settlement are summed into captures,
// merchant discount fees, refunds and adjustments. A positive net (with what was
// carried in) is paid out; a negative one is carried forward to the next settlement.
//
// A settlement is built from the ledger's own lines, so its totals are the ledger's
// merchant payable movements for the period by construction; tests check it again.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/money.h"
#include "core/time.h"
#include "ledger/entry.h"
#include "payments/money_movement.h"

namespace tranche::settlement {

enum class LineKind : std::uint8_t { kCapture, kRefund, kAdjustment };
std::string_view LineKindName(LineKind k);

struct Line {
  LineKind kind;
  std::string entry_id;
  std::string object_id;    // cap_..., rfd_..., or the adjusting object
  std::int64_t gross_minor;  // capture amount, refund amount (negative), adjustment
  std::int64_t fee_minor;    // merchant discount on a capture
  std::int64_t net_minor;    // what the line adds to the merchant's payable (owed to them)
  Instant posted_at;
};

// One payable movement as the ledger has it. `mdr_minor` is the MDR revenue line of the
// same entry (captures only).
struct Movement {
  std::int64_t seq;
  std::string entry_id;
  ledger::Reason reason;
  std::string object_id;
  std::int64_t payable_minor;  // the payable line: credit (owed to the merchant) < 0
  std::int64_t mdr_minor;      // the MDR revenue line's credit, as a positive number
  Instant posted_at;
};

enum class PayoutStatus : std::uint8_t { kPending, kPaid, kFailed, kUnknown };
std::string_view PayoutStatusName(PayoutStatus s);
// Payouts follow the money movement state machine; paid is its succeeded.
payments::MovementState MovementStateOf(PayoutStatus s);
PayoutStatus PayoutStatusOf(payments::MovementState s);

struct Payout {
  std::string id;  // po_...
  std::string settlement_id;
  std::string merchant_id;
  Money amount;
  PayoutStatus status = PayoutStatus::kPending;
  std::string rail_ref;
  std::string failure_code;
  Instant created_at;
  std::optional<Instant> resolved_at = {};
};

struct Settlement {
  std::string id;  // stl_...
  std::string merchant_id;
  Currency currency;
  Date business_date;
  std::int64_t captures_minor = 0;
  std::int64_t fees_minor = 0;
  std::int64_t refunds_minor = 0;
  std::int64_t adjustments_minor = 0;
  std::int64_t carried_in_minor = 0;  // what the previous settlement left unpaid (may be < 0)
  std::int64_t net_minor = 0;         // carried_in + captures − fees − refunds + adjustments
  std::int64_t last_seq = 0;          // the last ledger entry included
  std::string payout_id;              // when net > 0
  Instant created_at;
  std::vector<Line> lines;
  // What is carried to the next settlement: the net when nothing is paid out.
  std::int64_t carry_out_minor(bool paid_out) const { return paid_out ? 0 : net_minor; }
};

// The settlement of `movements`, the account's movements after ledger entry
// `after_seq` (payouts among them are skipped: they settle, they are not settled). Its
// last_seq is the last movement's, or after_seq when there is none. Preconditions:
// movements in seq order after after_seq, all of one merchant and currency.
Settlement BuildSettlement(std::string id, std::string merchant_id, Currency c, Date business_date,
                           std::int64_t carried_in_minor, std::int64_t after_seq,
                           const std::vector<Movement>& movements, Instant now);

// CSV of a settlement's lines, with a header row: RFC 4180, every field quoted, CRLF
// record ends, text that would run as a spreadsheet formula neutralised.
std::string SettlementCsv(const Settlement& s);

}  // namespace tranche::settlement
