// Closed business dates in SQLite.
#include "store/sql/cob_run_repo.h"
#include "store/sql/rows.h"

namespace tranche::store::sql {

Result<std::optional<Date>> SqlCobRunRepo::LastClosedDate() {
  auto s = c_.Prepare("SELECT MAX(business_date) FROM cob_runs");
  return AggregateDate(s);
}

Result<std::optional<servicing::CobRun>> SqlCobRunRepo::Find(Date business_date) {
  auto s = c_.Prepare("SELECT business_date, started_at_us, finished_at_us, report FROM cob_runs WHERE business_date = ?");
  s.Bind(1, FormatDate(business_date));
  return FindOne<servicing::CobRun>(s, [&](const Statement& st) -> Result<servicing::CobRun> {
    return servicing::CobRun{business_date, InstantFromUnixMicros(st.Int(1)), InstantFromUnixMicros(st.Int(2)),
                             st.Text(3)};
  });
}

Result<std::vector<servicing::CobRun>> SqlCobRunRepo::List(std::string_view before_date,
                                                                      std::size_t limit) {
  auto s = c_.Prepare(
      "SELECT business_date, started_at_us, finished_at_us, report FROM cob_runs"
      " WHERE (? = '' OR business_date < ?) ORDER BY business_date DESC LIMIT ?");
  s.Bind(1, before_date).Bind(2, before_date).Bind(3, static_cast<std::int64_t>(limit));
  return CollectAll<servicing::CobRun>(s, [](const Statement& st) -> Result<servicing::CobRun> {
    const auto d = ParseDate(st.Text(0));
    if (!d) return Status::Internal("stored business date is malformed");
    return servicing::CobRun{*d, InstantFromUnixMicros(st.Int(1)), InstantFromUnixMicros(st.Int(2)), st.Text(3)};
  });
}

Status SqlCobRunRepo::Insert(const servicing::CobRun& r) {
  auto s = c_.Prepare("INSERT INTO cob_runs(business_date, started_at_us, finished_at_us, report) VALUES (?, ?, ?, ?)");
  s.Bind(1, FormatDate(r.business_date)).Bind(2, UnixMicros(r.started_at)).Bind(3, UnixMicros(r.finished_at))
      .Bind(4, r.report_json);
  return s.Run();
}

}  // namespace tranche::store::sql
