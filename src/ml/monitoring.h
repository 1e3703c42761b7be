// Live monitoring of a scoring model (pure): its scores on recent decisions, week by
// week, against its training baseline (PSI over time), and its ROC, AUC and calibration
// on the decisions whose outcome is known by now.
#pragma once

#include <optional>
#include <vector>

#include "core/time.h"
#include "ml/metrics.h"
#include "ml/psi.h"

namespace tranche::ml {

// One decision as the model scored it. `positive`: what it turned out to be (a default,
// a fraud), none while unknown.
struct ScoredRow {
  Instant at;
  double score = 0;  // what the baseline was built on (a probability, or a 0-99 score)
  std::optional<bool> positive;
};

struct LiveMonitoring {
  std::size_t scored = 0;      // rows in [from, until)
  std::vector<PsiPoint> psi;   // by week; empty without a baseline
  Curves outcomes;             // over the rows with a known outcome
};

// `probability_scale` maps a score to a probability for the calibration table (1 for a
// PD, 0.01 for a 0-99 score); 0 leaves the table out. Precondition: from < until.
LiveMonitoring MonitorLive(const std::optional<Bins>& baseline, const std::vector<ScoredRow>& rows, Instant from,
                           Instant until, double probability_scale);

}  // namespace tranche::ml
