#include "cli/sim_commands.h"

#include <nlohmann/json.hpp>
#include <sys/resource.h>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>
#include <sstream>

#include "app/platform.h"
#include "cli/assistant_commands.h"
#include "cli/fail.h"
#include "core/csv_writer.h"
#include "core/date_range.h"
#include "ledger/posting.h"
#include "ml/csv.h"
#include "ops/views.h"
#include "ops/reconciliation.h"
#include "sim/driver.h"
#include "automation/scorecard.h"
#include "store/sqlite/in_memory_store.h"
#include "cli/database.h"
#include "store/sqlite/sqlite_store.h"

namespace tranche::cli {

namespace {

constexpr std::int64_t kDemoHistoryConsumers = 300;
constexpr double kDemoContactsPerMonth = 1;

struct SimulateArgs {
  std::string config;
  std::string out;
  std::int64_t consumers = 0;
  int days = 0;
  std::uint64_t seed = 0;
  std::string start;
  bool in_memory = false;
  bool no_files = false;
  std::string intent_model = "auto";
};

// The assistant's support desk for a run, when it has understanding (which must outlive
// the desk): that and the held-out utterances consumers say.
struct Desk {
  std::optional<sim::Phrasebook> phrases;
  std::optional<sim::SupportDesk> desk;

