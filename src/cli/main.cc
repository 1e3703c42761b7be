// tranche: the command line. Every subcommand answers --help.
#include <CLI/CLI.hpp>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <iostream>

#include "app/demo.h"
#include "app/platform.h"
#include "assist/nlu_understanding.h"
#include "cli/assistant_commands.h"
#include "cli/credit_commands.h"
#include "cli/fraud_commands.h"
#include "cli/intent_commands.h"
#include "cli/sim_commands.h"
#include "cli/store_commands.h"
#include "ledger/posting.h"
#include "onboarding/onboarding.h"

namespace {

using tranche::Result;
using tranche::Status;
using tranche::app::Platform;
using tranche::app::PlatformOptions;

int Fail(const Status& st) {
  std::fprintf(stderr, "tranche: %s\n", st.ToString().c_str());
  return 1;
}

// Blocks SIGINT and SIGTERM in every thread started after this, so the main thread
// can wait for them with sigwait and shut down in order.
sigset_t BlockStopSignals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  return set;
}

void WaitForStopSignal(const sigset_t& set) {
  int sig = 0;
  sigwait(&set, &sig);
  std::fprintf(stderr, "tranche: received signal %d, stopping\n", sig);
}

// Writes `content` to a file only its owner can read, whatever its mode was before.
Status WriteSecretFile(const std::string& path, const std::string& content) {
  const int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) return Status::Unavailable("cannot write " + path);
  bool ok = fchmod(fd, 0600) == 0;
  for (std::size_t done = 0; ok && done < content.size();) {
    const ssize_t n = write(fd, content.data() + done, content.size() - done);
    ok = n > 0;
    if (ok) done += static_cast<std::size_t>(n);
  }
  ok = close(fd) == 0 && ok;
  return ok ? Status::Ok() : Status::Unavailable("cannot write " + path);
}

Result<std::unique_ptr<Platform>> OpenPlatform(PlatformOptions options) {
  return Platform::Open(std::move(options));
}

// The assistant's understanding for `serve --intent-model DIR` and `demo --intent-model`:
// "" or "none" leaves the assistant off (its routes answer 503); "auto" (the demo) trains
// the BNPL model from the shipped data on first run; anything else is a model directory.
// The platform keeps pointers into `*out`, which must outlive it.
Status UseUnderstanding(const std::string& model, const std::string& data_dir, tranche::assist::UnderstandingModels* out,
                        PlatformOptions& options) {
  auto u = tranche::cli::ChooseUnderstanding(model, data_dir + "/models/intents-bnpl");
  if (!u.ok()) return u.status();
  if (!u->has_value()) return Status::Ok();
  *out = std::move(**u);
  options.intent_classifier = out->intents.get();
  options.language_detector = out->language.get();
  return Status::Ok();
}

int Serve(PlatformOptions options, const std::string& intent_model) {
  const sigset_t signals = BlockStopSignals();
  tranche::assist::UnderstandingModels understanding;
  if (Status st = UseUnderstanding(intent_model, options.data_dir, &understanding, options); !st.ok()) {
    return Fail(st);
  }
  auto platform = OpenPlatform(options);
  if (!platform.ok()) return Fail(platform.status());
  if (Status st = (*platform)->Start(); !st.ok()) return Fail(st);
  // The database named without its credentials: logs never carry a password.
  std::fprintf(stderr, "tranche: serving on http://%s:%u (node %s, database %s, files in %s)\n",
               options.server.address.c_str(), (*platform)->port(), (*platform)->node_id().c_str(),
               tranche::store::DescribeLocation(tranche::app::StoreLocation(options)).c_str(), options.data_dir.c_str());
  WaitForStopSignal(signals);
  (*platform)->Stop();
  return 0;
}

