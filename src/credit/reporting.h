// Reports over stored decisions (pure aggregation; the CLI reads the records):
//   ReportByVersion  approval and default rates per decider version, side by side, for
//                    champion/challenger comparisons (`tranche report decisions`);
//   Monitor          a model's drift on recent applicants — PSI of its score and of its
//                    most important features against the training baseline — plus the
//                    approval rate and default rate by monthly vintage
//                    (`tranche monitor credit`);
//   ScoredRowsOf     one model's PDs on the decisions, with their outcomes where known,
//                    for live monitoring (ml/monitoring.h; the console's Models page);
//   CompareOnMatured champion and challenger on the matured decisions both scored.
// Shadow decisions get rows of their own (no outcomes: they were not applied).
// "Default" is measured as an instalment still unpaid on the cutoff date that the
// caller chose (e.g. 60 days ago), among decisions whose purchases had one due by then.
#pragma once

#include <string>
#include <vector>

#include "credit/model.h"
#include "ml/monitoring.h"
#include "risk/decision_repo.h"

namespace tranche::credit {

struct VersionReport {
  std::string decider_version;
  bool shadow = false;  // a challenger's shadow decisions: recorded, not applied
  std::size_t decisions = 0;
  std::size_t approved = 0;
  double mean_pd = 0;  // over decisions with a PD; NaN when none had one
  std::size_t matured = 0;
  std::size_t defaulted = 0;
};

std::vector<VersionReport> ReportByVersion(const std::vector<risk::DecisionRecord>& decisions,
                                           const risk::DecisionRepo::Outcomes& outcomes);

struct FeatureDrift {
  std::string feature;
  double importance = 0;  // mean |contribution| on the recent applicants
  double psi = 0;
};

struct Vintage {
  std::string month;  // YYYY-MM of the decision
  std::size_t decisions = 0;
  std::size_t approved = 0;
  std::size_t matured = 0;
  std::size_t defaulted = 0;
};

struct MonitorReport {
  std::size_t decisions = 0;
  std::size_t approved = 0;
  std::size_t scored = 0;  // decisions with a credit profile, rescored with the model
  double score_psi = 0;
  std::vector<FeatureDrift> top_features;  // most important first
  std::vector<Vintage> vintages;
};

// Rescores every decision that kept a credit profile with `model`, so drift is measured
// on the recent population whoever decided it. `top` features are reported.
MonitorReport Monitor(const CreditModel& model, const std::vector<risk::DecisionRecord>& decisions,
                      const risk::DecisionRepo::Outcomes& outcomes, std::size_t top = 5);

// The decisions that `decider_version` (e.g. "model:<version>") scored with a PD: those
// it decided, or with `shadow` those it shadowed. A matured decision's outcome is
// whether it defaulted; the rest are unknown. A shadow's outcome is that of the decision
// that was applied (the same purchase).
std::vector<ml::ScoredRow> ScoredRowsOf(const std::vector<risk::DecisionRecord>& decisions,
                                        const risk::DecisionRepo::Outcomes& outcomes,
                                        const std::string& decider_version, bool shadow);

// The matured decisions the champion decided and the challenger shadowed, both with a
// PD: how many, how many defaulted, and each model's AUC on them (none without both
// classes).
struct HeadToHead {
  std::size_t matured = 0;
  std::size_t defaulted = 0;
  std::optional<double> champion_auc;
  std::optional<double> challenger_auc;
};
HeadToHead CompareOnMatured(const std::vector<risk::DecisionRecord>& decisions,
                            const risk::DecisionRepo::Outcomes& outcomes, const std::string& champion_version,
                            const std::string& challenger_version);

}  // namespace tranche::credit
