#include "cli/intent_commands.h"
#include "cli/fail.h"

#include <cstdio>
#include <fstream>
#include <memory>

#include "assist/nlu_classifier.h"
#include "assist/nlu_language.h"
#include "assist/nlu_training.h"

namespace tranche::cli {

namespace {

using assist::IntentScores;

Result<assist::IntentData> ReadIntentFile(const std::string& path) {
  TRANCHE_ASSIGN_OR_RETURN(const ml::Table table, ml::ReadCsvFile(path));
  return assist::IntentDataFromTable(table);
}

void PrintScores(const char* what, const IntentScores& s) {
  std::printf("%s: accuracy %.4f (%zu/%zu)\n", what, s.all.rate(), s.all.correct, s.all.rows);
  if (s.oos.rows > 0) {
    std::printf("  in-scope accuracy %.4f (%zu/%zu)  out-of-scope recall %.4f (%zu/%zu)\n", s.in_scope.rate(),
                s.in_scope.correct, s.in_scope.rows, s.oos.rate(), s.oos.correct, s.oos.rows);
  }
  for (const auto& [lang, c] : s.by_language) {
    std::printf("  %s accuracy %.4f (%zu/%zu)\n", std::string(assist::LanguageCode(lang)).c_str(), c.rate(),
                c.correct, c.rows);
  }
}

struct TrainArgs {
  std::string data, out;
  int ensemble = 3;
  bool no_search = false;
};

int RunTrain(const TrainArgs& a) {
  auto data = ReadIntentFile(a.data);
  if (!data.ok()) return Fail(data.status());
  assist::IntentTrainOptions options;
  options.ensemble = a.ensemble;
  if (a.no_search) options.candidates = {assist::FastTextParams{}};
  auto report = assist::TrainIntentModel(*data, options, a.out,
                                         [](const std::string& line) { std::fprintf(stderr, "  %s\n", line.c_str()); });
  if (!report.ok()) return Fail(report.status());
  std::printf("intent model (%zu intents, %d members) written to %s\n", report->labels, a.ensemble, a.out.c_str());
  std::printf("parameters: %s\n", assist::DescribeParams(report->chosen).c_str());
  std::printf("calibration: temperature %.3f, out-of-scope below %.2f\n", report->calibration.temperature,
              report->calibration.oos_threshold);
  PrintScores(("validation split (" + std::to_string(report->validation_rows) + " rows held out of " +
               std::to_string(report->train_rows + report->validation_rows) + ")").c_str(),
              report->validation);
  if (report->language_validation) {
    std::printf("language identification on the validation split: accuracy %.4f (%zu/%zu)\n",
                report->language_validation->rate(), report->language_validation->correct,
                report->language_validation->rows);
  }
  return 0;
}

struct EvalArgs {
  std::string model, data, predictions;
};

int RunEval(const EvalArgs& a) {
  auto classifier = assist::FastTextIntentClassifier::Load(a.model);
  if (!classifier.ok()) return Fail(classifier.status());
  auto data = ReadIntentFile(a.data);
  if (!data.ok()) return Fail(data.status());
  // The language model is optional: models trained on data without languages have none.
  auto detector = assist::FastTextLanguageDetector::Load(a.model);
  const assist::LanguageDetector* lang = detector.ok() ? detector->get() : nullptr;
  const assist::IntentEvalReport report = assist::EvaluateIntents(**classifier, lang, *data);
  if (!a.predictions.empty()) {
    // Labels are identifiers (IntentDataFromTable), so no cell needs quoting.
    std::string csv = "row,predicted,confidence\n";
    char line[160];
    for (std::size_t i = 0; i < report.predictions.size(); ++i) {
      std::snprintf(line, sizeof line, "%zu,%s,%.4f\n", i + 1, report.predictions[i].intent.c_str(),
                    report.predictions[i].confidence);
      csv += line;
    }
    std::ofstream out(a.predictions, std::ios::binary | std::ios::trunc);
    out << csv;
    if (!out.flush()) return Fail(Status::Unavailable("cannot write " + a.predictions));
    std::printf("%zu predictions written to %s\n", report.predictions.size(), a.predictions.c_str());
  }
  if (report.scores) PrintScores(("test (" + a.data + ")").c_str(), *report.scores);
  if (report.language) {
    std::printf("language identification: accuracy %.4f (%zu/%zu)\n", report.language->rate(),
                report.language->correct, report.language->rows);
  }
  if (!report.scores && a.predictions.empty()) {
    std::printf("the file has no labels; pass --predictions OUT.csv to keep the predictions\n");
  }
  return 0;
}

}  // namespace

void AddIntentCommands(CLI::App& app, std::function<int()>* action) {
  auto train = std::make_shared<TrainArgs>();
  auto* t = app.get_subcommand("train")->add_subcommand(
      "intents", "train an intent classifier (fastText ensemble, calibrated, out-of-scope aware) on a CSV");
  t->add_option("--data", train->data, "CSV with columns text and label (or category); optional language (en/sv/de)")
      ->required();
  t->add_option("--out", train->out, "model directory to write")->required();
  t->add_option("--ensemble", train->ensemble, "fastText models averaged (seeds 1..N)")
      ->check(CLI::Range(1, assist::kMaxEnsemble))
      ->capture_default_str();
  t->add_flag("--no-search", train->no_search, "skip the hyper-parameter search: one default parameter set");
  t->callback([train, action] { *action = [train] { return RunTrain(*train); }; });

  auto eval = std::make_shared<EvalArgs>();
  auto* e = app.get_subcommand("eval")->add_subcommand(
      "intents", "accuracy, in-scope accuracy, out-of-scope recall and per-language accuracy on a CSV");
  e->add_option("--model", eval->model, "model directory (tranche train intents)")->required();
  e->add_option("--data", eval->data, "CSV with a text column; labels optional")->required();
  e->add_option("--predictions", eval->predictions, "write row,predicted,confidence in input order to this CSV");
  e->callback([eval, action] { *action = [eval] { return RunEval(*eval); }; });
}

}  // namespace tranche::cli