  static Result<std::unique_ptr<Desk>> Open(const assist::UnderstandingModels* understanding) {
    auto d = std::make_unique<Desk>();
    if (understanding == nullptr) return d;
    TRANCHE_ASSIGN_OR_RETURN(d->phrases, sim::Phrasebook::Load(HeldOutUtterancesCsv()));
    d->desk.emplace(sim::SupportDesk{*understanding->intents, *understanding->language, *d->phrases});
    return d;
  }
  const sim::SupportDesk* get() const { return desk ? &*desk : nullptr; }
};

int Simulate(const SimulateArgs& a) {
  auto config = a.config.empty() ? Result<sim::SimConfig>(sim::DefaultConfig()) : sim::LoadConfig(a.config);
  if (!config.ok()) return Fail(config.status());
  sim::SimConfig c = *config;
  if (a.consumers > 0) c.consumers = std::min(a.consumers, sim::kMaxConsumers);
  if (a.days > 0) c.days = std::min(a.days, sim::kMaxDays);
  if (a.seed > 0) c.seed = a.seed;
  if (!a.start.empty()) {
    const auto d = ParseDate(a.start);
    if (!d) return Fail(Status::InvalidArgument("invalid_date", "--start must be YYYY-MM-DD"));
    c.start_date = *d;
  }
  const std::string db = (std::filesystem::path(a.out) / "tranche.db").string();
  if (std::filesystem::exists(db)) {
    return Fail(Status::InvalidArgument("run_exists", a.out + " already holds a run; choose another --out"));
  }
  std::filesystem::create_directories(a.out);
  auto understanding = ChooseUnderstanding(a.intent_model, (std::filesystem::path(a.out) / "models/intents-bnpl").string());
  if (!understanding.ok()) return Fail(understanding.status());
  auto desk = Desk::Open(understanding->has_value() ? &**understanding : nullptr);
  if (!desk.ok()) return Fail(desk.status());
  SystemClock system;
  std::unique_ptr<store::Store> store;
  if (a.in_memory) {
    auto s = store::sqlite::InMemoryStore::Open(system.Now());
    if (!s.ok()) return Fail(s.status());
    store = std::move(s).value();
  } else {
    // A run that dies is run again: its commits need not wait for the disk.
    store::sqlite::SqliteOptions unsynced{db};
    unsynced.sync_commits = false;
    auto s = store::sqlite::OpenSqliteStore(unsynced, system, true);
    if (!s.ok()) return Fail(s.status());
    store = std::move(s).value();
  }
  sim::RunOptions options{a.out, true, !a.no_files, (*desk)->get()};
  auto summary = sim::Run(c, *store, options);
  if (!summary.ok()) return Fail(summary.status());
  std::optional<ledger::VerifyReport> verify;
  if (Status st = store->Read([&](store::Tx& tx) -> Status {
        TRANCHE_ASSIGN_OR_RETURN(verify, ledger::Verify(tx.ledger()));
        return Status::Ok();
      });
      !st.ok()) {
    return Fail(st);
  }
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::string json = sim::SummaryJson(*summary);
  json.insert(json.size() - 2, ",\n  \"peak_rss_mib\": " + std::to_string(usage.ru_maxrss / 1024) +
                                   ",\n  \"ledger_ok\": " + (verify->ok() ? "true" : "false"));
  if (Status st = WriteText((std::filesystem::path(a.out) / "summary.json").string(), json + "\n"); !st.ok()) {
    return Fail(st);
  }
  std::printf("%s\n", json.c_str());
  return verify->ok() ? 0 : 1;
}

// Limits on what a run's report reads: sums of amounts stay far inside int64 (9 million
// rows of at most 10^12 minor units each).
constexpr std::size_t kMaxReportRows = 9'000'000;

// Reads a run's CSV file `path` row by row: every name in `columns` must be in its
// header, and `row` gets each record's cells in the order of `columns`. Refused with
// `code`: a missing column, a record of the wrong width, more than kMaxReportRows
// records, or what `row` refuses (a message naming the line).
Status ReadRunTable(const std::string& path, std::string_view code, const std::vector<std::string_view>& columns,
                    const std::function<std::optional<std::string>(const std::vector<std::string>&)>& row) {
  TRANCHE_ASSIGN_OR_RETURN(const std::string text, ml::ReadTextFile(path));
  ml::CsvRecords records(text);
  std::vector<std::string> cells;
  TRANCHE_ASSIGN_OR_RETURN(bool any, records.Next(cells));
  const std::vector<std::string> header = cells;
  std::vector<std::size_t> at;
  for (std::string_view name : columns) {
    const auto it = std::find(header.begin(), header.end(), name);
    if (!any || it == header.end()) {
      return Status::InvalidArgument(std::string(code), path + " needs the column " + std::string(name));
    }
    at.push_back(static_cast<std::size_t>(it - header.begin()));
  }
  std::vector<std::string> picked(columns.size());
  for (std::size_t rows = 0;; ++rows) {
    TRANCHE_ASSIGN_OR_RETURN(any, records.Next(cells));
    if (!any) return Status::Ok();
    std::optional<std::string> refused;
    if (rows == kMaxReportRows) {
      refused = "more than " + std::to_string(kMaxReportRows) + " records";
    } else if (cells.size() != header.size()) {
      refused = "not as many cells as the header";
    } else {
      for (std::size_t i = 0; i < at.size(); ++i) picked[i] = cells[at[i]];
      refused = row(picked);
    }
    if (refused) {
      return Status::InvalidArgument(std::string(code), path + " line " + std::to_string(records.line()) + ": " + *refused);
    }
  }
}

// An integer in [min, max], or nothing.
std::optional<std::int64_t> ParseBounded(const std::string& text, std::int64_t min, std::int64_t max) {
  std::int64_t v = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size() || v < min || v > max) return std::nullopt;
  return v;
}

// The run's checkouts (purchases.csv: day, decision, true_fraud, currency and amount),
// for the report's approval, fraud and loss rates. Refused: a malformed file, a day
// outside the run, an amount out of bounds.
Result<std::vector<automation::CheckoutOutcome>> ReadCheckouts(const std::string& path, int days) {
  std::vector<automation::CheckoutOutcome> out;
  TRANCHE_RETURN_IF_ERROR(ReadRunTable(
      path, "bad_purchases_file", {"day", "decision", "true_fraud", "currency", "amount_minor"},
      [&](const std::vector<std::string>& c) -> std::optional<std::string> {
        const auto day = ParseBounded(c[0], 0, days - 1);
        if (!day) return "a day outside the run";
        const auto currency = ParseCurrency(c[3]);
        if (!currency) return "an unknown currency";
        const auto amount = ParseBounded(c[4], 0, kMaxInputAmountMinor);
        if (!amount) return "an amount out of bounds";
        out.push_back({static_cast<int>(*day), c[1] != "declined", c[1] == "review", !c[2].empty(), *currency, *amount});
        return std::nullopt;
      }));
  return out;
}

// The run's losses (losses.csv: day, currency, credit and fraud losses that day).
Result<std::vector<automation::DayLosses>> ReadLosses(const std::string& path, int days) {
  std::vector<automation::DayLosses> out;
  TRANCHE_RETURN_IF_ERROR(ReadRunTable(
      path, "bad_losses_file", {"day", "currency", "credit_loss_minor", "fraud_loss_minor"},
      [&](const std::vector<std::string>& c) -> std::optional<std::string> {
        const auto day = ParseBounded(c[0], 0, days - 1);
        if (!day) return "a day outside the run";
        const auto currency = ParseCurrency(c[1]);
        if (!currency) return "an unknown currency";
        const auto credit = ParseBounded(c[2], -kMaxInputAmountMinor, kMaxInputAmountMinor);
        const auto fraud = ParseBounded(c[3], -kMaxInputAmountMinor, kMaxInputAmountMinor);
        if (!credit || !fraud) return "an amount out of bounds";
        out.push_back({static_cast<int>(*day), *currency, *credit, *fraud});
        return std::nullopt;
      }));
  return out;
}

// The run's queues (queues.csv: type, queued_at, decided_at, empty while it waits).
// Refused: a malformed file, an unknown type, a time that is not RFC 3339 or falls
// outside the run (work may join a queue at the run's last midnight, when the last
// settlement file is reconciled, but is decided before it).
Result<std::vector<automation::QueuedItem>> ReadQueues(const std::string& path, const DateRange& run) {
  const Instant from = run.from();
  const Instant to = run.to();
  std::vector<automation::QueuedItem> out;
  TRANCHE_RETURN_IF_ERROR(ReadRunTable(
      path, "bad_queues_file", {"type", "queued_at", "decided_at"},
      [&](const std::vector<std::string>& c) -> std::optional<std::string> {
        const auto type = automation::ParseWorkType(c[0]);
        if (!type) return "an unknown type of work";
        const auto queued = ParseRfc3339(c[1]);
        const auto decided = c[2].empty() ? std::optional<Instant>() : ParseRfc3339(c[2]);
        if (!queued || (!c[2].empty() && !decided)) return "a time that is not RFC 3339";
        if (*queued < from || *queued > to || (decided && (*decided < from || *decided >= to))) {
          return "a time outside the run";
        }
        out.push_back({*type, *queued, decided});
        return std::nullopt;
      }));
  return out;
}

int ReportAutomation(const std::string& run, const std::string& out_dir) {
  auto work_text = ReadText((std::filesystem::path(run) / "work.json").string());
  if (!work_text.ok()) return Fail(work_text.status());
  auto work = automation::WorkTally::FromJson(*work_text);
  if (!work.ok()) return Fail(work.status());
  auto config = sim::LoadConfig((std::filesystem::path(run) / "config.json").string());
  if (!config.ok()) return Fail(config.status());
  const automation::Scorecard score = automation::Score(*work, config->staffing);
  const std::string dir = out_dir.empty() ? run : out_dir;
  std::filesystem::create_directories(dir);
  auto checkouts = ReadCheckouts((std::filesystem::path(run) / "purchases.csv").string(), score.days);
  if (!checkouts.ok()) return Fail(checkouts.status());
  const automation::CheckoutWeeks weeks = automation::CheckoutsByWeek(*checkouts, score.days);
  // A run recorded before losses.csv existed gets its report without the losses chart.
  const std::string losses_path = (std::filesystem::path(run) / "losses.csv").string();
  std::optional<std::vector<automation::LossWeeks>> loss_weeks;
  if (std::filesystem::exists(losses_path)) {
    auto losses = ReadLosses(losses_path, score.days);
    if (!losses.ok()) return Fail(losses.status());
    loss_weeks = automation::LossesByWeek(*checkouts, *losses, score.days);
  }
  // Likewise a run recorded before queues.csv, without the waits for a person.
  const std::string queues_path = (std::filesystem::path(run) / "queues.csv").string();
  std::optional<std::vector<automation::QueueWeeks>> queue_weeks;
  std::optional<std::vector<automation::QueueAge>> queue_ages;
  if (std::filesystem::exists(queues_path)) {
    const DateRange run_dates{config->start_date, AddDays(config->start_date, score.days - 1)};
    auto queued = ReadQueues(queues_path, run_dates);
    if (!queued.ok()) return Fail(queued.status());
    queue_weeks = automation::QueueWaitsByWeek(*queued, config->start_date, score.days);
    queue_ages = automation::QueueAges(*queued, run_dates.to());  // as the run ended
  }
  const std::string json = automation::ScorecardJson(score, queue_ages ? &*queue_ages : nullptr);
  const automation::ReportSeries series{&weeks, loss_weeks ? &*loss_weeks : nullptr,
                                        queue_weeks ? &*queue_weeks : nullptr, queue_ages ? &*queue_ages : nullptr};
  for (const auto& [name, text] : {std::pair{"automation.json", json + "\n"},
                                   std::pair{"automation.html", automation::ScorecardHtml(score, run, series)}}) {
    if (Status st = WriteText((std::filesystem::path(dir) / name).string(), text); !st.ok()) return Fail(st);
  }
  std::printf("%s\nwrote %s/automation.json and %s/automation.html\n", json.c_str(), dir.c_str(), dir.c_str());
  return 0;
}

struct ReconcileArgs {
  std::string file;
  std::string date;
  DatabaseArgs db;
  std::int64_t tolerance_minor = 100;
};

// Reconciles one settlement file against the ledger's movements since the last run
// (ops::ReconcileFile): posts the fees, the differences and the chargebacks the rules
// resolve, labels the charged-back orders fraud and queues the exceptions for
// operators, in one transaction. Files are taken in date order, each once.
int Reconcile(const ReconcileArgs& a) {
  const auto date = ParseDate(a.date);
  if (!date) return Fail(Status::InvalidArgument("invalid_date", "--date must be YYYY-MM-DD"));
  auto text = ReadText(a.file);
  if (!text.ok()) return Fail(text.status());
  auto lines = recon::ParseFile(*text);
  if (!lines.ok()) return Fail(lines.status());
  SystemClock system;
  auto store = OpenDatabase(a.db, system);
  if (!store.ok()) return Fail(store.status());
  SecureRandom random;
  IdGenerator ids(system, random);
  ops::FileOutcome outcome;
  if (Status st = (*store)->Write([&](store::Tx& tx) -> Status {
        TRANCHE_ASSIGN_OR_RETURN(outcome, ops::ReconcileFile(tx, ids, system.Now(), nullptr, *date, *lines,
                                                             recon::MatchRules{a.tolerance_minor}));
        return Status::Ok();
      });
      !st.ok()) {
    return Fail(st);
  }
  std::printf("%s\n", ops::ReconDayJson(outcome).dump(2).c_str());
  return 0;
}

}  // namespace

