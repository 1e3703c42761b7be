// The reconciliation exceptions queue (pure): what the matcher could not explain waits
// for a person, who claims it and resolves it with a reason. The state machine, the same
// as the fraud review queue's:
//
//   open ──claim(op)──► open, claimed by op      (claiming again by op changes nothing)
//   open ──resolve(op, resolution, note)──► resolved   (only op may resolve what op claimed)
//
// Resolutions:
//   write_off      the difference is accepted as a processing cost: the cash account is
//                  brought to what the file says, against processing_expense (amount
//                  mismatches and missing lines; an unknown reference is money the
//                  ledger has no record of, and is never written off blindly, nor is
//                  a chargeback the rules could not accept: it is contested);
//   no_adjustment  explained without moving money (found under another reference, the
//                  processor corrected it in a later file, ...); the note says how.
// A resolved exception is final; its money leaves the unreconciled total.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/status.h"
#include "core/time.h"
#include "ledger/entry.h"
#include "recon/matcher.h"

namespace tranche::recon {

inline constexpr std::size_t kMaxResolutionNoteChars = 500;

enum class Resolution : std::uint8_t { kWriteOff, kNoAdjustment };
std::string_view ResolutionName(Resolution r);
std::optional<Resolution> ParseResolution(std::string_view name);

std::optional<ExceptionKind> ParseExceptionKind(std::string_view name);

struct ExceptionRecord {
  std::string id;  // rex_...
  ReconException exception;
  std::optional<std::string> claimed_by;  // operator id
  std::optional<Instant> claimed_at;
  std::optional<Resolution> resolution;  // set once resolved
  std::optional<std::string> resolved_by;
  std::optional<Instant> resolved_at;
  std::string note;
  std::string journal_entry_id;  // the write-off's entry; empty otherwise
  Instant created_at;

  bool resolved() const { return resolution.has_value(); }
};

// Which exceptions a listing shows: all, or only the open or the resolved ones.
struct ExceptionFilter {
  std::optional<bool> resolved;
};

// The exception claimed by `operator_id` at `now`. Refused once resolved, or while
// another operator holds it (Conflict).
Result<ExceptionRecord> Claim(ExceptionRecord r, std::string_view operator_id, Instant now);

// The exception resolved by `operator_id`. The note is required (1 to
// kMaxResolutionNoteChars characters): a person's reason is the audit trail. An
// unclaimed exception may be resolved directly; one claimed by another operator may not
// (Conflict); write_off is refused for an unknown reference and for a chargeback
// (InvalidArgument).
Result<ExceptionRecord> Resolve(ExceptionRecord r, std::string_view operator_id, Resolution resolution,
                                std::string note, Instant now);

// The entry an accepted chargeback posts under the posting key ChargebackKey(collection):
// the money the issuer took back leaves collections cash as a fraud loss (its fee is
// posted with the day's fees). Precondition: `line` is a chargeback.
ledger::JournalEntry ChargebackEntry(const FileLine& line, std::string entry_id, Instant now);

// The balanced entry a write-off posts: the cash account moves by the difference (file
// minus ledger), processing_expense takes the other side. Precondition: `r` is resolved
// with kWriteOff.
ledger::JournalEntry WriteOffEntry(const ExceptionRecord& r, std::string entry_id);

// The entry reconciliation's rules post for one currency of a day: the processor's fees
// and the differences within tolerance, against processing_expense. `lines` is empty
// when nothing moved or it cancelled out.
ledger::JournalEntry AdjustmentEntry(std::string entry_id, std::string posting_key, std::string object_id,
                                     std::string memo, Instant now, Currency currency, const CashAdjustment& adj);

}  // namespace tranche::recon