int Demo(PlatformOptions options, const std::string& keys_file, const std::string& training_csv,
         const std::string& history, const std::string& intent_model, const std::string& fraud_model) {
  int history_days = 0;
  if (!history.empty()) {
    auto days = tranche::cli::ParseHistoryDays(history);
    if (!days.ok()) return Fail(days.status());
    history_days = *days;
  }
  const sigset_t signals = BlockStopSignals();
  options.migrate = true;
  options.allow_private_webhook_targets = true;  // a local demo posts to local receivers
  // The demo runs in real time, and operators may jump ahead to watch servicing happen.
  static tranche::ShiftedClock demo_clock;
  options.adjustable_clock = &demo_clock;
  // "auto": the demo's own model, trained on first run; "none": policy rules only.
  if (options.credit_model_dir == "auto") {
    auto dir = tranche::app::EnsureDemoCreditModel(options.data_dir + "/models/credit-default", training_csv);
    if (!dir.ok()) return Fail(dir.status());
    options.credit_model_dir = *dir;
  } else if (options.credit_model_dir == "none") {
    options.credit_model_dir.clear();
  }
  // The same for fraud: "auto" trains the demo's model on a simulated card stream once.
  if (fraud_model == "auto") {
    auto dir = tranche::app::EnsureDemoFraudModel(options.data_dir + "/models/fraud-demo");
    if (!dir.ok()) return Fail(dir.status());
    options.fraud_model_dir = *dir;
  } else if (fraud_model != "none") {
    options.fraud_model_dir = fraud_model;
  }
  tranche::assist::UnderstandingModels understanding;
  if (Status st = UseUnderstanding(intent_model, options.data_dir, &understanding, options); !st.ok()) {
    return Fail(st);
  }
  if (!options.web_dir.empty() && !std::filesystem::is_directory(options.web_dir)) {
    std::fprintf(stderr, "tranche: no web front end at %s (build it: cd web && npm ci && npm run build); "
                 "serving the API only\n", options.web_dir.c_str());
    options.web_dir.clear();
  }
  auto platform = OpenPlatform(options);
  if (!platform.ok()) return Fail(platform.status());
  Platform& p = **platform;
  auto creds = tranche::app::EnsureDemoWorld(p.services());
  if (!creds.ok()) return Fail(creds.status());
  // A new world may start from a simulated history: plans in every state, settlements,
  // disputes. Before the server starts, so nothing else writes meanwhile.
  if (history_days > 0 && creds->created) {
    const tranche::Date today = tranche::DateOf(p.clock().Now());
    const tranche::assist::UnderstandingModels* support = understanding.intents ? &understanding : nullptr;
    if (Status st = tranche::cli::SimulateDemoHistory(p.store(), history_days, today, support); !st.ok()) {
      return Fail(st);
    }
  }
  // The keys file exists before the server answers, so scripts can wait on /healthz.
  if (!keys_file.empty()) {
    if (Status st = WriteSecretFile(keys_file, tranche::app::DemoCredentialsJson(*creds) + "\n");
        !st.ok()) {
      return Fail(st);
    }
  }
  // The demo shop sells for the first demo merchant; its key stays in this process.
  p.EnableDemoShop(creds->merchants.front());
  if (Status st = p.Start(); !st.ok()) return Fail(st);
  std::cout << tranche::app::DemoBanner(*creds, options.server.address, p.port(), !options.web_dir.empty())
            << std::flush;
  WaitForStopSignal(signals);
  p.Stop();
  return 0;
}

int Migrate(const PlatformOptions& options) {
  if (options.database.empty()) std::filesystem::create_directories(options.data_dir);
  auto st = tranche::store::MigrateStore(tranche::app::StoreLocation(options), tranche::SystemClock().Now());
  if (!st.ok()) return Fail(st.status());
  std::printf("schema at version %d (latest %d)\n", st->current_version, st->latest_version);
  return 0;
}

int CreateOperator(PlatformOptions options, const std::string& name) {
  auto platform = OpenPlatform(options);
  if (!platform.ok()) return Fail(platform.status());
  Platform& p = **platform;
  tranche::onboarding::Issued key;
  Status st = p.store().Write([&](tranche::store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(key, tranche::onboarding::CreateOperator(tx, name, p.ids(), p.random(),
                                                                      p.clock().Now()));
    return Status::Ok();
  });
  if (!st.ok()) return Fail(st);
  std::printf("operator %s\nkey %s  (shown once; store it now)\n", key.principal_id.c_str(),
              key.secret.c_str());
  return 0;
}