Result<int> ParseHistoryDays(const std::string& text) {
  std::string digits = text;
  if (!digits.empty() && digits.back() == 'd') digits.pop_back();
  if (digits.empty() || digits.size() > 4 || digits.find_first_not_of("0123456789") != std::string::npos) {
    return Status::InvalidArgument("invalid_history", "--history is a number of days, e.g. 90d");
  }
  const int days = std::stoi(digits);
  if (days > sim::kMaxDays) return Status::InvalidArgument("invalid_history", "--history is at most 3650d");
  return days;
}

Status SimulateDemoHistory(store::Store& store, int days, Date today,
                           const assist::UnderstandingModels* understanding) {
  sim::SimConfig c = sim::DefaultConfig();
  c.consumers = kDemoHistoryConsumers;
  c.days = days;
  // Ends the day before yesterday: the platform closes yesterday itself when it starts.
  c.start_date = AddDays(today, -days - 1);
  // Customers who write in more than the default's, so that a small book still has
  // conversations (and hand-offs) to show.
  c.consumer.contacts_per_month = kDemoContactsPerMonth;
  TRANCHE_ASSIGN_OR_RETURN(auto desk, Desk::Open(understanding));
  sim::RunOptions o{"", true, false, desk->get()};
  o.last_day_to_people = true;  // the console's queues hold the last day's work
  TRANCHE_ASSIGN_OR_RETURN(auto summary, sim::Run(c, store, o));
  std::fprintf(stderr,
               "tranche: simulated %d days of history: %lld checkouts, %lld disputes, %lld settlements, "
               "%lld conversations with the assistant (%lld handed off)\n",
               days, static_cast<long long>(summary.purchases), static_cast<long long>(summary.disputes),
               static_cast<long long>(summary.settlements), static_cast<long long>(summary.assistant_contacts),
               static_cast<long long>(summary.assistant_handoffs));
  return Status::Ok();
}

