#include "cli/fraud_commands.h"

#include <cstdio>
#include <fstream>

#include <filesystem>

#include "app/platform.h"
#include "cli/fail.h"
#include "fraud/cards_sim.h"
#include "fraud/engine_source.h"
#include "fraud/eval.h"
#include "fraud/decision_training.h"
#include "fraud/stream_training.h"
#include "ops/fraud_training.h"
#include "ops/views.h"
#include "cli/database.h"
#include "core/date_range.h"

namespace tranche::cli {

namespace {


Result<std::int64_t> MidnightOf(const std::string& date) {
  const auto d = ParseDate(date);
  if (!d) return Status::InvalidArgument("invalid_date", "dates are YYYY-MM-DD (got '" + date + "')");
  return std::chrono::sys_days(*d).time_since_epoch().count() * fraud::kDayS;
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

// The --from-decisions window: [since, until] in UTC days (until empty: today), at most
// fraud::kMaxTrainingDays.
Result<DateRange> DecisionWindow(const std::string& since, const std::string& until, Instant now) {
  return ParseDateRange(since, until.empty() ? std::nullopt : std::optional<std::string_view>(until), DateOf(now), 0,
                        fraud::kMaxTrainingDays);
}

// The decisions screened in `window`, labelled as of `now` as training labels them
// (fraud/decision_training.h), with a summary printed: what `train fraud` and `eval
// fraud` read with --from-decisions.
Result<fraud::DecisionTrainingSet> ReadDecisionWindow(const DateRange& window, Instant now, int label_delay_days,
                                                      const DatabaseArgs& db) {
  SystemClock clock;
  TRANCHE_ASSIGN_OR_RETURN(auto store, OpenDatabase(db, clock));
  TRANCHE_ASSIGN_OR_RETURN(fraud::DecisionTrainingSet set,
                           ops::ReadTrainingDecisions(*store, fraud::EngineFeatureSource::ScreeningCatalogue(), window,
                                                      now, std::chrono::days(label_delay_days)));
  const fraud::DecisionTrainingCounts& c = set.counts();
  std::printf("%zu decisions screened from %s to %s: %zu rows, %zu fraud, %zu legitimate (%zu by a label, %zu "
              "unlabelled and older than the %d-day label delay); left out: %zu unlabelled and younger than it\n",
              c.decisions, FormatDate(window.first).c_str(), FormatDate(window.last).c_str(), c.rows(), c.frauds,
              c.legitimate(), c.labelled_legitimate, c.unlabelled_legitimate, label_delay_days, c.too_young);
  if (c.disagreeing > 0) std::printf("%zu of them had disagreeing labels: the latest label decided\n", c.disagreeing);
  return set;
}

struct EvalArgs {
  std::string transactions, train_start = "2018-07-25", predictions;
  fraud::FraudEvalOptions o;
  // --from-decisions: a trained model scored on a window of the decision log.
  bool from_decisions = false;
  std::string model, since, until;
  int label_delay_days = fraud::kDefaultTrainingLabelDelayDays;
  DatabaseArgs db;
};

// With --select-features: what the choice left out, and why.
void PrintSelection(const std::optional<ml::GroupSelection>& selection, const std::vector<std::string>& dropped_families) {
  if (!selection) return;
  const ml::GroupSelection& s = *selection;
  if (!s.skipped.empty()) {
    std::printf("feature choice skipped: %s\n", s.skipped.c_str());
    return;
  }
  std::string dropped;
  for (const std::string& f : dropped_families) dropped += (dropped.empty() ? "" : ", ") + f;
  std::printf("feature choice (%zu trials; latest %zu rows, %zu frauds): AP %.4f AUC %.4f with every family, AP %.4f "
              "AUC %.4f without %s\n", s.trials.size(), s.validation_rows, s.validation_positives,
              s.base_average_precision, s.base_auc, s.chosen_average_precision, s.chosen_auc,
              dropped.empty() ? "none" : dropped.c_str());
}

// Scores the decisions screened in [--since, --until], labelled as training labels them,
// with a model trained on an earlier window: a held-out measure of the decision-log model.
int RunEvalOnDecisions(const EvalArgs& a) {
  if (a.model.empty() || a.since.empty()) {
    return Fail(Status::InvalidArgument("parameter_missing", "--from-decisions needs --model DIR and --since YYYY-MM-DD"));
  }
  const Instant now = SystemClock().Now();
  auto window = DecisionWindow(a.since, a.until, now);
  if (!window.ok()) return Fail(window.status());
  auto model = fraud::FraudModel::Load(a.model, fraud::EngineFeatureSource::ScreeningCatalogue());
  if (!model.ok()) return Fail(model.status());
  auto set = ReadDecisionWindow(*window, now, a.label_delay_days, a.db);
  if (!set.ok()) return Fail(set.status());
  auto e = fraud::EvaluateOnRows(*model, set->rows());
  if (!e.ok()) return Fail(e.status());
  std::printf("model %s: AUC %.4f  average precision %.4f\n", model->version().c_str(), e->auc, e->average_precision);
  std::printf("at its review score %d: %zu reviewed, %zu of the %zu frauds; at its block score %d: %zu blocked, %zu "
              "frauds\n", model->review_score(), e->reviewed, e->frauds_reviewed, e->frauds, model->block_score(),
              e->blocked, e->frauds_blocked);
  return 0;
}

int RunEval(EvalArgs a) {
  if (a.from_decisions == !a.transactions.empty()) {
    return Fail(Status::InvalidArgument("parameter_missing", "evaluate on exactly one of --transactions and --from-decisions"));
  }
  if (a.from_decisions) return RunEvalOnDecisions(a);
  auto start = MidnightOf(a.train_start);
  if (!start.ok()) return Fail(start.status());
  a.o.train_start_s = *start;
  auto stream = fraud::ReadTransactionStream(a.transactions);
  if (!stream.ok()) return Fail(stream.status());
  auto r = fraud::EvaluateFraud(*stream, a.o);
  if (!r.ok()) return Fail(r.status());
  std::printf("training: %zu transactions (%zu frauds) from %s, %d days\n", r->train_rows, r->train_frauds,
              a.train_start.c_str(), a.o.train_days);
  PrintSelection(r->model.selection, r->model.dropped_families);
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
  // --from-decisions: the decision log's window and how its rows are labelled.
  bool from_decisions = false;
  std::string since, until;
  int label_delay_days = fraud::kDefaultTrainingLabelDelayDays;
  DatabaseArgs db;
};

// Trains on the labelled days that end `delay_days` before the stream's last
// transaction (their labels are all known by then), or on the window asked for.
int RunTrainOnStream(const TrainArgs& a) {
  auto stream = fraud::ReadTransactionStream(a.transactions);
  if (!stream.ok()) return Fail(stream.status());
  if (stream->empty()) return Fail(Status::InvalidArgument("invalid_stream", "no transactions"));
  fraud::StreamTraining o = fraud::LatestWindow(*stream, a.train_days, a.delay_days * fraud::kDayS);
  o.train = a.o;
  if (!a.train_start.empty()) {
    auto start = MidnightOf(a.train_start);
    if (!start.ok()) return Fail(start.status());
    o.from_s = *start;
    o.until_s = o.from_s + a.train_days * fraud::kDayS;
  }
  auto trained = fraud::TrainOnStream(*stream, o);
  if (!trained.ok()) return Fail(trained.status());
  if (Status st = trained->model.Save(a.out); !st.ok()) return Fail(st);
  std::printf("fraud model %s written to %s: %zu transactions (%zu frauds), %zu features, cross-validated AUC %.4f "
              "AP %.4f (optimistic: the search chose on these folds)\n", trained->model.version().c_str(), a.out.c_str(),
              trained->rows, trained->frauds, trained->inputs, trained->cv_auc, trained->cv_average_precision);
  PrintSelection(trained->selection, trained->dropped_families);
  return 0;
}

// Trains on the decisions screened in [--since, --until] with the feature values
// stored with them, labelled as fraud/decision_training.h says; the model reads the
// screening catalogue, so the platform serves (and hot-reloads) it as it is.
int RunTrainOnDecisions(const TrainArgs& a) {
  const Instant now = SystemClock().Now();
  auto window = DecisionWindow(a.since, a.until, now);
  if (!window.ok()) return Fail(window.status());
  auto set = ReadDecisionWindow(*window, now, a.label_delay_days, a.db);
  if (!set.ok()) return Fail(set.status());
  auto trained = fraud::TrainOnDecisions(*set, a.delay_days * fraud::kDayS, a.o);
  if (!trained.ok()) return Fail(trained.status());
  if (Status st = trained->model.Save(a.out); !st.ok()) return Fail(st);
  std::printf("fraud model %s written to %s: %zu features, cross-validated AUC %.4f AP %.4f (optimistic: the search "
              "chose on these folds)\n", trained->model.version().c_str(), a.out.c_str(), trained->inputs,
              trained->cv_auc, trained->cv_average_precision);
  PrintSelection(trained->selection, trained->dropped_families);
  return 0;
}

int RunTrain(const TrainArgs& a) {
  if (a.from_decisions == !a.transactions.empty()) {
    return Fail(Status::InvalidArgument("parameter_missing", "train on exactly one of --transactions and --from-decisions"));
  }
  if (a.from_decisions && a.since.empty()) {
    return Fail(Status::InvalidArgument("parameter_missing", "--from-decisions needs --since YYYY-MM-DD"));
  }
  return a.from_decisions ? RunTrainOnDecisions(a) : RunTrainOnStream(a);
}

struct BacktestArgs {
  std::string rule, rules_file, since, until;
  DatabaseArgs db;
  bool json = false;
};

// The candidate from --rule or --rules-file (exactly one), bounded like saved rules.
Result<std::string> CandidateRules(const BacktestArgs& a) {
  if (a.rule.empty() == a.rules_file.empty()) {
    return Status::InvalidArgument("parameter_missing", "give the rules with exactly one of --rule and --rules-file");
  }
  std::string text = a.rule;
  if (!a.rules_file.empty()) {
    TRANCHE_ASSIGN_OR_RETURN(text, ReadText(a.rules_file));
  }
  if (text.size() > fraud::kMaxRulesSourceBytes) {
    return Status::InvalidArgument("string_too_long",
                                   "rules are at most " + std::to_string(fraud::kMaxRulesSourceBytes) + " bytes");
  }
  return text;
}

Result<ops::FraudBacktestOutcome> Backtest(const BacktestArgs& a) {
  TRANCHE_ASSIGN_OR_RETURN(std::string rules, CandidateRules(a));
  SystemClock clock;
  TRANCHE_ASSIGN_OR_RETURN(const fraud::BacktestWindow window,
                           fraud::ParseBacktestWindow(a.since, a.until.empty() ? std::nullopt
                                                                               : std::optional<std::string_view>(a.until),
                                                      clock.Now()));
  TRANCHE_ASSIGN_OR_RETURN(auto store, OpenDatabase(a.db, clock));
  return ops::RunFraudBacktest(*store, fraud::EngineFeatureSource::ScreeningCatalogue(), {std::move(rules), window});
}

std::string Amounts(const fraud::BacktestBucket& b) {
  if (b.amount_minor.empty()) return "-";
  std::string out;
  for (const auto& [currency, minor] : b.amount_minor) {
    if (!out.empty()) out += ", ";
    out += FormatMoney(Money(minor, currency));
  }
  return out;
}

void PrintBucket(const char* name, const fraud::BacktestBucket& b) {
  std::string examples;
  for (const std::string& id : b.examples) examples += (examples.empty() ? "" : " ") + id;
  std::printf("  %-15s %9zu %7zu %7zu %10zu  %s%s%s\n", name, b.count, b.fraud, b.legitimate, b.unknown,
              Amounts(b).c_str(), examples.empty() ? "" : "  e.g. ", examples.c_str());
}

std::string Share(const std::optional<double>& r) {
  if (!r) return "-";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.1f%%", 100.0 * *r);
  return buf;
}

// Exit 0 with the summary; 2 when the rules do not check (each error with its line and
// column on stderr) or the backtest cannot run.
int RunBacktest(const BacktestArgs& a) {
  auto outcome = Backtest(a);
  if (!outcome.ok()) return Fail(outcome.status());
  if (!outcome->summary) {
    for (const fraud::RuleError& e : outcome->parsed.errors) {
      std::fprintf(stderr, "line %d, column %d: %s\n", e.line, e.column, e.message.c_str());
    }
    if (outcome->parsed.more_errors > 0) std::fprintf(stderr, "and %zu more errors\n", outcome->parsed.more_errors);
    return Fail(Status::InvalidArgument("invalid_rules", "the rules do not check"));
  }
  if (a.json) {
    std::printf("%s\n", ops::FraudBacktestJson(*outcome).dump(2).c_str());
    return 0;
  }
  const fraud::BacktestSummary& s = *outcome->summary;
  const ops::FraudBacktestOutcome& o = *outcome;
  std::printf("%zu decisions replayed from %s to %s", s.replayed, FormatDate(DateOf(o.window.from)).c_str(),
              FormatDate(DateOf(o.window.to - std::chrono::days(1))).c_str());
  if (s.limit_reached) {
    std::printf(" (limit of %zu reached: only the oldest were replayed)", s.max_decisions);
  }
  std::string lists;
  for (const std::string& l : s.lists) lists += (lists.empty() ? " @" : ", @") + l;
  std::printf("\nlists as they are now%s; score thresholds as stored with each decision\n",
              lists.empty() ? " (the rules read none)" : (":" + lists).c_str());
  std::printf("  %-15s %9s %7s %7s %10s  %s\n", "", "decisions", "fraud", "legit", "unlabelled", "amounts");
  PrintBucket("would block", s.block);
  PrintBucket("would review", s.review);
  PrintBucket("would allow", s.allow);
  PrintBucket("newly blocked", s.newly_blocked);
  PrintBucket("newly reviewed", s.newly_reviewed);
  PrintBucket("newly allowed", s.newly_allowed);
  std::printf("  %-15s %9zu\n", "unchanged", s.unchanged);
  std::printf("labelled: %zu fraud, %zu legitimate; fraud caught (blocked or reviewed) %zu, recall %s (stored "
              "decisions caught %zu); precision over labelled %s\n",
              s.labelled_fraud, s.labelled_legitimate, s.caught, Share(s.recall).c_str(), s.caught_before,
              Share(s.precision).c_str());
  for (const fraud::BacktestRule& r : s.rules) {
    std::printf("  line %d: fired %zu (%zu on labelled fraud), decided %zu: %s\n", r.line, r.fired, r.fired_on_fraud,
                r.decided, r.text.c_str());
  }
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
      "fraud", "train on one window of a labelled stream, test on a later one: AUC, AP, card precision@100; or "
               "score a later window of the decision log with a model trained on it (--from-decisions)");
  auto e = std::make_shared<EvalArgs>();
  auto* eval_transactions =
      eval_fraud
          ->add_option("--transactions", e->transactions, "stream CSV (or .gz): tx_id,datetime,customer_id,terminal_id,amount,fraud")
          ->check(CLI::ExistingFile);
  auto* eval_train_start =
      eval_fraud->add_option("--train-start", e->train_start, "first training day, YYYY-MM-DD")->capture_default_str();
  eval_fraud->add_option("--train-days", e->o.train_days, "training days")->check(CLI::Range(1, 90))->capture_default_str();
  eval_fraud->add_option("--delay-days", e->o.delay_days, "label delay in days")->check(CLI::Range(1, 90))->capture_default_str();
  eval_fraud->add_option("--test-days", e->o.test_days, "test days")->check(CLI::Range(1, 90))->capture_default_str();
  eval_fraud->add_option("--seed", e->o.train.seed, "training seed")->capture_default_str();
  eval_fraud->add_flag("--select-features", e->o.train.select_features,
                       "choose the model's feature families on the training window first (as train fraud does)");
  auto* eval_predictions =
      eval_fraud->add_option("--predictions", e->predictions, "write tx_id,score for every test-window transaction");
  auto* eval_decisions = eval_fraud->add_flag(
      "--from-decisions", e->from_decisions,
      "score the stored screenings of [--since, --until] with --model (trained by `train fraud --from-decisions` on an "
      "earlier window), labelled as training labels them");
  eval_decisions->excludes(eval_transactions)->excludes(eval_train_start)->excludes(eval_predictions);
  eval_fraud->add_option("--model", e->model, "with --from-decisions: the model directory")->needs(eval_decisions);
  eval_fraud->add_option("--since", e->since, "with --from-decisions: first day, YYYY-MM-DD (UTC)")->needs(eval_decisions);
  eval_fraud->add_option("--until", e->until, "with --from-decisions: last day, YYYY-MM-DD (UTC; default: today)")
      ->needs(eval_decisions);
  eval_fraud->add_option("--label-delay-days", e->label_delay_days,
                         "with --from-decisions: an unlabelled decision counts as legitimate once this many days old")
      ->check(CLI::Range(1, fraud::kMaxTrainingLabelDelayDays))
      ->capture_default_str()
      ->needs(eval_decisions);
  AddDatabaseOptions(eval_fraud, e->db);
  eval_fraud->callback([e, action] { *action = [e] { return RunEval(*e); }; });

  auto* train_fraud = app.get_subcommand("train")->add_subcommand(
      "fraud", "train the fraud model on a labelled stream replayed through the feature engine, or on the stored "
               "screenings (--from-decisions)");
  auto t = std::make_shared<TrainArgs>();
  auto* transactions = train_fraud->add_option("--transactions", t->transactions, "stream CSV (or .gz)")
                           ->check(CLI::ExistingFile);
  auto* train_start = train_fraud->add_option(
      "--train-start", t->train_start, "first training day, YYYY-MM-DD (default: the last days whose labels are all known)");
  auto* train_days =
      train_fraud->add_option("--train-days", t->train_days, "training days")->check(CLI::Range(1, 90))->capture_default_str();
  train_fraud->add_option("--delay-days", t->delay_days,
                          "the feature engine's label delay in days (with --from-decisions: the one the server screened "
                          "them with, its fraud model's or 7 without one; the model keeps it)")
      ->check(CLI::Range(1, 90))
      ->capture_default_str();
  auto* from_decisions = train_fraud->add_flag(
      "--from-decisions", t->from_decisions,
      "train on the stored screenings (at most " + std::to_string(fraud::kMaxTrainingDecisions) +
          " decisions in the window) with the feature values stored with them, instead of a stream");
  from_decisions->excludes(transactions)->excludes(train_start)->excludes(train_days);
  train_fraud->add_option("--since", t->since, "with --from-decisions: first day, YYYY-MM-DD (UTC)")->needs(from_decisions);
  train_fraud->add_option("--until", t->until, "with --from-decisions: last day, YYYY-MM-DD (UTC; default: today)")
      ->needs(from_decisions);
  train_fraud->add_option("--label-delay-days", t->label_delay_days,
                          "with --from-decisions: an unlabelled decision counts as legitimate once this many days old, "
                          "and is left out before")
      ->check(CLI::Range(1, fraud::kMaxTrainingLabelDelayDays))
      ->capture_default_str()
      ->needs(from_decisions);
  AddDatabaseOptions(train_fraud, t->db);
  train_fraud->add_option("--seed", t->o.seed, "training seed")->capture_default_str();
  train_fraud->add_flag("--select-features", t->o.select_features,
                        "leave out the feature families that mislead on the latest 30 % of the training rows "
                        "(backward elimination; the model's fraud_model.json records what was tried)");
  train_fraud->add_option("--out", t->out, "model directory to write")->required();
  train_fraud->callback([t, action] { *action = [t] { return RunTrain(*t); }; });

  auto* fraud_cmd = app.add_subcommand("fraud", "fraud rules");
  fraud_cmd->require_subcommand(1);
  auto* backtest = fraud_cmd->add_subcommand(
      "backtest", "what candidate rules would have done to the stored fraud decisions, with their labels");
  auto b = std::make_shared<BacktestArgs>();
  backtest->add_option("--rule", b->rule, "the rules as text (one rule, or several separated by newlines)");
  backtest->add_option("--rules-file", b->rules_file, "a file holding the rules")->check(CLI::ExistingFile);
  backtest->add_option("--since", b->since, "first day, YYYY-MM-DD (UTC)")->required();
  backtest->add_option("--until", b->until, "last day, YYYY-MM-DD (UTC; default: today)");
  AddDatabaseOptions(backtest, b->db);
  backtest->add_flag("--json", b->json, "print the summary as the API renders it");
  backtest->callback([b, action] { *action = [b] { return RunBacktest(*b); }; });
}

}  // namespace tranche::cli