int CreateMerchant(PlatformOptions options, tranche::merchants::MerchantDraft draft) {
  if (Status st = tranche::merchants::ValidateMerchant(draft); !st.ok()) return Fail(st);
  auto platform = OpenPlatform(options);
  if (!platform.ok()) return Fail(platform.status());
  Platform& p = **platform;
  std::optional<tranche::onboarding::NewMerchant> created;
  Status st = p.store().Write([&](tranche::store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(created, tranche::onboarding::CreateMerchant(tx, draft, p.ids(),
                                                                          p.random(), p.clock().Now()));
    return Status::Ok();
  });
  if (!st.ok()) return Fail(st);
  const tranche::merchants::Onboarding& onboarding = created->merchant.onboarding;
  std::string findings;
  for (const std::string& f : onboarding.findings) findings += " " + f;
  std::printf("merchant %s\nonboarding %s%s\n", created->merchant.id.c_str(),
              std::string(tranche::merchants::OnboardingStatusName(onboarding.status)).c_str(), findings.c_str());
  if (created->key) std::printf("key %s  (shown once; store it now)\n", created->key->secret.c_str());
  return 0;
}

int VerifyLedger(PlatformOptions options) {
  auto platform = OpenPlatform(options);
  if (!platform.ok()) return Fail(platform.status());
  std::optional<tranche::ledger::VerifyReport> report;
  std::int64_t entries = 0;
  Status st = (*platform)->store().Read([&](tranche::store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(report, tranche::ledger::Verify(tx.ledger()));
    TRANCHE_ASSIGN_OR_RETURN(entries, tx.ledger().CountEntries());
    return Status::Ok();
  });
  if (!st.ok()) return Fail(st);
  std::printf("entries: %lld  accounts checked: %lld\n", static_cast<long long>(entries),
              static_cast<long long>(report->accounts_checked));
  for (const auto& a : report->mismatched_accounts) {
    std::printf("MISMATCH account %s: maintained balance differs from its entries\n", a.c_str());
  }
  for (const auto& e : report->unbalanced_entries) {
    std::printf("UNBALANCED entry %s\n", e.c_str());
  }
  for (auto c : report->unbalanced_currencies) {
    std::printf("UNBALANCED trial balance in %s\n", std::string(tranche::CurrencyCode(c)).c_str());
  }
  std::printf("%s\n", report->ok() ? "ledger OK" : "ledger has differences");
  return report->ok() ? 0 : 1;
}

// Closes business dates through `date` (default: yesterday), catching up from the last
// closed one, and prints each date's report as a JSON line.
int CloseBusiness(PlatformOptions options, const std::string& date) {
  options.close_business_dates = false;  // this command closes, not the platform's thread
  auto platform = OpenPlatform(options);
  if (!platform.ok()) return Fail(platform.status());
  Platform& p = **platform;
  const std::optional<tranche::Date> target =
      date.empty() ? std::optional(tranche::AddDays(tranche::DateOf(p.clock().Now()), -1)) : tranche::ParseDate(date);
  if (!target) return Fail(Status::InvalidArgument("invalid_date", "--date must be YYYY-MM-DD"));
  auto reports = p.CloseThrough(*target);
  if (!reports.ok()) return Fail(reports.status());
  for (const auto& r : *reports) std::printf("%s\n", tranche::ops::CobReportJson(r).dump().c_str());
  return 0;
}

void AddDataDir(CLI::App* cmd, PlatformOptions& o) {
  // The last --data-dir wins, so scripts/run-demo.sh can pass a default that the
  // caller's own --data-dir overrides.
  cmd->add_option("--data-dir", o.data_dir, "directory holding the database")
      ->capture_default_str()
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
  cmd->add_option("--database", o.database,
                  "a PostgreSQL database (postgres://user@host:port/db) instead of the SQLite one in --data-dir")
      ->check([](const std::string& url) {
        const Status st = tranche::store::ValidateDatabaseUrl(url);
        return st.ok() ? std::string() : st.message();
      });
}

