// Merchant settlement (pure). Once a day, per merchant and currency, the movements of
// the merchant's payable account since the last settlement are summed into captures,
// merchant discount fees, refunds and adjustments. A positive net (with what was
// carried in) is paid out; a negative one is carried forward to the next settlement,
// as is a positive one while the merchant is not trading (under review or rejected):
// its payout is held until an operator approves it.
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

namespace tranche::settlement {

enum class LineKind : std::uint8_t { kCapture, kRefund, kAdjustment };
std::string_view LineKindName(LineKind k);

struct Line {
  LineKind kind;
  std::string entry_id;
  std::string object_id;  // cap_..., rfd_..., or the adjusting object
  Money gross;            // capture amount, refund amount (negative), adjustment
  Money fee;              // merchant discount on a capture
  Money net;              // what the line adds to the merchant's payable (owed to them)
  Instant posted_at;
};

// One payable movement as the ledger has it. `mdr` is the MDR revenue line of the same
// entry (captures only).
struct Movement {
  std::int64_t seq;
  std::string entry_id;
  ledger::Reason reason;
  std::string object_id;
  Money payable;  // the payable line: credit (owed to the merchant) < 0
  Money mdr;      // the MDR revenue line's credit, as a positive number
  Instant posted_at;
};

// A merchant's payable account in one currency: what is settled.
struct PayableAccount {
  std::string merchant_id;
  Currency currency;
};

// Every amount of a settlement, its lines included, is in its one currency.
struct Settlement {
  std::string id;  // stl_...
  std::string merchant_id;
  Date business_date;
  Money captures;
  Money fees;
  Money refunds;
  Money adjustments;
  Money carried_in;            // what the previous settlement left unpaid (may be < 0)
  Money net;                   // carried_in + captures − fees − refunds + adjustments
  std::int64_t last_seq = 0;   // the last ledger entry included
  std::string payout_id;       // when net > 0
  Instant created_at;
  std::vector<Line> lines;

  Currency currency() const { return net.currency(); }
  // A positive net with no payout: the merchant was not trading at the close (under
  // review or rejected), so the net waits in its payable account and is carried in.
  bool payout_held() const { return net.minor() > 0 && payout_id.empty(); }
  // What is carried to the next settlement: the net when nothing is paid out.
  Money carry_out(bool paid_out) const { return paid_out ? Money::Zero(currency()) : net; }
};

// The settlement of `movements`, the account's movements after ledger entry
// `after_seq` (payouts among them are skipped: they settle, they are not settled), in
// the currency of `carried_in`. Its last_seq is the last movement's, or after_seq when
// there is none. Preconditions (asserted): movements in seq order after after_seq, all
// of one merchant and in carried_in's currency.
Settlement BuildSettlement(std::string id, std::string merchant_id, Date business_date, Money carried_in,
                           std::int64_t after_seq, const std::vector<Movement>& movements, Instant now);

// CSV of a settlement's lines, with a header row: RFC 4180, every field quoted, CRLF
// record ends, text that would run as a spreadsheet formula neutralised.
std::string SettlementCsv(const Settlement& s);

}  // namespace tranche::settlement
