#include "credit/reporting.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>

#include "credit/profile_features.h"

namespace tranche::credit {

namespace {

std::string MonthOf(Instant t) { return FormatDate(DateOf(t)).substr(0, 7); }

}  // namespace

std::vector<VersionReport> ReportByVersion(const std::vector<risk::DecisionRecord>& decisions,
                                           const risk::DecisionRepo::Outcomes& outcomes) {
  const std::set<std::string> matured(outcomes.matured.begin(), outcomes.matured.end());
  const std::set<std::string> defaulted(outcomes.defaulted.begin(), outcomes.defaulted.end());
  std::map<std::string, VersionReport> by_version;
  std::map<std::string, std::size_t> with_pd;
  const auto count = [&](const std::string& key, const std::string& version, bool shadow, risk::Outcome outcome,
                         std::optional<double> pd) -> VersionReport& {
    VersionReport& r = by_version[key];
    r.decider_version = version;
    r.shadow = shadow;
    ++r.decisions;
    if (outcome == risk::Outcome::kApproved) ++r.approved;
    if (pd) {
      r.mean_pd += *pd;
      ++with_pd[key];
    }
    return r;
  };
  for (const risk::DecisionRecord& d : decisions) {
    VersionReport& r = count(d.decision.decider_version, d.decision.decider_version, false, d.decision.outcome,
                             d.decision.pd);
    if (matured.contains(d.id)) ++r.matured;
    if (defaulted.contains(d.id)) ++r.defaulted;
    if (const auto& s = d.decision.shadow) count("shadow " + s->decider_version, s->decider_version, true, s->outcome, s->pd);
  }
  std::vector<VersionReport> out;
  for (auto& [key, r] : by_version) {
    const std::size_t n = with_pd[key];
    r.mean_pd = n == 0 ? std::numeric_limits<double>::quiet_NaN() : r.mean_pd / static_cast<double>(n);
    out.push_back(r);
  }
  return out;
}

MonitorReport Monitor(const CreditModel& model, const std::vector<risk::DecisionRecord>& decisions,
                      const risk::DecisionRepo::Outcomes& outcomes, std::size_t top) {
  const std::set<std::string> matured(outcomes.matured.begin(), outcomes.matured.end());
  const std::set<std::string> defaulted(outcomes.defaulted.begin(), outcomes.defaulted.end());
  const std::size_t n_features = model.spec().columns.size();
  MonitorReport report;
  std::map<std::string, Vintage> vintages;
  std::vector<double> scores;
  std::vector<std::vector<double>> columns(n_features);
  std::vector<double> importance(n_features, 0);
  for (const risk::DecisionRecord& d : decisions) {
    ++report.decisions;
    const bool approved = d.decision.outcome == risk::Outcome::kApproved;
    if (approved) ++report.approved;
    Vintage& v = vintages[MonthOf(d.created_at)];
    v.month = MonthOf(d.created_at);
    ++v.decisions;
    if (approved) ++v.approved;
    if (matured.contains(d.id)) ++v.matured;
    if (defaulted.contains(d.id)) ++v.defaulted;
    if (!d.request.profile) continue;
    const std::vector<float> row =
        ProfileFeatures(*d.request.profile, d.request.date_of_birth, d.request.today, model.spec());
    auto score = model.ScoreOne(row);
    if (!score.ok()) continue;
    ++report.scored;
    scores.push_back(score->pd);
    for (std::size_t i = 0; i < n_features; ++i) {
      columns[i].push_back(row[i]);
      importance[i] += std::abs(score->contributions[i]);
    }
  }
  for (auto& [month, v] : vintages) report.vintages.push_back(v);
  if (scores.empty()) return report;
  report.score_psi = ml::Psi(model.score_baseline(), scores);
  for (std::size_t i = 0; i < n_features; ++i) {
    report.top_features.push_back({model.spec().columns[i].name, importance[i] / static_cast<double>(scores.size()),
                                   ml::Psi(model.feature_baselines()[i], columns[i])});
  }
  std::stable_sort(report.top_features.begin(), report.top_features.end(),
                   [](const FeatureDrift& a, const FeatureDrift& b) { return a.importance > b.importance; });
  if (report.top_features.size() > top) report.top_features.resize(top);
  return report;
}

std::vector<ml::ScoredRow> ScoredRowsOf(const std::vector<risk::DecisionRecord>& decisions,
                                        const risk::DecisionRepo::Outcomes& outcomes,
                                        const std::string& decider_version, bool shadow) {
  const std::set<std::string> matured(outcomes.matured.begin(), outcomes.matured.end());
  const std::set<std::string> defaulted(outcomes.defaulted.begin(), outcomes.defaulted.end());
  std::vector<ml::ScoredRow> rows;
  for (const risk::DecisionRecord& d : decisions) {
    const std::optional<double>& pd = shadow ? (d.decision.shadow ? d.decision.shadow->pd : std::nullopt) : d.decision.pd;
    const std::string& version = shadow ? (d.decision.shadow ? d.decision.shadow->decider_version : std::string())
                                        : d.decision.decider_version;
    if (!pd || version != decider_version) continue;
    ml::ScoredRow row{d.created_at, *pd, std::nullopt};
    if (matured.contains(d.id)) row.positive = defaulted.contains(d.id);
    rows.push_back(row);
  }
  return rows;
}

HeadToHead CompareOnMatured(const std::vector<risk::DecisionRecord>& decisions,
                            const risk::DecisionRepo::Outcomes& outcomes, const std::string& champion_version,
                            const std::string& challenger_version) {
  const std::set<std::string> matured(outcomes.matured.begin(), outcomes.matured.end());
  const std::set<std::string> defaulted(outcomes.defaulted.begin(), outcomes.defaulted.end());
  std::vector<double> champion, challenger;
  std::vector<float> labels;
  for (const risk::DecisionRecord& d : decisions) {
    const auto& s = d.decision.shadow;
    if (!matured.contains(d.id) || d.decision.decider_version != champion_version || !d.decision.pd || !s ||
        s->decider_version != challenger_version || !s->pd) {
      continue;
    }
    champion.push_back(*d.decision.pd);
    challenger.push_back(*s->pd);
    labels.push_back(defaulted.contains(d.id) ? 1 : 0);
  }
  HeadToHead out{labels.size(), static_cast<std::size_t>(std::count(labels.begin(), labels.end(), 1.0F)),
                 std::nullopt, std::nullopt};
  if (out.defaulted > 0 && out.defaulted < out.matured) {
    out.champion_auc = ml::Auc(champion, labels);
    out.challenger_auc = ml::Auc(challenger, labels);
  }
  return out;
}

}  // namespace tranche::credit
