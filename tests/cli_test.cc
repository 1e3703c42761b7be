// The tranche command line, run as a real process.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>

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
        {"ledger", "verify", "--help"}}) {
    int code = -1;
    const std::string out = Run(cmd, &code);
    EXPECT_EQ(code, 0) << cmd.back();
    EXPECT_NE(out.find("Usage"), std::string::npos) << out;
  }
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

}  // namespace
}  // namespace tranche
