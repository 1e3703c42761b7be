// The tranche command line, run as a real process.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "support/process.h"
#include "support/test_server.h"

namespace tranche {
namespace {

using testing::ReadFile;
using testing::RunToExit;

class CliTest : public ::testing::Test {
 protected:
  std::string Run(const std::vector<std::string>& args, int* code) {
    const std::string out = dir_.path() + "/out-" + std::to_string(runs_++) + ".txt";
    *code = RunToExit(args, out);
    return ReadFile(out);
  }
  testing::TempDir dir_;
  std::string data_ = dir_.path() + "/data";
  int runs_ = 0;
};

TEST_F(CliTest, EverySubcommandAnswersHelp) {
  for (const std::vector<std::string>& cmd :
       {std::vector<std::string>{"--help"}, {"serve", "--help"}, {"demo", "--help"},
        {"migrate", "--help"}, {"operator", "create", "--help"}, {"merchant", "create", "--help"},
        {"ledger", "verify", "--help"}, {"train", "credit", "--help"}, {"eval", "credit", "--help"},
        {"score", "credit", "--help"}, {"model", "show", "--help"}, {"train", "intents", "--help"},
        {"eval", "intents", "--help"}, {"simulate", "--help"}, {"report", "automation", "--help"},
        {"reconcile", "--help"}, {"eval", "assistant", "--help"}, {"report", "assistant", "--help"},
        {"sim", "cards", "--help"}, {"eval", "fraud", "--help"}, {"train", "fraud", "--help"},
        {"fraud", "backtest", "--help"}}) {
    int code = -1;
    const std::string out = Run(cmd, &code);
    EXPECT_EQ(code, 0) << cmd.back();
    EXPECT_NE(out.find("Usage"), std::string::npos) << out;
  }
}

// Training, evaluating, scoring and showing a model as a data scientist would; and the
// clear refusals of files that cannot be trained on.
TEST_F(CliTest, CreditModelWorkflowAndMalformedFiles) {
  const std::string csv = dir_.path() + "/train.csv";
  {
    std::ofstream out(csv);
    out << "id,pay_0,limit_bal,region,default\n";
    for (int i = 0; i < 400; ++i) {
      const int late = i % 5;
      out << i + 1 << ',' << late << ',' << (i * 37) % 5000 << ',' << (i % 2 ? "north" : "south") << ','
          << ((late >= 3 && i % 3 != 0) || i % 11 == 0 ? 1 : 0) << '\n';
    }
  }
  const std::string model = dir_.path() + "/model";
  int code = -1;
  std::string out = Run({"train", "credit", "--data", csv, "--label", "default", "--exclude", "region",
                         "--monotone", "pay_0=+1", "--folds", "3", "--out", model}, &code);
  ASSERT_EQ(code, 0) << out;
  EXPECT_NE(out.find("cross-validated (3 folds, calibrated): AUC"), std::string::npos) << out;
  out = Run({"model", "show", model}, &code);
  EXPECT_EQ(code, 0) << out;
  EXPECT_NE(out.find("features (2): pay_0 limit_bal"), std::string::npos) << out;
  out = Run({"eval", "credit", "--model", model, "--data", csv, "--predictions", dir_.path() + "/p.csv"}, &code);
  EXPECT_EQ(code, 0) << out;
  EXPECT_NE(out.find("Brier"), std::string::npos) << out;
  const std::string predictions = ReadFile(dir_.path() + "/p.csv");
  EXPECT_EQ(predictions.substr(0, predictions.find('\n')), "id,pd,reason_1,reason_2,reason_3,reason_4");
  EXPECT_EQ(std::count(predictions.begin(), predictions.end(), '\n'), 401);
  out = Run({"score", "credit", "--model", model, "--data", csv, "--predictions", dir_.path() + "/s.csv"}, &code);
  EXPECT_EQ(code, 0) << out;

  const auto refused = [&](const std::string& content, const std::string& label, const std::string& message) {
    const std::string bad = dir_.path() + "/bad.csv";
    std::ofstream(bad) << content;
    const std::string text = Run({"train", "credit", "--data", bad, "--label", label, "--out", dir_.path() + "/m2"}, &code);
    EXPECT_EQ(code, 2) << text;
    EXPECT_NE(text.find(message), std::string::npos) << text;
  };
  refused("", "default", "the file is empty");
  refused("a,b\n1,0\n2,1\n", "default", "there is no column 'default'");
  refused("a,default\n1,yes\n", "default", "the label must be 0 or 1");
  std::string wide = "c0";
  for (int i = 1; i < 1'000'000; ++i) wide += ",c" + std::to_string(i);
  refused(wide + ",default\n", "default", "more than 5000 columns");
  out = Run({"eval", "credit", "--model", model, "--data", dir_.path() + "/bad.csv"}, &code);
  EXPECT_EQ(code, 2);
  const std::string typed = dir_.path() + "/typed.csv";
  std::ofstream(typed) << "pay_0,limit_bal,default\nlots,100,1\n";
  out = Run({"eval", "credit", "--model", model, "--data", typed}, &code);
  EXPECT_EQ(code, 2);
  EXPECT_NE(out.find("'lots' is not a number"), std::string::npos) << out;
}

// A broken scenario file or model directory is refused before anything is trained.
TEST_F(CliTest, EvalAssistantRefusesBrokenInputs) {
  const std::string broken = dir_.path() + "/broken.json";
  std::ofstream(broken) << "{ not json";
  int code = -1;
  std::string out = Run({"eval", "assistant", "--scenarios", broken}, &code);
  EXPECT_EQ(code, 2) << out;
  EXPECT_NE(out.find("invalid_scenarios"), std::string::npos) << out;
  const std::string scenarios = dir_.path() + "/scenarios.json";
  std::ofstream(scenarios) << R"({"scenarios": []})";
  out = Run({"eval", "assistant", "--scenarios", scenarios, "--model", dir_.path() + "/no-model"}, &code);
  EXPECT_EQ(code, 2) << out;
}

TEST_F(CliTest, EvalFraudFromDecisionsRefusesBadInputs) {
  int code = -1;
  std::string out = Run({"eval", "fraud", "--from-decisions", "--since", "2026-01-01", "--data-dir", data_}, &code);
  EXPECT_EQ(code, 2) << out;
  EXPECT_NE(out.find("--model"), std::string::npos) << out;
  out = Run({"eval", "fraud", "--since", "2026-01-01"}, &code);  // --since belongs to --from-decisions
  EXPECT_NE(code, 0) << out;
  out = Run({"eval", "fraud", "--from-decisions", "--model", dir_.path() + "/no-model", "--since", "2026-01-01",
             "--data-dir", data_}, &code);
  EXPECT_EQ(code, 2) << out;
  out = Run({"eval", "fraud", "--from-decisions", "--model", dir_.path() + "/no-model", "--since", "2026-13-01",
             "--data-dir", data_}, &code);
  EXPECT_EQ(code, 2) << out;
  EXPECT_NE(out.find("date"), std::string::npos) << out;
}

TEST_F(CliTest, MigrateCreateAndVerify) {
  int code = -1;
  EXPECT_NE(Run({"migrate", "--data-dir", data_}, &code).find("schema at version"), std::string::npos);
  EXPECT_EQ(code, 0);
  std::string out = Run({"merchant", "create", "--name", "Camden Books", "--country", "GB",
                         "--currency", "GBP", "--data-dir", data_}, &code);
  EXPECT_EQ(code, 0) << out;
  EXPECT_NE(out.find("key sk_"), std::string::npos);
  out = Run({"merchant", "create", "--name", "Bad", "--country", "ZZ", "--data-dir", data_}, &code);
  EXPECT_EQ(code, 1);
  EXPECT_NE(out.find("unsupported_country"), std::string::npos) << out;
  out = Run({"operator", "create", "--name", "ops", "--data-dir", data_}, &code);
  EXPECT_EQ(code, 0);
  out = Run({"operator", "create", "--name", "ops", "--data-dir", data_}, &code);
  EXPECT_EQ(code, 1);
  EXPECT_NE(out.find("operator_exists"), std::string::npos);
  out = Run({"ledger", "verify", "--data-dir", data_}, &code);
  EXPECT_EQ(code, 0) << out;
  EXPECT_NE(out.find("ledger OK"), std::string::npos);
}

TEST_F(CliTest, TheLastDataDirWins) {
  int code = -1;
  Run({"migrate", "--data-dir", dir_.path() + "/ignored", "--data-dir", data_}, &code);
  EXPECT_EQ(code, 0);
  EXPECT_TRUE(std::filesystem::exists(data_ + "/tranche.db"));
  EXPECT_FALSE(std::filesystem::exists(dir_.path() + "/ignored/tranche.db"));
}

TEST_F(CliTest, ServeRefusesAnUnmigratedDatabase) {
  int code = -1;
  const std::string out = Run({"serve", "--data-dir", data_, "--port", "0"}, &code);
  EXPECT_EQ(code, 1);
  EXPECT_NE(out.find("tranche migrate"), std::string::npos) << out;
}

TEST_F(CliTest, ServeRefusesAFraudModelDirectoryWithoutAModel) {
  int code = -1;
  const std::string empty = dir_.path() + "/no-model";
  std::filesystem::create_directories(empty);
  const std::string out =
      Run({"serve", "--data-dir", data_, "--migrate", "--port", "0", "--fraud-model", empty}, &code);
  EXPECT_EQ(code, 1);
  EXPECT_NE(out.find("no usable fraud model in " + empty), std::string::npos) << out;
}

TEST_F(CliTest, VerifyReportsATamperedBalance) {
  {
    testing::TestServer server;
    auto client = server.Client();
    nlohmann::json e = {{"memo", "x"},
                        {"lines", {{{"account", "settlement_cash:SEK"}, {"direction", "debit"}, {"amount", 500}},
                                   {{"account", "suspense:SEK"}, {"direction", "credit"}, {"amount", 500}}}}};
    ASSERT_EQ(client.Post("/v1/admin/ledger/entries", e, server.operator_key, "tamper-1").status, 201);
    server.platform().Stop();
    // Someone edits a maintained balance behind the ledger's back.
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open((server.data_dir() + "/tranche.db").c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, "UPDATE ledger_accounts SET debits_minor = debits_minor + 1"
                               " WHERE id = 'settlement_cash:SEK'", nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);
    int code = -1;
    const std::string out = Run({"ledger", "verify", "--data-dir", server.data_dir()}, &code);
    EXPECT_EQ(code, 1) << out;
    EXPECT_NE(out.find("MISMATCH account settlement_cash:SEK"), std::string::npos) << out;
    EXPECT_NE(out.find("UNBALANCED trial balance in SEK"), std::string::npos) << out;
  }
}

// Entries written into the database behind the ledger's back, with the maintained
// balances edited to match, so only the per-entry check can see them: one balanced in
// raw minor units across two currencies, one unbalanced in a single currency.
TEST_F(CliTest, VerifyFindsMixedCurrencyAndUnbalancedEntries) {
  testing::TestServer server;
  auto client = server.Client();
  for (const char* currency : {"SEK", "USD"}) {
    const std::string cash = std::string("settlement_cash:") + currency;
    const std::string suspense = std::string("suspense:") + currency;
    nlohmann::json e = {{"memo", "x"},
                        {"lines", {{{"account", cash}, {"direction", "debit"}, {"amount", 500}},
                                   {{"account", suspense}, {"direction", "credit"}, {"amount", 500}}}}};
    ASSERT_EQ(client.Post("/v1/admin/ledger/entries", e, server.operator_key, cash).status, 201);
  }
  server.platform().Stop();
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open((server.data_dir() + "/tranche.db").c_str(), &db), SQLITE_OK);
  const char* kTamper = R"(
    INSERT INTO journal_entries (seq, id, posting_key, reason, object_id, memo, posted_at_us)
      VALUES (1001, 'je_mixed', 'tamper:mixed', 'manual_adjustment', 'x', 'x', 0),
             (1002, 'je_lopsided', 'tamper:lopsided', 'manual_adjustment', 'x', 'x', 0);
    INSERT INTO journal_lines (entry_seq, line_no, account_key, amount_minor) VALUES
      (1001, 0, (SELECT account_key FROM ledger_accounts WHERE id = 'settlement_cash:SEK'), 300),
      (1001, 1, (SELECT account_key FROM ledger_accounts WHERE id = 'suspense:USD'), -300),
      (1002, 0, (SELECT account_key FROM ledger_accounts WHERE id = 'settlement_cash:USD'), 300),
      (1002, 1, (SELECT account_key FROM ledger_accounts WHERE id = 'suspense:USD'), -200);
    UPDATE ledger_accounts SET debits_minor = debits_minor + 300, line_count = line_count + 1
      WHERE id IN ('settlement_cash:SEK', 'settlement_cash:USD');
    UPDATE ledger_accounts SET credits_minor = credits_minor + 500, line_count = line_count + 2
      WHERE id = 'suspense:USD';)";
  char* error = nullptr;
  ASSERT_EQ(sqlite3_exec(db, kTamper, nullptr, nullptr, &error), SQLITE_OK) << (error ? error : "");
  sqlite3_close(db);
  int code = -1;
  const std::string out = Run({"ledger", "verify", "--data-dir", server.data_dir()}, &code);
  EXPECT_EQ(code, 1) << out;
  EXPECT_NE(out.find("UNBALANCED entry je_mixed"), std::string::npos) << out;
  EXPECT_NE(out.find("UNBALANCED entry je_lopsided"), std::string::npos) << out;
  EXPECT_EQ(out.find("MISMATCH"), std::string::npos) << out;
}

}  // namespace
}  // namespace tranche
