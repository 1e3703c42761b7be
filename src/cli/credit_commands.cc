#include "cli/credit_commands.h"
#include "cli/database.h"
#include "cli/fail.h"

#include <unistd.h>

#include <filesystem>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include <cmath>

#include "app/platform.h"
#include "credit/model.h"
#include "credit/reporting.h"

namespace tranche::cli {

namespace {

using credit::CreditModel;

std::set<std::string> SplitList(const std::string& s) {
  std::set<std::string> out;
  std::stringstream in(s);
  std::string item;
  while (std::getline(in, item, ',')) {
    if (!item.empty()) out.insert(item);
  }
  return out;
}

Result<std::map<std::string, int>> ParseMonotone(const std::string& s) {
  std::map<std::string, int> out;
  for (const std::string& item : SplitList(s)) {
    const std::size_t eq = item.find('=');
    const std::string sign = eq == std::string::npos ? "" : item.substr(eq + 1);
    if (sign != "+1" && sign != "1" && sign != "-1") {
      return Status::InvalidArgument("invalid_monotone", "use --monotone COL=+1,COL=-1 (got '" + item + "')");
    }
    out[item.substr(0, eq)] = sign == "-1" ? -1 : 1;
  }
  return out;
}

// A progress bar on stderr while cross-validation runs, only on a terminal.
credit::Progress ProgressBar() {
  if (isatty(STDERR_FILENO) == 0) return {};
  return [](int done, int total) {
    constexpr int kWidth = 40;
    const int filled = done * kWidth / total;
    std::fprintf(stderr, "\r  training [%s%s] %d/%d fits", std::string(static_cast<std::size_t>(filled), '#').c_str(),
                 std::string(static_cast<std::size_t>(kWidth - filled), '.').c_str(), done, total);
    if (done == total) std::fprintf(stderr, "\n");
  };
}

void PrintQuality(const credit::Quality& q) {
  std::printf("AUC %.4f  KS %.4f  Gini %.4f  Brier %.4f\n", q.auc, q.ks, q.gini, q.brier);
  std::printf("calibration (mean PD -> observed default rate, rows):\n");
  for (const auto& b : q.calibration) {
    std::printf("  %.4f -> %.4f  (%zu)\n", b.mean_pd, b.observed_rate, b.count);
  }
}

struct TrainArgs {
  std::string data, label = "default", exclude, monotone, out;
  int folds = 5;
  int outer_folds = 5;
  bool nested = false;
  bool plain = false;
  std::uint64_t seed = 20261126;
};

int RunTrain(const TrainArgs& a) {
  auto table = ml::ReadCsvFile(a.data);
  if (!table.ok()) return Fail(table.status());
  auto monotone = ParseMonotone(a.monotone);
  if (!monotone.ok()) return Fail(monotone.status());
  credit::TrainOptions o;
  o.label = a.label;
  o.exclude = SplitList(a.exclude);
  o.monotone = *monotone;
  o.folds = a.folds;
  o.outer_folds = a.outer_folds;
  o.nested = a.nested;
  o.engineer_features = !a.plain;
  o.scorecard = !a.plain;
  o.seed = a.seed;
  auto trained = credit::Train(*table, o, ProgressBar());
  if (!trained.ok()) return Fail(trained.status());
  auto sha = credit::FileSha256(a.data);
  if (!sha.ok()) return Fail(sha.status());
  const credit::Quality cv = trained->cv;
  const std::optional<credit::Validation> validation = trained->validation;
  CreditModel model(std::move(trained).value(), *sha);
  if (Status st = model.Save(a.out); !st.ok()) return Fail(st);
  std::printf("model %s written to %s\n", model.version().c_str(), a.out.c_str());
  if (validation) {
    std::printf("unbiased (%s, %zu rows never seen by the search): ",
                validation->folds_scored > 1 ? "nested CV" : "validation split", validation->rows);
    PrintQuality(validation->model);
    std::printf("baseline on the same rows (tuned XGBoost, raw columns): AUC %.4f  KS %.4f  Brier %.4f\n",
                validation->baseline.auc, validation->baseline.ks, validation->baseline.brier);
  }
  std::printf("cross-validated (%d folds, calibrated): AUC %.4f  KS %.4f  Brier %.4f  (optimistic: the search "
              "chose on these folds)\n", a.folds, cv.auc, cv.ks, cv.brier);
  return 0;
}

struct ScoreArgs {
  std::string model, data, label, predictions;
};

Status WritePredictions(const std::string& path, const credit::Matrix& m, const std::vector<credit::Score>& scores) {
  std::ofstream out(path, std::ios::trunc);
  out << "id,pd,reason_1,reason_2,reason_3,reason_4\n";
  for (std::size_t r = 0; r < scores.size(); ++r) {
    out << m.ids[r] << ',' << scores[r].pd;
    for (std::size_t k = 0; k < credit::kMaxReasons; ++k) {
      out << ',' << (k < scores[r].reasons.size() ? scores[r].reasons[k].code : "");
    }
    out << '\n';
  }
  out.close();
  if (!out) return Status::Internal("cannot write " + path);
  return Status::Ok();
}

// eval (with a label) and score (without) differ only in whether quality is measured.
int RunScore(const ScoreArgs& a, bool with_label) {
  auto model = CreditModel::Load(a.model);
  if (!model.ok()) return Fail(model.status());
  auto table = ml::ReadCsvFile(a.data);
  if (!table.ok()) return Fail(table.status());
  credit::FeatureSpec spec = model->spec();
  if (with_label) spec.label = a.label;
  auto m = credit::Encode(spec, *table, with_label);
  if (!m.ok()) return Fail(m.status());
  auto scores = model->ScoreMatrix(*m);
  if (!scores.ok()) return Fail(scores.status());
  if (with_label) {
    std::vector<double> pd;
    for (const auto& s : *scores) pd.push_back(s.pd);
    const auto positives = std::count(m->labels.begin(), m->labels.end(), 1.0F);
    if (positives == 0 || positives == static_cast<long>(m->labels.size())) {
      return Fail(Status::InvalidArgument("invalid_label", "the file needs both classes to be evaluated"));
    }
    std::printf("model %s on %s (%zu rows): ", model->version().c_str(), a.data.c_str(), m->rows);
    PrintQuality(credit::Measure(pd, m->labels));
  }
  if (!a.predictions.empty()) {
    if (Status st = WritePredictions(a.predictions, *m, *scores); !st.ok()) return Fail(st);
    std::printf("%zu predictions written to %s\n", scores->size(), a.predictions.c_str());
  }
  return 0;
}

constexpr std::size_t kMaxReportedDecisions = 2'000'000;

struct DecisionArgs {
  DatabaseArgs db;
  std::string since = "2000-01-01";
  int default_after_days = 60;
  std::string model;  // monitor only
};

// The decisions since --since and their outcomes, read from the database.
struct DecisionData {
  std::vector<risk::DecisionRecord> decisions;
  risk::DecisionRepo::Outcomes outcomes;
};

Result<DecisionData> LoadDecisions(const DecisionArgs& a) {
  const auto since = ParseDate(a.since);
  if (!since) return Status::InvalidArgument("invalid_date", "--since must be a date as YYYY-MM-DD");
  SystemClock clock;
  TRANCHE_ASSIGN_OR_RETURN(auto store, OpenDatabase(a.db, clock));
  const Instant from = StartOf(*since);
  const Date cutoff = DateOf(clock.Now() - std::chrono::hours(24 * a.default_after_days));
  DecisionData out;
  TRANCHE_RETURN_IF_ERROR(store->Read([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(out.decisions, tx.decisions().ListSince(from, kMaxReportedDecisions));
    TRANCHE_ASSIGN_OR_RETURN(out.outcomes, tx.decisions().OutcomesSince(from, cutoff));
    return Status::Ok();
  }));
  return out;
}

std::string Rate(std::size_t part, std::size_t whole) {
  if (whole == 0) return "-";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f%%", 100.0 * static_cast<double>(part) / static_cast<double>(whole));
  return buf;
}

int RunReport(const DecisionArgs& a) {
  auto data = LoadDecisions(a);
  if (!data.ok()) return Fail(data.status());
  std::printf("decisions since %s; default = an instalment unpaid %d+ days after its due date\n", a.since.c_str(),
              a.default_after_days);
  std::printf("%-28s %10s %10s %9s %8s %9s %10s %9s\n", "decider", "decisions", "approved", "rate", "mean_pd",
              "matured", "defaulted", "rate");
  for (const credit::VersionReport& r : credit::ReportByVersion(data->decisions, data->outcomes)) {
    char pd[16] = "-";
    if (!std::isnan(r.mean_pd)) std::snprintf(pd, sizeof pd, "%.4f", r.mean_pd);
    const std::string name = (r.shadow ? "(shadow) " : "") + r.decider_version;
    std::printf("%-28s %10zu %10zu %9s %8s %9zu %10zu %9s\n", name.c_str(), r.decisions, r.approved,
                Rate(r.approved, r.decisions).c_str(), pd, r.matured, r.defaulted, Rate(r.defaulted, r.matured).c_str());
  }
  return 0;
}

int RunMonitor(const DecisionArgs& a) {
  auto model = CreditModel::Load(a.model);
  if (!model.ok()) return Fail(model.status());
  auto data = LoadDecisions(a);
  if (!data.ok()) return Fail(data.status());
  const credit::MonitorReport r = credit::Monitor(*model, data->decisions, data->outcomes);
  std::printf("model %s on %zu decisions since %s (%zu with a credit profile, rescored)\n", model->version().c_str(),
              r.decisions, a.since.c_str(), r.scored);
  std::printf("approval rate: %s\n", Rate(r.approved, r.decisions).c_str());
  if (r.scored == 0) {
    std::printf("no decisions with a credit profile: nothing to compare with the training baseline\n");
  } else {
    std::printf("PSI against training (> %.2f investigate, > %.2f significant shift):\n", ml::kPsiInvestigate,
                ml::kPsiSignificant);
    std::printf("  %-22s %8.4f  %s\n", "score (PD)", r.score_psi, ml::PsiVerdict(r.score_psi).c_str());
    for (const credit::FeatureDrift& f : r.top_features) {
      std::printf("  %-22s %8.4f  %s  (importance %.3f)\n", f.feature.c_str(), f.psi, ml::PsiVerdict(f.psi).c_str(),
                  f.importance);
    }
  }
  std::printf("by monthly vintage (default = unpaid %d+ days past due):\n", a.default_after_days);
  for (const credit::Vintage& v : r.vintages) {
    std::printf("  %s  decisions %zu  approved %s  matured %zu  default rate %s\n", v.month.c_str(), v.decisions,
                Rate(v.approved, v.decisions).c_str(), v.matured, Rate(v.defaulted, v.matured).c_str());
  }
  return 0;
}

void AddDecisionOptions(CLI::App* cmd, DecisionArgs& a) {
  AddDatabaseOptions(cmd, a.db);
  cmd->add_option("--since", a.since, "first decision date, YYYY-MM-DD")->capture_default_str();
  cmd->add_option("--default-after-days", a.default_after_days, "days past due that count as a default")
      ->check(CLI::Range(1, 365))
      ->capture_default_str();
}

}  // namespace

void AddCreditCommands(CLI::App& app, std::function<int()>* action) {
  auto* train = app.add_subcommand("train", "train a model");
  train->require_subcommand(1);
  auto* train_credit = train->add_subcommand("credit", "train a PD model on a labelled CSV (k-fold CV, calibrated)");
  auto t = std::make_shared<TrainArgs>();
  train_credit->add_option("--data", t->data, "training CSV with a header row")->required()->check(CLI::ExistingFile);
  train_credit->add_option("--label", t->label, "the 0/1 label column (1 = default)")->capture_default_str();
  train_credit->add_option("--exclude", t->exclude, "columns never to use, comma-separated (e.g. sex,marriage)");
  train_credit->add_option("--monotone", t->monotone, "monotone constraints, e.g. pay_0=+1,limit_bal=-1");
  train_credit->add_option("--folds", t->folds, "cross-validation folds")->check(CLI::Range(2, 20))->capture_default_str();
  train_credit->add_option("--outer-folds", t->outer_folds,
                           "outer folds for the unbiased estimate; the first is an untouched validation split "
                           "(0: none)")
      ->check(CLI::Range(0, 20))
      ->capture_default_str();
  train_credit->add_flag("--nested-cv", t->nested, "score every outer fold (nested cross-validation; slower)");
  train_credit->add_flag("--plain", t->plain, "raw columns and trees only: no engineered features, no scorecard");
  train_credit->add_option("--seed", t->seed, "random seed")->capture_default_str();
  train_credit->add_option("--out", t->out, "model directory to write")->required();
  train_credit->callback([t, action] { *action = [t] { return RunTrain(*t); }; });

  auto* eval = app.add_subcommand("eval", "evaluate a model");
  eval->require_subcommand(1);
  auto* eval_credit = eval->add_subcommand("credit", "AUC, KS, Brier and calibration on a labelled CSV");
  auto e = std::make_shared<ScoreArgs>();
  e->label = "default";
  eval_credit->add_option("--model", e->model, "model directory")->required();
  eval_credit->add_option("--data", e->data, "labelled CSV with the model's columns")->required()->check(CLI::ExistingFile);
  eval_credit->add_option("--label", e->label, "the 0/1 label column")->capture_default_str();
  eval_credit->add_option("--predictions", e->predictions, "also write id,pd,reasons per row to this CSV");
  eval_credit->callback([e, action] { *action = [e] { return RunScore(*e, true); }; });

  auto* score = app.add_subcommand("score", "score with a model");
  score->require_subcommand(1);
  auto* score_credit = score->add_subcommand("credit", "PD and reason codes for every row of a CSV");
  auto s = std::make_shared<ScoreArgs>();
  score_credit->add_option("--model", s->model, "model directory")->required();
  score_credit->add_option("--data", s->data, "CSV with the model's columns")->required()->check(CLI::ExistingFile);
  score_credit->add_option("--predictions", s->predictions, "output CSV: id,pd,reason_1..4")->required();
  score_credit->callback([s, action] { *action = [s] { return RunScore(*s, false); }; });

  auto* report = app.add_subcommand("report", "reports");
  report->require_subcommand(1);
  auto* report_decisions = report->add_subcommand(
      "decisions", "approval and default rates per decider version (champion/challenger comparison)");
  auto r = std::make_shared<DecisionArgs>();
  AddDecisionOptions(report_decisions, *r);
  report_decisions->callback([r, action] { *action = [r] { return RunReport(*r); }; });

  auto* monitor = app.add_subcommand("monitor", "monitor models in production");
  monitor->require_subcommand(1);
  auto* monitor_credit = monitor->add_subcommand(
      "credit", "PSI of the score and top features against training, approval and default rates by vintage");
  auto mo = std::make_shared<DecisionArgs>();
  monitor_credit->add_option("--model", mo->model, "model directory")->required();
  AddDecisionOptions(monitor_credit, *mo);
  monitor_credit->callback([mo, action] { *action = [mo] { return RunMonitor(*mo); }; });

  auto* model = app.add_subcommand("model", "inspect models");
  model->require_subcommand(1);
  auto* show = model->add_subcommand("show", "print a model's features, quality and calibration");
  auto dir = std::make_shared<std::string>();
  show->add_option("dir", *dir, "model directory")->required();
  show->callback([dir, action] {
    *action = [dir] {
      auto m = CreditModel::Load(*dir);
      if (!m.ok()) return Fail(m.status());
      std::printf("%s", m->Describe().c_str());
      return 0;
    };
  });
}

}  // namespace tranche::cli
