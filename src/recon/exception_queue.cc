#include "recon/exception_queue.h"

#include "ledger/account.h"

namespace tranche::recon {

std::string_view ResolutionName(Resolution r) {
  switch (r) {
    case Resolution::kWriteOff: return "write_off";
    case Resolution::kNoAdjustment: return "no_adjustment";
  }
  TRANCHE_ASSERT_MSG(false, "unknown resolution");
  return "";
}

std::optional<Resolution> ParseResolution(std::string_view name) {
  for (Resolution r : {Resolution::kWriteOff, Resolution::kNoAdjustment}) {
    if (ResolutionName(r) == name) return r;
  }
  return std::nullopt;
}

std::optional<ExceptionKind> ParseExceptionKind(std::string_view name) {
  for (ExceptionKind k : {ExceptionKind::kAmountMismatch, ExceptionKind::kUnknownReference, ExceptionKind::kMissing}) {
    if (ExceptionKindName(k) == name) return k;
  }
  return std::nullopt;
}

namespace {

Status CheckOpenFor(const ExceptionRecord& r, std::string_view operator_id) {
  if (r.resolved()) return Status::Conflict("exception_resolved", "this exception was already resolved");
  if (r.claimed_by && *r.claimed_by != operator_id) {
    return Status::Conflict("exception_claimed", "another operator has claimed this exception");
  }
  return Status::Ok();
}

}  // namespace

Result<ExceptionRecord> Claim(ExceptionRecord r, std::string_view operator_id, Instant now) {
  TRANCHE_RETURN_IF_ERROR(CheckOpenFor(r, operator_id));
  if (!r.claimed_by) {
    r.claimed_by = std::string(operator_id);
    r.claimed_at = now;
  }
  return r;
}

Result<ExceptionRecord> Resolve(ExceptionRecord r, std::string_view operator_id, Resolution resolution,
                                std::string note, Instant now) {
  if (note.empty()) return Status::InvalidArgument("missing_field", "note says why the exception is resolved", "note");
  if (note.size() > kMaxResolutionNoteChars) {
    return Status::InvalidArgument("string_too_long", "note is longer than 500 characters", "note");
  }
  TRANCHE_RETURN_IF_ERROR(CheckOpenFor(r, operator_id));
  if (resolution == Resolution::kWriteOff && r.exception.kind == ExceptionKind::kUnknownReference) {
    return Status::InvalidArgument("invalid_resolution",
                                   "an unknown reference is money the ledger has no record of: find its owner and "
                                   "resolve with no_adjustment",
                                   "resolution");
  }
  if (resolution == Resolution::kWriteOff && r.exception.line_kind == LineKind::kChargeback) {
    return Status::InvalidArgument("invalid_resolution",
                                   "a chargeback that matches no collection is contested with the processor, not "
                                   "written off: resolve with no_adjustment once it is settled",
                                   "resolution");
  }
  if (!r.claimed_by) {
    r.claimed_by = std::string(operator_id);
    r.claimed_at = now;
  }
  r.resolution = resolution;
  r.resolved_by = std::string(operator_id);
  r.resolved_at = now;
  r.note = std::move(note);
  return r;
}

ledger::JournalEntry AdjustmentEntry(std::string entry_id, std::string posting_key, std::string object_id,
                                     std::string memo, Instant now, Currency currency, const CashAdjustment& adj) {
  using ledger::AccountType;
  ledger::JournalEntry e{std::move(entry_id), std::move(posting_key), ledger::Reason::kReconciliation,
                         std::move(object_id), "", std::move(memo), now, {}};
  const std::int64_t collections_minor = adj.collections_cash_minor - adj.fees_minor;
  ledger::AddLine(e, {AccountType::kCollectionsCash, currency, ""}, collections_minor);
  ledger::AddLine(e, {AccountType::kSettlementCash, currency, ""}, adj.settlement_cash_minor);
  ledger::AddLine(e, {AccountType::kProcessingExpense, currency, ""}, -(collections_minor + adj.settlement_cash_minor));
  if (e.lines.size() < 2) e.lines.clear();  // nothing moved, or it cancelled out
  return e;
}

ledger::JournalEntry ChargebackEntry(const FileLine& line, std::string entry_id, Instant now) {
  using ledger::AccountType;
  TRANCHE_ASSERT(line.kind == LineKind::kChargeback && line.amount.minor() > 0);
  const Currency c = line.amount.currency();
  ledger::JournalEntry e{std::move(entry_id), ChargebackKey(line.reference), ledger::Reason::kChargeback,
                         line.reference, "",
                         "chargeback " + line.processor_ref + " of " + FormatDate(line.value_date), now, {}};
  ledger::AddLine(e, {AccountType::kFraudLossExpense, c, ""}, line.amount.minor());
  ledger::AddLine(e, {AccountType::kCollectionsCash, c, ""}, -line.amount.minor());
  return e;
}

ledger::JournalEntry WriteOffEntry(const ExceptionRecord& r, std::string entry_id) {
  TRANCHE_ASSERT(r.resolution == Resolution::kWriteOff && r.resolved_at.has_value());
  TRANCHE_ASSERT(r.exception.kind != ExceptionKind::kUnknownReference);
  TRANCHE_ASSERT(r.exception.line_kind != LineKind::kChargeback);
  CashAdjustment adj;
  AddDifference(adj, r.exception.line_kind, r.exception.actual_minor - r.exception.expected_minor);
  return AdjustmentEntry(std::move(entry_id), "reconciliation_write_off:" + r.id, r.exception.reference,
                         "reconciliation exception " + r.id + " written off", *r.resolved_at,
                         r.exception.currency, adj);
}

}  // namespace tranche::recon
