// `tranche simulate` and `tranche report automation`, run as real processes.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>

#include "support/process.h"
#include "support/test_server.h"

namespace tranche {
namespace {

using testing::ReadFile;
using testing::RunToExit;

TEST(SimCliTest, SimulateThenReportAutomation) {
  testing::TempDir dir;
  const std::string run = dir.path() + "/run";
  const std::string config = dir.path() + "/sim.json";
  {
    std::ofstream out(config);
    // Every checkout over $150 is held for a person, so the back office has a queue.
    out << R"({"consumers": 120, "days": 12, "consumer": {"purchases_per_month": 3, "contacts_per_month": 3},)"
           R"( "fraud": {"rules": "review if amount > 15000\n"}})";
  }
  const std::string log = dir.path() + "/simulate.txt";
  ASSERT_EQ(RunToExit({"simulate", "--config", config, "--out", run}, log), 0) << ReadFile(log);
  const nlohmann::json summary = nlohmann::json::parse(ReadFile(run + "/summary.json"));
  EXPECT_TRUE(summary.at("ledger_ok").get<bool>());
  EXPECT_GT(summary.at("approved").get<int>(), 0);
  for (const char* f : {"purchases.csv", "contacts.csv", "consumers.csv", "daily.csv", "recon.csv", "queues.csv",
                        "work.json", "config.json", "tranche.db", "models/intents-bnpl/intents.json"}) {
    EXPECT_TRUE(std::filesystem::exists(run + "/" + f)) << f;
  }
  // One close per simulated day, whatever hours the day's work took.
  const std::string daily = ReadFile(run + "/daily.csv");
  EXPECT_EQ(std::count(daily.begin(), daily.end(), '\n'), 13) << daily;
  // A second run into the same directory is refused rather than mixed in.
  EXPECT_NE(RunToExit({"simulate", "--config", config, "--out", run}, dir.path() + "/again.txt"), 0);

  const std::string report_log = dir.path() + "/report.txt";
  ASSERT_EQ(RunToExit({"report", "automation", "--run", run}, report_log), 0) << ReadFile(report_log);
  const nlohmann::json score = nlohmann::json::parse(ReadFile(run + "/automation.json"));
  // Every work type. Customers' contacts went to the assistant (the "auto" model,
  // trained into the run directory); every approval was screened for fraud (a held one
  // counts once a reviewer decides it).
  const nlohmann::json types = score.at("types");
  EXPECT_EQ(types.size(), 8u);
  for (const nlohmann::json& t : types) {
    if (t.at("type") == "fraud_review") {
      EXPECT_GT(t.at("items").get<int>(), 0) << t;
      EXPECT_LE(t.at("items").get<int>(), summary.at("fraud_screened").get<int>()) << t;
    }
    if (t.at("type") == "assistant_contact") {
      EXPECT_EQ(t.at("items"), summary.at("assistant_contacts")) << t;
      EXPECT_GT(t.at("items").get<int>(), 0) << t;
    }
  }
  EXPECT_GE(score.at("fte_without_automation").get<double>(), score.at("fte_with_tranche").get<double>());
  EXPECT_NE(ReadFile(run + "/automation.html").find("<svg"), std::string::npos);
  EXPECT_NE(ReadFile(run + "/automation.html").find("Checkouts approved (weekly)"), std::string::npos);
  EXPECT_NE(ReadFile(run + "/automation.html").find("Losses to date"), std::string::npos);
  // The held checkouts, the assistant's hand-offs (and any reconciliation exception)
  // waited for the back office: taken up the next morning.
  EXPECT_NE(ReadFile(run + "/automation.html").find("Waiting for a person"), std::string::npos);
  std::set<std::string> taken_up;
  for (const nlohmann::json& q : score.at("queue_ages")) {
    EXPECT_TRUE(q.at("type") == "fraud_review" || q.at("type") == "reconciliation" ||
                q.at("type") == "assistant_contact") << q;
    EXPECT_LT(q.at("p90_wait_seconds").get<int>(), 24 * 3600) << q;
    if (q.at("decided").get<int>() > 0) taken_up.insert(q.at("type").get<std::string>());
  }
  EXPECT_TRUE(taken_up.contains("fraud_review")) << score.at("queue_ages");
  EXPECT_TRUE(taken_up.contains("assistant_contact")) << score.at("queue_ages");
  // A run recorded before losses.csv existed is reported without the losses chart; a
  // losses file with a day outside the run is refused, naming its line.
  const std::string older = dir.path() + "/older";
  std::filesystem::create_directories(older);
  for (const char* f : {"work.json", "config.json", "purchases.csv"}) {
    std::filesystem::copy_file(run + "/" + f, older + "/" + f);
  }
  ASSERT_EQ(RunToExit({"report", "automation", "--run", older}, dir.path() + "/older.txt"), 0)
      << ReadFile(dir.path() + "/older.txt");
  EXPECT_EQ(ReadFile(older + "/automation.html").find("Losses to date"), std::string::npos);
  {
    std::ofstream out(older + "/losses.csv");
    out << "date,day,currency,credit_loss_minor,fraud_loss_minor\n2026-01-17,12,USD,100,0\n";
  }
  EXPECT_NE(RunToExit({"report", "automation", "--run", older}, dir.path() + "/bad.txt"), 0);
  EXPECT_NE(ReadFile(dir.path() + "/bad.txt").find("bad_losses_file"), std::string::npos)
      << ReadFile(dir.path() + "/bad.txt");
  // Likewise a queues file with a decision after the run.
  std::filesystem::remove(older + "/losses.csv");
  {
    std::ofstream out(older + "/queues.csv");
    out << "type,queued_at,decided_at\nfraud_review,2026-01-16T10:00:00Z,2026-01-17T09:00:00Z\n";
  }
  EXPECT_NE(RunToExit({"report", "automation", "--run", older}, dir.path() + "/bad_queue.txt"), 0);
  EXPECT_NE(ReadFile(dir.path() + "/bad_queue.txt").find("bad_queues_file"), std::string::npos)
      << ReadFile(dir.path() + "/bad_queue.txt");

  // The run directory is a data directory whose files the simulation reconciled through
  // the same use case as the command an operator runs: a file already reconciled is
  // refused; the day after the run is reconciled, a stray line queued as an exception.
  const std::string first = run + "/files/settlement_2026-01-05.csv";
  EXPECT_NE(RunToExit({"reconcile", "--file", first, "--date", "2026-01-05", "--data-dir", run}, dir.path() + "/r1.txt"), 0);
  EXPECT_NE(ReadFile(dir.path() + "/r1.txt").find("already_reconciled"), std::string::npos);
  const std::string next = dir.path() + "/next.csv";
  {
    std::ofstream out(next);
    out << "value_date,processor_reference,reference,type,currency,amount_minor,fee_minor\r\n"
        << "2026-01-17,pr_1,col_stray,collection,USD,1234,0\r\n";
  }
  const std::string rec_log = dir.path() + "/reconcile.txt";
  ASSERT_EQ(RunToExit({"reconcile", "--file", next, "--date", "2026-01-17", "--data-dir", run}, rec_log), 0)
      << ReadFile(rec_log);
  const std::string rec_out = ReadFile(rec_log);
  const nlohmann::json rec = nlohmann::json::parse(rec_out.substr(rec_out.find("{\n")));
  EXPECT_EQ(rec.at("lines").get<int>(), 1);
  bool stray = false;
  for (const nlohmann::json& e : rec.at("exceptions")) {
    stray = stray || (e.at("reference") == "col_stray" && e.at("kind") == "unknown_reference");
  }
  EXPECT_TRUE(stray) << rec_out;
  const std::string broken = dir.path() + "/broken.csv";
  {
    std::ofstream out(broken);
    out << "value_date,processor_reference,reference,type,currency,amount_minor,fee_minor\r\n2026-01-06,p,r,collection\r\n";
  }
  EXPECT_NE(RunToExit({"reconcile", "--file", broken, "--date", "2026-01-18", "--data-dir", run}, dir.path() + "/r3.txt"), 0);
  EXPECT_NE(ReadFile(dir.path() + "/r3.txt").find("line 2"), std::string::npos);

  // Bad input: an unknown configuration field, a run directory without a run.
  {
    std::ofstream out(config);
    out << R"({"consumerz": 5})";
  }
  EXPECT_NE(RunToExit({"simulate", "--config", config, "--out", dir.path() + "/bad"}, dir.path() + "/bad.txt"), 0);
  EXPECT_NE(ReadFile(dir.path() + "/bad.txt").find("unknown field"), std::string::npos);
  EXPECT_NE(RunToExit({"report", "automation", "--run", dir.path()}, dir.path() + "/none.txt"), 0);
}

}  // namespace
}  // namespace tranche
