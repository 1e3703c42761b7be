#include "recon/matcher.h"

#include <algorithm>
#include <cstdlib>

#include "core/assert.h"

namespace tranche::recon {

void AddDifference(CashAdjustment& a, LineKind kind, std::int64_t diff_minor) {
  switch (kind) {
    case LineKind::kCollection: a.collections_cash_minor += diff_minor; break;  // more came in
    case LineKind::kRefund: a.collections_cash_minor -= diff_minor; break;      // more went out
    case LineKind::kPayout: a.settlement_cash_minor -= diff_minor; break;
    case LineKind::kChargeback:
      // Chargebacks are posted whole (ChargebackEntry) or queued, never as differences.
      TRANCHE_ASSERT_MSG(false, "a chargeback is not a difference");
      break;
  }
}

std::string ChargebackKey(std::string_view collection_id) { return "chargeback:" + std::string(collection_id); }

namespace {

// Where MatchState::matched remembers chargeback lines: accepted ones under
// AcceptedPrefix(collection) + processor reference, queued ones under their own prefix.
// References hold no ':' (settlement_file.h), so the parts cannot run together.
std::string AcceptedPrefix(std::string_view collection_id) { return ChargebackKey(collection_id) + ":"; }
constexpr std::string_view kQueuedPrefix = "chargeback_queued:";
std::string QueuedKey(const FileLine& line) {
  return std::string(kQueuedPrefix) + line.reference + ":" + line.processor_ref;
}

// How long a matched key is remembered: a chargeback line's (accepted or queued) for
// kChargebackMemoryDays, any other reference's for kDuplicateWindowDays.
int MemoryDays(const std::string& key) {
  const bool chargeback = key.starts_with(kQueuedPrefix) || key.starts_with(ChargebackKey(""));
  return chargeback ? kChargebackMemoryDays : kDuplicateWindowDays;
}

bool HasKeyWithPrefix(const std::map<std::string, Date>& m, const std::string& prefix) {
  const auto it = m.lower_bound(prefix);
  return it != m.end() && it->first.starts_with(prefix);
}

// The chargeback rules (matcher.h) for one line.
void MatchChargeback(Date d, const FileLine& line, const ChargeableCollections& chargeable, DayResult& r,
                     MatchState& state) {
  const std::string accepted_prefix = AcceptedPrefix(line.reference);
  const std::string accepted_key = accepted_prefix + line.processor_ref;
  const std::string queued_key = QueuedKey(line);
  if (state.matched.contains(accepted_key) || state.matched.contains(queued_key)) {
    ++r.duplicates;
    return;
  }
  const auto it = chargeable.find(line.reference);
  if (it == chargeable.end() || it->second.collected.currency() != line.amount.currency()) {
    r.exceptions.push_back({ExceptionKind::kUnknownReference, line.reference, line.kind, d, line.amount.currency(), 0,
                            line.amount.minor()});
    return;
  }
  const bool charged_back = it->second.charged_back || HasKeyWithPrefix(state.matched, accepted_prefix);
  // The order's other collections may have been charged back in this very file.
  std::int64_t order_left_minor = it->second.order_left_minor;
  for (const FileLine& accepted : r.chargebacks) {
    if (chargeable.at(accepted.reference).order_id == it->second.order_id) order_left_minor -= accepted.amount.minor();
  }
  const std::int64_t left_minor =
      charged_back ? 0 : std::clamp<std::int64_t>(order_left_minor, 0, it->second.collected.minor());
  if (line.amount.minor() > left_minor) {
    state.matched.emplace(queued_key, d);
    r.exceptions.push_back({ExceptionKind::kAmountMismatch, line.reference, line.kind, d, line.amount.currency(),
                            left_minor, line.amount.minor()});
    return;
  }
  state.matched.emplace(accepted_key, d);
  r.adjustments[line.amount.currency()].fees_minor += line.fee_minor;
  r.chargebacks.push_back(line);
}

}  // namespace

std::string_view ExceptionKindName(ExceptionKind k) {
  switch (k) {
    case ExceptionKind::kAmountMismatch: return "amount_mismatch";
    case ExceptionKind::kUnknownReference: return "unknown_reference";
    case ExceptionKind::kMissing: return "missing";
  }
  return "missing";
}

DayResult Reconcile(Date d, const std::vector<Expected>& expected, const std::vector<FileLine>& file,
                    const ChargeableCollections& chargeable, const MatchRules& rules, MatchState& state) {
  DayResult r;
  r.date = d;
  for (const Expected& e : expected) {
    TRANCHE_ASSERT_MSG(e.kind != LineKind::kChargeback, "the ledger awaits no chargeback");
    state.awaiting.emplace(e.reference, e);
  }
  for (const FileLine& line : file) {
    ++r.lines;
    if (line.kind == LineKind::kChargeback) {
      MatchChargeback(d, line, chargeable, r, state);
      continue;
    }
    if (state.matched.contains(line.reference)) {
      ++r.duplicates;
      continue;
    }
    const auto it = state.awaiting.find(line.reference);
    if (it == state.awaiting.end() || it->second.kind != line.kind ||
        it->second.amount.currency() != line.amount.currency()) {
      r.exceptions.push_back({ExceptionKind::kUnknownReference, line.reference, line.kind, d,
                              line.amount.currency(), 0, line.amount.minor()});
      continue;
    }
    const Expected e = it->second;
    state.awaiting.erase(it);
    state.matched.emplace(line.reference, d);
    const std::int64_t diff = line.amount.minor() - e.amount.minor();
    if (std::llabs(diff) > rules.tolerance_minor) {
      r.exceptions.push_back({ExceptionKind::kAmountMismatch, line.reference, line.kind, d,
                              line.amount.currency(), e.amount.minor(), line.amount.minor()});
      continue;
    }
    CashAdjustment& adj = r.adjustments[line.amount.currency()];
    adj.fees_minor += line.fee_minor;
    if (diff != 0) {
      ++r.written_off;
      AddDifference(adj, line.kind, diff);
    } else if (e.date < d) {
      ++r.matched_late;
    } else {
      ++r.matched;
    }
  }
  // Every line is resolved by a rule or queued; missing lines are queued after this.
  TRANCHE_ASSERT(r.auto_resolved() + static_cast<std::int64_t>(r.exceptions.size()) == r.lines);
  for (auto it = state.awaiting.begin(); it != state.awaiting.end();) {
    if (DaysBetween(it->second.date, d) >= kLateGraceDays) {
      const Expected& e = it->second;
      r.exceptions.push_back({ExceptionKind::kMissing, e.reference, e.kind, d, e.amount.currency(), e.amount.minor(), 0});
      it = state.awaiting.erase(it);
    } else {
      ++it;
    }
  }
  for (auto it = state.matched.begin(); it != state.matched.end();) {
    it = DaysBetween(it->second, d) >= MemoryDays(it->first) ? state.matched.erase(it) : std::next(it);
  }
  return r;
}

}  // namespace tranche::recon