void AddServerOptions(CLI::App* cmd, PlatformOptions& o) {
  AddDataDir(cmd, o);
  cmd->add_option("--host", o.server.address, "address to listen on")->capture_default_str();
  cmd->add_option("--port", o.server.port, "port to listen on (0: any free port)")
      ->capture_default_str();
  cmd->add_option("--io-threads", o.server.io_threads, "threads reading and writing sockets")
      ->check(CLI::Range(1, 64))->capture_default_str();
  cmd->add_option("--workers", o.server.worker_threads, "threads running write requests")
      ->check(CLI::Range(1, 1024))->capture_default_str();
  cmd->add_option("--access-log", o.access_log, "access log: '-' for stderr, 'off', or a file")
      ->capture_default_str();
}

// A node of a fleet on one PostgreSQL database. The lease time bounds how long a node
// that died holds up what it had taken on: the daily close, and the webhook deliveries it
// claimed. At least 15 s, so it stays well past an attempt's time-outs.
void AddFleetOptions(CLI::App* cmd, PlatformOptions& o) {
  cmd->add_option("--node-id", o.node_id,
                  "this node's name in a fleet (leases and webhook claims name it); default: a new random one")
      ->check([](const std::string& id) {
        return !id.empty() && id.size() <= 64 ? std::string() : std::string("1 to 64 characters");
      });
  cmd->add_option_function<int>(
         "--lease-ttl", [&o](int seconds) { o.lease_ttl = std::chrono::seconds(seconds); },
         "seconds before another node takes over the work of a node that stopped (default 60)")
      ->check(CLI::Range(15, 600));
  cmd->add_flag("--allow-private-webhooks", o.allow_private_webhook_targets,
                "also deliver webhooks to loopback and private addresses (receivers inside your own network)");
}

