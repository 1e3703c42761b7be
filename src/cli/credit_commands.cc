#include "cli/credit_commands.h"

#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include "credit/model.h"

namespace tranche::cli {

namespace {

using credit::CreditModel;

int Fail(const Status& st) {
  std::fprintf(stderr, "error: %s\n", st.message().c_str());
  return 2;
}

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
  std::uint64_t seed = 20261126;
};

int RunTrain(const TrainArgs& a) {
  auto table = credit::ReadCsvFile(a.data);
  if (!table.ok()) return Fail(table.status());
  auto monotone = ParseMonotone(a.monotone);
  if (!monotone.ok()) return Fail(monotone.status());
  credit::TrainOptions o;
  o.label = a.label;
  o.exclude = SplitList(a.exclude);
  o.monotone = *monotone;
  o.folds = a.folds;
  o.seed = a.seed;
  auto trained = credit::Train(*table, o, ProgressBar());
  if (!trained.ok()) return Fail(trained.status());
  auto sha = credit::FileSha256(a.data);
  if (!sha.ok()) return Fail(sha.status());
  const credit::Quality cv = trained->cv;
  CreditModel model(std::move(trained).value(), *sha);
  if (Status st = model.Save(a.out); !st.ok()) return Fail(st);
  std::printf("model %s written to %s\ncross-validated (%d folds, calibrated): ", model.version().c_str(),
              a.out.c_str(), a.folds);
  PrintQuality(cv);
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
  auto table = credit::ReadCsvFile(a.data);
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
