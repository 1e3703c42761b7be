#include "ops/models.h"

#include <algorithm>
#include <filesystem>
#include <map>

#include "fraud/label_repo.h"

namespace tranche::ops {

namespace {

// When the model directory's metadata file was written; none when it cannot be read.
std::optional<Instant> WrittenAt(const std::string& dir, const char* file) {
  if (dir.empty()) return std::nullopt;
  std::error_code ec;
  const auto t = std::filesystem::last_write_time(std::filesystem::path(dir) / file, ec);
  if (ec) return std::nullopt;
  return std::chrono::time_point_cast<std::chrono::microseconds>(std::chrono::file_clock::to_sys(t));
}

// The window's first `cap` records of a ListSince port (oldest first), and whether
// there were more.
template <typename Record, typename List>
Result<std::pair<std::vector<Record>, bool>> ReadWindow(List list, const fraud::BacktestWindow& w, std::size_t cap) {
  TRANCHE_ASSIGN_OR_RETURN(std::vector<Record> rows, list(w.from, cap + 1));
  return FirstInWindow(std::move(rows), w.to, cap);
}

// `shadow`: the model scores beside the champion rather than deciding.
ModelCard CreditCard(const credit::CreditModel& model, const std::string& role, bool shadow, const std::string& dir,
                     const std::vector<risk::DecisionRecord>& decisions, const risk::DecisionRepo::Outcomes& outcomes,
                     const fraud::BacktestWindow& w) {
  ModelCard card{"credit", role, model.version(), WrittenAt(dir, "spec.json"), model.spec().width(),
                 model.training_rows(), "", std::nullopt, {}};
  if (const auto& h = model.held_out()) {
    card.held_out_method = h->method;
    card.held_out = h->curves;
  }
  const auto rows = credit::ScoredRowsOf(decisions, outcomes, "model:" + model.version(), shadow);
  card.live = ml::MonitorLive(model.score_baseline(), rows, w.from, w.to, 1);
  return card;
}

ModelCard FraudCard(const fraud::FraudModel& model, const std::string& dir,
                    const std::vector<fraud::FraudDecision>& decisions,
                    const std::map<std::string, fraud::Labelled>& labelled, const fraud::BacktestWindow& w) {
  ModelCard card{"fraud", "fraud", model.version(), WrittenAt(dir, "fraud_model.json"), model.feature_names().size(),
                 model.training_rows(), model.held_out() ? "cross_validated" : "", model.held_out(), {}};
  std::vector<ml::ScoredRow> rows;
  for (const fraud::FraudDecision& d : decisions) {
    if (!d.score || d.score->model_version != model.version()) continue;
    ml::ScoredRow row{d.created_at, static_cast<double>(d.score->score), std::nullopt};
    if (const auto it = labelled.find(d.id); it != labelled.end() && it->second != fraud::Labelled::kUnknown) {
      row.positive = it->second == fraud::Labelled::kFraud;
    }
    rows.push_back(row);
  }
  // Scores are 0-99: a hundredth of one is the probability it stands for.
  card.live = ml::MonitorLive(model.score_baseline(), rows, w.from, w.to, 0.01);
  return card;
}

}  // namespace

Result<ModelsReport> ReportModels(store::Store& store, const ServedModels& served, fraud::BacktestWindow window,
                                  Instant now) {
  TRANCHE_ASSERT(window.from < window.to);
  ModelsReport report;
  report.window = window;
  report.matured_by = AddDays(DateOf(now), -kModelDefaultAfterDays);
  std::vector<risk::DecisionRecord> credit;
  risk::DecisionRepo::Outcomes outcomes;
  std::vector<fraud::FraudDecision> screened;
  std::map<std::string, fraud::Labelled> labelled;
  TRANCHE_RETURN_IF_ERROR(store.Read([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(auto c, ReadWindow<risk::DecisionRecord>(
                                         [&](Instant since, std::size_t limit) { return tx.decisions().ListSince(since, limit); },
                                         window, kMaxModelCreditDecisions));
    std::tie(credit, report.credit_capped) = std::move(c);
    TRANCHE_ASSIGN_OR_RETURN(outcomes, tx.decisions().OutcomesSince(window.from, report.matured_by));
    if (served.fraud == nullptr) return Status::Ok();
    TRANCHE_ASSIGN_OR_RETURN(auto f, ReadWindow<fraud::FraudDecision>(
                                         [&](Instant since, std::size_t limit) { return tx.fraud_decisions().ListSince(since, limit); },
                                         window, kMaxModelFraudDecisions));
    std::tie(screened, report.fraud_capped) = std::move(f);
    TRANCHE_ASSIGN_OR_RETURN(const auto labels, fraud::LabelsOf(tx.fraud_labels(), screened));
    for (std::size_t i = 0; i < screened.size(); ++i) labelled[screened[i].id] = fraud::LabelledOf(labels[i]);
    return Status::Ok();
  }));
  report.credit_decisions = credit.size();
  report.fraud_decisions = screened.size();
  report.versions = credit::ReportByVersion(credit, outcomes);
  std::shared_ptr<const credit::CreditModel> champion, challenger;
  if (served.champion != nullptr) {
    champion = served.champion->model();
    report.models.push_back(CreditCard(*champion, "champion", false, served.champion_dir, credit, outcomes, window));
  }
  if (served.challenger != nullptr) {
    challenger = served.challenger->model();
    report.challenger_mode = served.challenger_shadow ? "shadow" : "share";
    report.challenger_share = served.challenger_shadow ? 0 : served.challenger_share;
    report.models.push_back(CreditCard(*challenger, "challenger", served.challenger_shadow, served.challenger_dir, credit, outcomes, window));
  }
  if (champion && challenger && served.challenger_shadow) {
    report.head_to_head =
        credit::CompareOnMatured(credit, outcomes, "model:" + champion->version(), "model:" + challenger->version());
  }
  if (served.fraud != nullptr) {
    const std::shared_ptr<const fraud::ModelScorer> scorer = served.fraud->current();
    report.models.push_back(FraudCard(scorer->model(), served.fraud_dir, screened, labelled, window));
  }
  return report;
}

}  // namespace tranche::ops