void AddChallengerOptions(CLI::App* cmd, PlatformOptions& o) {
  cmd->add_option("--challenger-model", o.challenger_model_dir, "a challenger credit model directory");
  cmd->add_option("--challenger-share", o.challenger_share, "share of consumers the challenger decides (0-1)")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  cmd->add_flag("--challenger-shadow", o.challenger_shadow,
                "the challenger scores every application beside the champion and decides none");
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App cli{"tranche: an AI-first buy-now-pay-later platform"};
  cli.require_subcommand(1);
  PlatformOptions options;

  auto* serve = cli.add_subcommand("serve", "serve the API");
  AddServerOptions(serve, options);
  serve->add_option("--credit-model", options.credit_model_dir,
                    "credit model directory (tranche train credit); default: policy rules only");
  AddChallengerOptions(serve, options);
  serve->add_flag("--migrate", options.migrate, "apply pending schema migrations first");
  serve->add_option("--web-dir", options.web_dir,
                    "serve the web front end's built files (web/dist) from this directory");
  serve->add_option("--fraud-model", options.fraud_model_dir,
                    "fraud model directory (tranche train fraud); default: screening without a score");
  serve->add_option("--settlement-inbox", options.settlement_inbox_dir,
                    "where settlement_YYYY-MM-DD.csv files arrive for the daily close to reconcile; "
                    "default: <data-dir>/recon/inbox");
  std::string serve_intent_model;
  serve->add_option("--intent-model", serve_intent_model,
                    "the assistant's intent model directory (tranche train intents); default: assistant off");
  tranche::cli::AddLlmOptions(serve, options.assistant_llm);
  AddFleetOptions(serve, options);

  auto* demo = cli.add_subcommand("demo", "create the demo world if missing, print keys, serve");
  AddServerOptions(demo, options);
  std::string demo_credit_model = "auto";
  demo->add_option("--credit-model", demo_credit_model,
                   "credit model directory, 'auto' (train the demo model on first run) or 'none'")
      ->capture_default_str();
  AddChallengerOptions(demo, options);
  std::string demo_web_dir = TRANCHE_WEB_DIR;
  demo->add_option("--web-dir", demo_web_dir, "the web front end's built files ('' for none)")
      ->capture_default_str();
  std::string demo_intent_model = "auto";
  demo->add_option("--intent-model", demo_intent_model,
                   "the assistant's intent model directory, 'auto' (train the BNPL model on first run) "
                   "or 'none'")->capture_default_str();
  tranche::cli::AddLlmOptions(demo, options.assistant_llm);
  std::string demo_fraud_model = "auto";
  demo->add_option("--fraud-model", demo_fraud_model,
                   "fraud model directory, 'auto' (train the demo model on a simulated BNPL business on first run) "
                   "or 'none'")->capture_default_str();
  std::string keys_file;
  demo->add_option("--keys-file", keys_file, "also write the demo keys as JSON to this file");
  // The repository ships its training data (datasets/), so the demo trains from any clone.
  std::string training_csv = TRANCHE_DATASETS_DIR "/credit/taiwan_default_train.csv";
  std::string history;
  demo->add_option("--history", history,
                   "start a new demo world from a simulated history of this many days (e.g. 90d)");
  demo->add_option("--credit-training-data", training_csv,
                   "training data for the demo's credit model (--credit-model auto)")->capture_default_str();

  auto* migrate = cli.add_subcommand("migrate", "apply pending schema migrations");
  AddDataDir(migrate, options);

  auto* op = cli.add_subcommand("operator", "manage operators");
  op->require_subcommand(1);
  auto* op_create = op->add_subcommand("create", "create an operator and print its key once");
  AddDataDir(op_create, options);
  std::string op_name;
  op_create->add_option("--name", op_name, "operator name (unique)")->required();

  auto* merchant = cli.add_subcommand("merchant", "manage merchants");
  merchant->require_subcommand(1);
  auto* m_create = merchant->add_subcommand("create", "create a merchant and print its key once");
  AddDataDir(m_create, options);
  tranche::merchants::MerchantDraft draft{"", "", tranche::Currency::kUSD, {}, {}};
  std::string currency = "USD";
  m_create->add_option("--name", draft.name, "merchant name")->required();
  m_create->add_option("--country", draft.country, "ISO 3166-1 alpha-2 country")->required();
  m_create->add_option("--category", draft.category, "what it sells, from the merchant category catalogue")
      ->capture_default_str();
  m_create->add_option("--currency", currency, "default currency")->capture_default_str();
  m_create->add_option("--mdr-bps", draft.pricing.mdr_bps, "merchant discount rate, basis points")
      ->capture_default_str();
  m_create->add_option("--fixed-fee", draft.pricing.fixed_fee_minor,
                       "fixed fee per capture, minor units")->capture_default_str();

  auto* ledger = cli.add_subcommand("ledger", "inspect the ledger");
  ledger->require_subcommand(1);
  auto* verify = ledger->add_subcommand(
      "verify", "recompute every balance from the entries; exit 1 on any difference");
  AddDataDir(verify, options);

  auto* cob = cli.add_subcommand("cob", "close business dates: collections, fees, delinquency, settlement");
  AddDataDir(cob, options);
  std::string cob_date;
  cob->add_option("--date", cob_date, "close through this business date, YYYY-MM-DD (default: yesterday)");

  std::function<int()> credit_action;  // credit and fraud model commands
  tranche::cli::AddCreditCommands(cli, &credit_action);
  tranche::cli::AddIntentCommands(cli, &credit_action);
  tranche::cli::AddSimCommands(cli, &credit_action);
  tranche::cli::AddFraudCommands(cli, &credit_action);
  tranche::cli::AddAssistantCommands(cli, &credit_action);
  tranche::cli::AddStoreCommands(cli, &credit_action);

  CLI11_PARSE(cli, argc, argv);
  if (credit_action) return credit_action();

  if (serve->parsed()) return Serve(options, serve_intent_model);
  if (demo->parsed()) {
    options.credit_model_dir = demo_credit_model;
    options.web_dir = demo_web_dir;
    return Demo(options, keys_file, training_csv, history, demo_intent_model, demo_fraud_model);
  }
  if (migrate->parsed()) return Migrate(options);
  if (op_create->parsed()) return CreateOperator(options, op_name);
  if (m_create->parsed()) {
    auto c = tranche::ParseCurrency(currency);
    if (!c) return Fail(Status::InvalidArgument("unsupported_currency", "currency must be USD, EUR, GBP or SEK"));
    draft.default_currency = *c;
    return CreateMerchant(options, draft);
  }
  if (verify->parsed()) return VerifyLedger(options);
  if (cob->parsed()) return CloseBusiness(options, cob_date);
  return 1;
}
