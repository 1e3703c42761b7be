// Reconciliation in SQLite.
#include "store/sql/recon_repo.h"

#include "store/sql/rows.h"

namespace tranche::store::sql {

using recon::ExceptionRecord;
using recon::RunRecord;

namespace {

Result<ExceptionRecord> ReadException(const Statement& s) {
  const auto date = ParseDate(s.Text(1));
  const auto kind = recon::ParseExceptionKind(s.Text(2));
  const auto line_kind = recon::ParseLineKind(s.Text(4));
  const auto currency = ParseCurrency(s.Text(5));
  const std::optional<std::string> resolution_name = OptionalText(s, 10);
  std::optional<recon::Resolution> resolution;
  if (resolution_name) resolution = recon::ParseResolution(*resolution_name);
  if (!date || !kind || !line_kind || !currency || (resolution_name && !resolution)) {
    return Status::Internal("stored reconciliation exception is malformed");
  }
  ExceptionRecord r;
  r.id = s.Text(0);
  r.exception = recon::ReconException{*kind, s.Text(3), *line_kind, *date, *currency, s.Int(6), s.Int(7)};
  r.claimed_by = OptionalText(s, 8);
  r.claimed_at = OptionalInstant(s, 9);
  r.resolution = resolution;
  r.resolved_by = OptionalText(s, 11);
  r.resolved_at = OptionalInstant(s, 12);
  r.note = s.Text(13);
  r.journal_entry_id = s.Text(14);
  r.created_at = InstantFromUnixMicros(s.Int(15));
  return r;
}

Result<RunRecord> ReadRun(const Statement& s) {
  const auto date = ParseDate(s.Text(0));
  if (!date) return Status::Internal("stored reconciliation run is malformed");
  return RunRecord{*date,    s.Int(1), s.Int(2), s.Int(3), s.Int(4), s.Int(5), s.Int(6), InstantFromUnixMicros(s.Int(7)),
                   s.Int(8)};
}

void BindResolution(Statement& s, int index, const ExceptionRecord& r) {
  if (r.resolution) {
    s.Bind(index, recon::ResolutionName(*r.resolution));
  } else {
    s.BindNull(index);
  }
}

}  // namespace

Result<std::optional<recon::CarriedState>> SqlReconRepo::LoadState() {
  auto s = c_.Prepare("SELECT state FROM recon_state WHERE id = 1");
  TRANCHE_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return std::optional<recon::CarriedState>();
  auto parsed = recon::ParseState(s.Text(0));
  if (!parsed.ok()) return Status::Internal("stored reconciliation state is malformed: " + parsed.status().message());
  return std::optional<recon::CarriedState>(std::move(*parsed));
}

Status SqlReconRepo::SaveState(const recon::CarriedState& state) {
  auto s = c_.Prepare("INSERT INTO recon_state(id, state) VALUES (1, ?) ON CONFLICT(id) DO UPDATE SET state = excluded.state");
  s.Bind(1, recon::StateJson(state));
  return s.Run();
}

Status SqlReconRepo::InsertRun(const RunRecord& r) {
  auto s = c_.Prepare(
      "INSERT INTO recon_runs(date, lines, matched, matched_late, duplicates, written_off, exceptions, created_at_us,"
      " chargebacks) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  s.Bind(1, FormatDate(r.date)).Bind(2, r.lines).Bind(3, r.matched).Bind(4, r.matched_late).Bind(5, r.duplicates)
      .Bind(6, r.written_off).Bind(7, r.exceptions).Bind(8, UnixMicros(r.created_at)).Bind(9, r.chargebacks);
  return s.Run();
}

Result<std::vector<RunRecord>> SqlReconRepo::ListRuns(std::optional<Date> before, std::size_t limit) {
  auto s = c_.Prepare(
      "SELECT date, lines, matched, matched_late, duplicates, written_off, exceptions, created_at_us, chargebacks"
      " FROM recon_runs"
      " WHERE (CAST(?1 AS TEXT) IS NULL OR date < ?1) ORDER BY date DESC LIMIT ?2");
  BindOptional(s, 1, before);
  s.Bind(2, static_cast<std::int64_t>(limit));
  return CollectAll<RunRecord>(s, ReadRun);
}

Status SqlReconRepo::InsertException(const ExceptionRecord& r) {
  auto s = c_.Prepare(
      "INSERT INTO recon_exceptions(id, date, kind, reference, line_kind, currency, expected_minor, actual_minor,"
      " claimed_by, claimed_at_us, resolution, resolved_by, resolved_at_us, note, journal_entry_id, created_at_us)"
      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  const recon::ReconException& e = r.exception;
  s.Bind(1, r.id).Bind(2, FormatDate(e.date)).Bind(3, recon::ExceptionKindName(e.kind)).Bind(4, e.reference)
      .Bind(5, recon::LineKindName(e.line_kind)).Bind(6, CurrencyCode(e.currency)).Bind(7, e.expected_minor)
      .Bind(8, e.actual_minor);
  BindOptional(s, 9, r.claimed_by);
  BindOptional(s, 10, r.claimed_at);
  BindResolution(s, 11, r);
  BindOptional(s, 12, r.resolved_by);
  BindOptional(s, 13, r.resolved_at);
  s.Bind(14, r.note).Bind(15, r.journal_entry_id).Bind(16, UnixMicros(r.created_at));
  return s.Run();
}

Status SqlReconRepo::UpdateException(const ExceptionRecord& r) {
  auto s = c_.Prepare(
      "UPDATE recon_exceptions SET claimed_by = ?, claimed_at_us = ?, resolution = ?, resolved_by = ?,"
      " resolved_at_us = ?, note = ?, journal_entry_id = ? WHERE id = ?");
  BindOptional(s, 1, r.claimed_by);
  BindOptional(s, 2, r.claimed_at);
  BindResolution(s, 3, r);
  BindOptional(s, 4, r.resolved_by);
  BindOptional(s, 5, r.resolved_at);
  s.Bind(6, r.note).Bind(7, r.journal_entry_id).Bind(8, r.id);
  TRANCHE_RETURN_IF_ERROR(s.Run());
  TRANCHE_ASSERT(c_.Changes() == 1);
  return Status::Ok();
}

Result<std::optional<ExceptionRecord>> SqlReconRepo::FindException(std::string_view id) {
  auto s = c_.Prepare(
      "SELECT id, date, kind, reference, line_kind, currency, expected_minor, actual_minor, claimed_by, claimed_at_us,"
      " resolution, resolved_by, resolved_at_us, note, journal_entry_id, created_at_us FROM recon_exceptions"
      " WHERE id = ?");
  s.Bind(1, id);
  return FindOne<ExceptionRecord>(s, ReadException);
}

Result<std::vector<ExceptionRecord>> SqlReconRepo::ListExceptions(const recon::ExceptionFilter& filter,
                                                                     std::string_view after_id, std::size_t limit) {
  auto s = c_.Prepare(
      "SELECT id, date, kind, reference, line_kind, currency, expected_minor, actual_minor, claimed_by, claimed_at_us,"
      " resolution, resolved_by, resolved_at_us, note, journal_entry_id, created_at_us FROM recon_exceptions"
      " WHERE (CAST(?1 AS BIGINT) IS NULL OR (CASE WHEN resolution IS NULL THEN 0 ELSE 1 END) = ?1)"
      " AND id > ?2 ORDER BY id LIMIT ?3");
  if (filter.resolved) {
    s.Bind(1, std::int64_t{*filter.resolved ? 1 : 0});
  } else {
    s.BindNull(1);
  }
  s.Bind(2, after_id).Bind(3, static_cast<std::int64_t>(limit));
  return CollectAll<ExceptionRecord>(s, ReadException);
}

// The money as ReconException::open_minor counts it.
Result<recon::ReconRepo::OpenTotals> SqlReconRepo::TotalsOfOpen() {
  auto s = c_.Prepare(
      "SELECT currency, COUNT(*), SUM(CASE WHEN line_kind = 'chargeback' THEN actual_minor"
      " ELSE ABS(expected_minor - actual_minor) END) FROM recon_exceptions"
      " WHERE resolution IS NULL GROUP BY currency");
  OpenTotals out;
  while (true) {
    TRANCHE_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) return out;
    const auto currency = ParseCurrency(s.Text(0));
    if (!currency) return Status::Internal("stored reconciliation exception has a malformed currency");
    out.count += s.Int(1);
    out.unreconciled_minor[*currency] = s.Int(2);
  }
}

}  // namespace tranche::store::sql
