// Storage port for reconciliation: the state carried from one day's file to the next,
// one record per reconciled date, and the exceptions queue.
#pragma once

#include <map>
#include <optional>
#include <vector>

#include "recon/exception_queue.h"
#include "recon/carried_state.h"

namespace tranche::recon {

// What one date's reconciliation found (the matcher's counts, DayResult).
struct RunRecord {
  Date date;
  std::int64_t lines = 0;
  std::int64_t matched = 0;
  std::int64_t matched_late = 0;
  std::int64_t duplicates = 0;
  std::int64_t written_off = 0;
  std::int64_t exceptions = 0;
  Instant created_at;
  std::int64_t chargebacks = 0;  // accepted
  // Lines a rule resolved, as DayResult::auto_resolved counts them.
  std::int64_t auto_resolved() const { return matched + matched_late + duplicates + written_off + chargebacks; }
};

class ReconRepo {
 public:
  virtual ~ReconRepo() = default;
  // Nothing before the first file is reconciled.
  virtual Result<std::optional<CarriedState>> LoadState() = 0;
  virtual Status SaveState(const CarriedState& s) = 0;
  // A date is reconciled once: a second run of it is a Conflict.
  virtual Status InsertRun(const RunRecord& r) = 0;
  // Newest first, dates before `before` (all when none), at most `limit`.
  virtual Result<std::vector<RunRecord>> ListRuns(std::optional<Date> before, std::size_t limit) = 0;

  virtual Status InsertException(const ExceptionRecord& r) = 0;
  virtual Status UpdateException(const ExceptionRecord& r) = 0;
  virtual Result<std::optional<ExceptionRecord>> FindException(std::string_view id) = 0;
  // In id (creation) order after `after_id`, at most `limit`.
  virtual Result<std::vector<ExceptionRecord>> ListExceptions(const ExceptionFilter& filter, std::string_view after_id,
                                                              std::size_t limit) = 0;
  struct OpenTotals {
    std::int64_t count = 0;
    std::map<Currency, std::int64_t> unreconciled_minor;  // open_minor() summed per currency
  };
  virtual Result<OpenTotals> TotalsOfOpen() = 0;
};

}  // namespace tranche::recon
