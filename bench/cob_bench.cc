// Close of business over a large book: generates N active plans straight into a fresh
// SQLite database (a realistic mix: 80 % pay-in-4 bought over the last six weeks, 10 %
// pay-in-30, 10 % financing over 6 months; 3 % of them behind), closed through
// yesterday, then times closing one business date with the real daily job
// (ops::Cob::Close) and the simulated processor. Prints one JSON line.
//
//   cob_bench --plans 1000000 [--dir /tmp/cob-bench] [--date 2026-03-31]
#include <CLI/CLI.hpp>
#include <sqlite3.h>

#include <chrono>
#include <cstdio>
#include <filesystem>

#include "app/platform.h"
#include "onboarding/onboarding.h"

namespace {

using tranche::Status;

// The generator writes through its own connection with foreign keys off: plans need no
// orders or captures for the daily job, and generating them would dwarf the run.
constexpr const char* kGenerate = R"sql(
PRAGMA foreign_keys = OFF;
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < {consumers})
INSERT INTO consumers(id, email, given_name, family_name, created_at_us)
  SELECT printf('con_0%025d', i), printf('c%d@bench.example', i), 'Bench', 'Consumer', 0 FROM n;
WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < {plans})
INSERT INTO plans(id, order_id, capture_id, consumer_id, merchant_id, product, apr_bps, currency, amount_minor,
                  status, created_at_us, serviced_through, accrued_through)
  SELECT printf('pln_0%025d', i), printf('ord_0%025d', i), printf('cap_0%025d', i),
         printf('con_0%025d', i % {consumers}), '{merchant}',
         CASE i % 10 WHEN 0 THEN 'pay_in_30' WHEN 1 THEN 'financing_6' ELSE 'pay_in_4' END,
         CASE i % 10 WHEN 1 THEN 1999 ELSE 0 END, 'USD',
         CASE i % 10 WHEN 1 THEN 60000 ELSE 10000 END,
         'active', (unixepoch('{today}') - 86400 * (1 + i % 42)) * 1000000, date('{today}', '-1 day'),
         CASE i % 10 WHEN 1 THEN date('{today}', '-1 day') END
  FROM n;
-- Instalments are paid when due before today, except for the 3 % behind (i % 33 = 0).
WITH RECURSIVE k(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM k WHERE k < 6),
p AS (SELECT id, consumer_id, product, CAST(substr(id, 6) AS INTEGER) AS i, created_at_us / 1000000 AS t FROM plans),
x AS (SELECT p.id, p.consumer_id, p.i, k.k,
             date(p.t, 'unixepoch', '+' || CASE p.product WHEN 'pay_in_4' THEN 14 * (k.k - 1)
                                                          WHEN 'pay_in_30' THEN 30 ELSE 30 * k.k END || ' days') AS due,
             CASE p.product WHEN 'pay_in_4' THEN 2500 ELSE 10000 END AS principal,
             CASE p.product WHEN 'financing_6' THEN 100 - 15 * (k.k - 1) ELSE 0 END AS interest
      FROM p JOIN k ON k.k <= CASE p.product WHEN 'pay_in_4' THEN 4 WHEN 'pay_in_30' THEN 1 ELSE 6 END)
INSERT INTO plan_installments(plan_id, number, due_date, principal_minor, interest_minor, paid_minor, consumer_id)
  SELECT id, k, due, principal, interest,
         CASE WHEN due < '{today}' AND i % 33 <> 0 THEN principal + interest ELSE 0 END, consumer_id
  FROM x;
COMMIT;
)sql";

std::string Fill(std::string sql, const std::string& key, const std::string& value) {
  for (std::size_t at = sql.find(key); at != std::string::npos; at = sql.find(key, at + value.size())) {
    sql.replace(at, key.size(), value);
  }
  return sql;
}

double SecondsSince(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

int Fail(const Status& st) {
  std::fprintf(stderr, "cob_bench: %s\n", st.ToString().c_str());
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App cli{"close of business over N generated plans"};
  std::int64_t plans = 1'000'000;
  std::string dir = "/tmp/tranche-cob-bench";
  cli.add_option("--plans", plans, "active plans to generate")->check(CLI::Range(1'000, 5'000'000));
  cli.add_option("--dir", dir, "data directory (emptied first)");
  std::string today = "2026-03-02";
  cli.add_option("--date", today,
                 "business date to close (a month's last day also books every financing plan's interest)");
  CLI11_PARSE(cli, argc, argv);
  const std::optional<tranche::Date> date = tranche::ParseDate(today);
  if (!date) return Fail(Status::InvalidArgument("bad_date", "--date is not a YYYY-MM-DD date"));

  std::filesystem::remove_all(dir);
  tranche::SimulatedClock clock(tranche::StartOf(tranche::AddDays(*date, 1)) + std::chrono::minutes(30));
  tranche::app::PlatformOptions o;
  o.data_dir = dir;
  o.migrate = true;
  o.adjustable_clock = &clock;
  o.close_business_dates = false;
  o.access_log = "off";
  auto platform = tranche::app::Platform::Open(o);
  if (!platform.ok()) return Fail(platform.status());
  tranche::app::Platform& p = **platform;
  std::string merchant_id;
  Status st = p.store().Write([&](tranche::store::Tx& tx) -> Status {
    tranche::merchants::MerchantDraft d{"Bench Shop", "US", tranche::Currency::kUSD, {}, {}};
    TRANCHE_ASSIGN_OR_RETURN(auto m, tranche::onboarding::CreateMerchant(tx, d, p.ids(), p.random(), clock.Now()));
    merchant_id = m.merchant.id;
    return Status::Ok();
  });
  if (!st.ok()) return Fail(st);

  const auto generate_start = std::chrono::steady_clock::now();
  std::string sql = Fill(kGenerate, "{plans}", std::to_string(plans));
  sql = Fill(sql, "{consumers}", std::to_string(std::max<std::int64_t>(1, plans / 10)));
  sql = Fill(Fill(sql, "{merchant}", merchant_id), "{today}", today);
  sqlite3* db = nullptr;
  char* error = nullptr;
  if (sqlite3_open(tranche::app::DatabasePath(dir).c_str(), &db) != SQLITE_OK ||
      sqlite3_busy_timeout(db, 60'000) != SQLITE_OK || sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
    std::fprintf(stderr, "cob_bench: generating failed: %s\n", error ? error : sqlite3_errmsg(db));
    return 1;
  }
  sqlite3_close(db);
  const double generate_s = SecondsSince(generate_start);

  const auto close_start = std::chrono::steady_clock::now();
  auto report = p.cob().Close(*date);
  if (!report.ok()) return Fail(report.status());
  const double close_s = SecondsSince(close_start);
  tranche::ops::Json out = tranche::ops::CobReportJson(*report);
  out["active_plans"] = plans;
  out["generate_seconds"] = generate_s;
  out["close_seconds"] = close_s;
  out["active_plans_per_second"] = static_cast<double>(plans) / close_s;
  out["plans_closed_per_second"] = static_cast<double>(report->plans.plans_closed) / close_s;
  std::printf("%s\n", out.dump().c_str());
  return 0;
}
