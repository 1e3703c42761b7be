#include "ledger/entry.h"

#include <algorithm>
#include <map>

#include "core/enum_names.h"
#include "core/ids.h"

namespace tranche::ledger {

std::string_view ReasonName(Reason r) {
  switch (r) {
    case Reason::kCapture: return "capture";
    case Reason::kRefund: return "refund";
    case Reason::kCollection: return "collection";
    case Reason::kLateFee: return "late_fee";
    case Reason::kInterestAccrual: return "interest_accrual";
    case Reason::kChargeOff: return "charge_off";
    case Reason::kRecovery: return "recovery";
    case Reason::kPayout: return "payout";
    case Reason::kManualAdjustment: return "manual_adjustment";
    case Reason::kReversal: return "reversal";
    case Reason::kReconciliation: return "reconciliation";
    case Reason::kChargeback: return "chargeback";
    case Reason::kMerchantWriteOff: return "merchant_write_off";
  }
  TRANCHE_ASSERT_MSG(false, "unknown reason");
  return "";
}

std::optional<Reason> ParseReason(std::string_view name) {
  return ParseByName<Reason>(kAllReasons, ReasonName, name);
}

void AddLine(JournalEntry& e, AccountRef account, std::int64_t amount_minor) {
  if (amount_minor != 0) e.lines.push_back({std::move(account), amount_minor});
}

Status ValidateEntry(const JournalEntry& e) {
  const auto invalid = [](std::string code, std::string msg, std::string param = {}) {
    return Status::InvalidArgument(std::move(code), std::move(msg), std::move(param));
  };
  if (!IsValidId(e.id, "je")) return invalid("invalid_entry", "entry id must be je_<ulid>");
  if (e.posting_key.empty() || e.posting_key.size() > kMaxPostingKeyChars) {
    return invalid("invalid_entry", "posting key must be 1-200 characters");
  }
  if (e.object_id.empty() || e.object_id.size() > kMaxObjectIdChars) {
    return invalid("invalid_entry", "an entry must link to the object that caused it", "object_id");
  }
  if (e.memo.size() > kMaxMemoChars) {
    return invalid("string_too_long", "memo is longer than 500 characters", "memo");
  }
  if ((e.reason == Reason::kReversal) != !e.reverses.empty()) {
    return invalid("invalid_entry", "exactly the reversal entries name the entry they reverse");
  }
  if (e.lines.size() < 2) {
    return invalid("entry_too_few_lines", "an entry needs at least two lines", "lines");
  }
  if (e.lines.size() > kMaxLinesPerEntry) {
    return invalid("list_too_long", "an entry has at most 64 lines", "lines");
  }
  std::map<Currency, std::int64_t> sum_by_currency;
  std::vector<std::string> ids;
  ids.reserve(e.lines.size());
  for (const Line& l : e.lines) {
    TRANCHE_RETURN_IF_ERROR(ValidateAccountRef(l.account));
    if (l.amount_minor == 0) return invalid("invalid_amount", "a line cannot be zero", "lines");
    if (l.amount_minor > kMaxLineAmountMinor || l.amount_minor < -kMaxLineAmountMinor) {
      return invalid("amount_too_large", "a line moves at most 10^15 minor units", "lines");
    }
    sum_by_currency[l.account.currency] += l.amount_minor;  // bounded: 64 * 10^15 < 2^63
    ids.push_back(AccountId(l.account));
  }
  std::sort(ids.begin(), ids.end());
  if (std::adjacent_find(ids.begin(), ids.end()) != ids.end()) {
    return invalid("duplicate_account", "an account appears on more than one line", "lines");
  }
  for (const auto& [currency, sum] : sum_by_currency) {
    if (sum != 0) {
      return Status::InvalidArgument(
          "entry_unbalanced",
          "debits and credits differ by " + std::to_string(sum) + " minor units of " +
              std::string(CurrencyCode(currency)),
          "lines");
    }
  }
  return Status::Ok();
}

bool SameContent(const JournalEntry& a, const JournalEntry& b) {
  return a.posting_key == b.posting_key && a.reason == b.reason && a.object_id == b.object_id &&
         a.reverses == b.reverses && a.memo == b.memo && a.lines == b.lines;
}

JournalEntry MakeReversal(const JournalEntry& original, std::string id, std::string posting_key,
                          std::string memo, Instant now) {
  JournalEntry r{std::move(id), std::move(posting_key), Reason::kReversal, original.object_id,
                 original.id, std::move(memo), now, {}};
  r.lines.reserve(original.lines.size());
  for (const Line& l : original.lines) {
    TRANCHE_ASSERT(l.amount_minor != INT64_MIN);  // ValidateEntry bounds every line
    r.lines.push_back(Line{l.account, -l.amount_minor});
  }
  return r;
}

}  // namespace tranche::ledger
