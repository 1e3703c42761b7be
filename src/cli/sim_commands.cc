#include "cli/sim_commands.h"

#include <sys/resource.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/platform.h"
#include "ledger/posting.h"
#include "sim/driver.h"
#include "sim/scorecard.h"
#include "store/sqlite/in_memory_store.h"
#include "store/sqlite/sqlite_store.h"

namespace tranche::cli {

namespace {

constexpr std::int64_t kDemoHistoryConsumers = 300;

int Fail(const Status& st) {
  std::fprintf(stderr, "tranche: %s\n", st.ToString().c_str());
  return 1;
}

Result<std::string> ReadText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::InvalidArgument("file_unreadable", "cannot read " + path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

Status WriteText(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  return out.fail() ? Status::Unavailable("cannot write " + path) : Status::Ok();
}

struct SimulateArgs {
  std::string config;
  std::string out;
  std::int64_t consumers = 0;
  int days = 0;
  std::uint64_t seed = 0;
  std::string start;
  bool in_memory = false;
  bool no_files = false;
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
  SystemClock system;
  std::unique_ptr<store::Store> store;
  if (a.in_memory) {
    auto s = store::sqlite::InMemoryStore::Open(system.Now());
    if (!s.ok()) return Fail(s.status());
    store = std::move(s).value();
  } else {
    auto s = store::sqlite::SqliteStore::Open(store::sqlite::SqliteOptions{db}, system, true);
    if (!s.ok()) return Fail(s.status());
    store = std::move(s).value();
  }
  sim::RunOptions options{a.out, true, !a.no_files};
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

int ReportAutomation(const std::string& run, const std::string& out_dir) {
  auto work_text = ReadText((std::filesystem::path(run) / "work.json").string());
  if (!work_text.ok()) return Fail(work_text.status());
  auto work = sim::WorkTally::FromJson(*work_text);
  if (!work.ok()) return Fail(work.status());
  auto config = sim::LoadConfig((std::filesystem::path(run) / "config.json").string());
  if (!config.ok()) return Fail(config.status());
  const sim::Scorecard score = sim::Score(*work, config->staffing);
  const std::string dir = out_dir.empty() ? run : out_dir;
  std::filesystem::create_directories(dir);
  const std::string json = sim::ScorecardJson(score);
  for (const auto& [name, text] : {std::pair{"automation.json", json + "\n"},
                                   std::pair{"automation.html", sim::ScorecardHtml(score, run)}}) {
    if (Status st = WriteText((std::filesystem::path(dir) / name).string(), text); !st.ok()) return Fail(st);
  }
  std::printf("%s\nwrote %s/automation.json and %s/automation.html\n", json.c_str(), dir.c_str(), dir.c_str());
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

Status SimulateDemoHistory(store::Store& store, int days, Date today) {
  sim::SimConfig c = sim::DefaultConfig();
  c.consumers = kDemoHistoryConsumers;
  c.days = days;
  // Ends the day before yesterday: the platform closes yesterday itself when it starts.
  c.start_date = AddDays(today, -days - 1);
  TRANCHE_ASSIGN_OR_RETURN(auto summary, sim::Run(c, store, sim::RunOptions{"", true, false}));
  std::fprintf(stderr, "tranche: simulated %d days of history: %lld checkouts, %lld disputes, %lld settlements\n", days,
               static_cast<long long>(summary.purchases), static_cast<long long>(summary.disputes),
               static_cast<long long>(summary.settlements));
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
  simulate->callback([args, action] { *action = [args] { return Simulate(*args); }; });

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
