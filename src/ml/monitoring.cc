#include "ml/monitoring.h"

#include "core/assert.h"

namespace tranche::ml {

LiveMonitoring MonitorLive(const std::optional<Bins>& baseline, const std::vector<ScoredRow>& rows, Instant from,
                           Instant until, double probability_scale) {
  TRANCHE_ASSERT(from < until && probability_scale >= 0);
  LiveMonitoring out;
  std::vector<TimedScore> timed;
  std::vector<double> known;
  std::vector<float> labels;
  for (const ScoredRow& r : rows) {
    if (r.at < from || r.at >= until) continue;
    ++out.scored;
    timed.push_back({r.at, r.score});
    if (r.positive) {
      known.push_back(r.score * (probability_scale > 0 ? probability_scale : 1));
      labels.push_back(*r.positive ? 1 : 0);
    }
  }
  if (baseline) out.psi = WeeklyPsi(*baseline, timed, from, until);
  out.outcomes = MeasureCurves(known, labels, probability_scale > 0);
  return out;
}

}  // namespace tranche::ml
