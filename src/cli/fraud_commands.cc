#include "cli/fraud_commands.h"

#include <cstdio>
#include <fstream>

#include "cli/fail.h"
#include "fraud/cards_sim.h"
#include "fraud/eval.h"
#include "fraud/stream_training.h"

namespace tranche::cli {

namespace {

constexpr std::int64_t kDayS = 86'400;

Result<std::int64_t> MidnightOf(const std::string& date) {
  const auto d = ParseDate(date);
  if (!d) return Status::InvalidArgument("invalid_date", "dates are YYYY-MM-DD (got '" + date + "')");
  return std::chrono::sys_days(*d).time_since_epoch().count() * kDayS;
}

struct SimArgs {
  fraud::CardSimOptions o;
  std::string start = "2018-04-01";
  std::string out;
};

int RunSim(SimArgs a) {
  const auto d = ParseDate(a.start);
  if (!d) return Fail(Status::InvalidArgument("invalid_date", "--start is YYYY-MM-DD"));
  a.o.start = *d;
  if (Status st = fraud::CheckCardSimOptions(a.o); !st.ok()) return Fail(st);
  const std::vector<fraud::CardTransaction> txs = fraud::SimulateCards(a.o);
  std::string csv;
  fraud::AppendCardsCsv(txs, true, csv);
  if (Status st = WriteText(a.out, csv); !st.ok()) return Fail(st);
  const auto frauds = std::count_if(txs.begin(), txs.end(), [](const auto& t) { return t.fraud; });
  std::printf("%zu transactions (%.2f %% fraud) written to %s\n", txs.size(),
              txs.empty() ? 0.0 : 100.0 * static_cast<double>(frauds) / static_cast<double>(txs.size()), a.out.c_str());
  return 0;
}

struct EvalArgs {
  std::string transactions, train_start = "2018-07-25", predictions;
  fraud::FraudEvalOptions o;
};

int RunEval(EvalArgs a) {
  auto start = MidnightOf(a.train_start);
  if (!start.ok()) return Fail(start.status());
  a.o.train_start_s = *start;
  auto stream = fraud::ReadTransactionStream(a.transactions);
  if (!stream.ok()) return Fail(stream.status());
  auto r = fraud::EvaluateFraud(*stream, a.o);
  if (!r.ok()) return Fail(r.status());
  std::printf("training: %zu transactions (%zu frauds) from %s, %d days\n", r->train_rows, r->train_frauds,
              a.train_start.c_str(), a.o.train_days);
  std::printf("search (cross-validated on the training window only):\n");
  for (const fraud::FraudCandidateResult& c : r->model.search) {
    std::printf("  max_depth %d min_child_weight %g: AUC %.4f AP %.4f rounds %d\n", c.params.max_depth,
                c.params.min_child_weight, c.cv_auc, c.cv_average_precision, c.rounds);
  }
  std::printf("test: %zu transactions (%zu frauds) over %d days after a %d-day delay; %zu of known-compromised "
              "customers excluded\n", r->test_rows, r->test_frauds, a.o.test_days, a.o.delay_days, r->excluded_rows);
  std::printf("AUC %.4f  average precision %.4f  card precision@%d %.4f\n", r->auc, r->average_precision, a.o.top_k,
              r->card_precision_at_k);
  std::printf("card precision@%d per day:", a.o.top_k);
  for (double p : r->card_precision_per_day) std::printf(" %.2f", p);
  std::printf("\n");
  if (!a.predictions.empty()) {
    std::string csv = "tx_id,score\n";
    char buf[32];
    for (const auto& [index, p] : r->predictions) {
      std::snprintf(buf, sizeof buf, ",%.6f\n", p);
      csv += (*stream)[index].tx_id + buf;
    }
    if (Status st = WriteText(a.predictions, csv); !st.ok()) return Fail(st);
  }
  return 0;
}

struct TrainArgs {
  std::string transactions, train_start, out;
  int train_days = 28;
  int delay_days = 7;
  fraud::FraudTrainOptions o;
};

// Trains on the labelled days that end `delay_days` before the stream's last
// transaction (their labels are all known by then), or on the window asked for.
int RunTrain(const TrainArgs& a) {
  auto stream = fraud::ReadTransactionStream(a.transactions);
  if (!stream.ok()) return Fail(stream.status());
  if (stream->empty()) return Fail(Status::InvalidArgument("invalid_stream", "no transactions"));
  fraud::StreamTraining o = fraud::LatestWindow(*stream, a.train_days, a.delay_days * kDayS);
  o.train = a.o;
  if (!a.train_start.empty()) {
    auto start = MidnightOf(a.train_start);
    if (!start.ok()) return Fail(start.status());
    o.from_s = *start;
    o.until_s = o.from_s + a.train_days * kDayS;
  }
  auto trained = fraud::TrainOnStream(*stream, o);
  if (!trained.ok()) return Fail(trained.status());
  if (Status st = trained->model.Save(a.out); !st.ok()) return Fail(st);
  std::printf("fraud model %s written to %s: %zu transactions (%zu frauds), %zu features, cross-validated AUC %.4f "
              "AP %.4f (optimistic: the search chose on these folds)\n", trained->model.version().c_str(), a.out.c_str(),
              trained->rows, trained->frauds, trained->inputs, trained->cv_auc, trained->cv_average_precision);
  return 0;
}

}  // namespace

void AddFraudCommands(CLI::App& app, std::function<int()>* action) {
  auto* sim = app.add_subcommand("sim", "simulate data");
  sim->require_subcommand(1);
  auto* cards = sim->add_subcommand("cards", "a labelled card-transaction stream (the Fraud Detection Handbook's simulator)");
  auto s = std::make_shared<SimArgs>();
  cards->add_option("--customers", s->o.customers, "customers")->capture_default_str();
  cards->add_option("--terminals", s->o.terminals, "terminals")->capture_default_str();
  cards->add_option("--days", s->o.days, "days")->capture_default_str();
  cards->add_option("--start", s->start, "first day, YYYY-MM-DD")->capture_default_str();
  cards->add_option("--seed", s->o.seed, "random seed")->capture_default_str();
  cards->add_option("--out", s->out, "CSV file to write")->required();
  cards->callback([s, action] { *action = [s] { return RunSim(*s); }; });

  auto* eval_fraud = app.get_subcommand("eval")->add_subcommand(
      "fraud", "train on one window of a labelled stream, test on a later one: AUC, AP, card precision@100");
  auto e = std::make_shared<EvalArgs>();
  eval_fraud->add_option("--transactions", e->transactions, "stream CSV (or .gz): tx_id,datetime,customer_id,terminal_id,amount,fraud")
      ->required()
      ->check(CLI::ExistingFile);
  eval_fraud->add_option("--train-start", e->train_start, "first training day, YYYY-MM-DD")->capture_default_str();
  eval_fraud->add_option("--train-days", e->o.train_days, "training days")->check(CLI::Range(1, 90))->capture_default_str();
  eval_fraud->add_option("--delay-days", e->o.delay_days, "label delay in days")->check(CLI::Range(1, 90))->capture_default_str();
  eval_fraud->add_option("--test-days", e->o.test_days, "test days")->check(CLI::Range(1, 90))->capture_default_str();
  eval_fraud->add_option("--seed", e->o.train.seed, "training seed")->capture_default_str();
  eval_fraud->add_option("--predictions", e->predictions, "write tx_id,score for every test-window transaction");
  eval_fraud->callback([e, action] { *action = [e] { return RunEval(*e); }; });

  auto* train_fraud = app.get_subcommand("train")->add_subcommand(
      "fraud", "train the fraud model on a labelled stream replayed through the feature engine");
  auto t = std::make_shared<TrainArgs>();
  train_fraud->add_option("--transactions", t->transactions, "stream CSV (or .gz)")->required()->check(CLI::ExistingFile);
  train_fraud->add_option("--train-start", t->train_start,
                          "first training day, YYYY-MM-DD (default: the last days whose labels are all known)");
  train_fraud->add_option("--train-days", t->train_days, "training days")->check(CLI::Range(1, 90))->capture_default_str();
  train_fraud->add_option("--delay-days", t->delay_days, "label delay in days")->check(CLI::Range(1, 90))->capture_default_str();
  train_fraud->add_option("--seed", t->o.seed, "training seed")->capture_default_str();
  train_fraud->add_option("--out", t->out, "model directory to write")->required();
  train_fraud->callback([t, action] { *action = [t] { return RunTrain(*t); }; });
}

}  // namespace tranche::cli