void AddSimCommands(CLI::App& app, std::function<int()>* action) {
  auto args = std::make_shared<SimulateArgs>();
  auto* simulate = app.add_subcommand("simulate", "run a simulated BNPL business through the real engine");
  simulate->add_option("--config", args->config, "configuration file (docs/SIMULATOR.md); default: built-in defaults");
  simulate->add_option("--out", args->out, "output directory (ground truth, settlement files, the store)")->required();
  simulate->add_option("--consumers", args->consumers, "override the number of consumers")->check(CLI::PositiveNumber);
  simulate->add_option("--days", args->days, "override the number of days")->check(CLI::PositiveNumber);
  simulate->add_option("--seed", args->seed, "override the seed")->check(CLI::PositiveNumber);
  simulate->add_option("--start", args->start, "override the first business date, YYYY-MM-DD");
  simulate->add_flag("--in-memory", args->in_memory, "keep the store in memory (no tranche.db)");
  simulate->add_flag("--no-settlement-files", args->no_files, "do not keep the daily settlement files");
  simulate->add_option("--intent-model", args->intent_model,
                       "the assistant customers' contacts go to: a model directory (tranche train intents), "
                       "'auto' (train the BNPL model into the run directory) or 'none' (every contact to a person)")
      ->capture_default_str();
  simulate->callback([args, action] { *action = [args] { return Simulate(*args); }; });

  auto rec = std::make_shared<ReconcileArgs>();
  auto* reconcile = app.add_subcommand("reconcile", "match a processor's settlement file against the ledger");
  reconcile->add_option("--file", rec->file, "settlement file (CSV, docs/SIMULATOR.md)")->required()->check(CLI::ExistingFile);
  reconcile->add_option("--date", rec->date, "the file's business date, YYYY-MM-DD")->required();
  AddDatabaseOptions(reconcile, rec->db);
  reconcile->add_option("--tolerance", rec->tolerance_minor, "differences written off automatically, minor units")
      ->check(CLI::Range(0, 100'000))->capture_default_str();
  reconcile->callback([rec, action] { *action = [rec] { return Reconcile(*rec); }; });

  auto run = std::make_shared<std::pair<std::string, std::string>>();
  // `report` may exist already (report decisions, cli/credit_commands.h).
  CLI::App* report = nullptr;
  for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) {
    if (sub->get_name() == "report") report = sub;
  }
  if (report == nullptr) report = app.add_subcommand("report", "reports")->require_subcommand(1);
  auto* automation = report->add_subcommand("automation", "the automation scorecard of a simulated run");
  automation->add_option("--run", run->first, "a `tranche simulate` output directory")->required();
  automation->add_option("--out", run->second, "where to write automation.json and .html (default: the run)");
  automation->callback([run, action] { *action = [run] { return ReportAutomation(run->first, run->second); }; });
}

}  // namespace tranche::cli
