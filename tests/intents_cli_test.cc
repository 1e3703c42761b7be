// `tranche train intents` and `tranche eval intents`, run as a real process on a small
// labelled CSV: the workflow, the predictions file, unlabelled files and refusals.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

#include "support/process.h"
#include "support/test_server.h"

namespace tranche {
namespace {

using testing::ReadFile;
using testing::RunToExit;

class IntentsCliTest : public ::testing::Test {
 protected:
  std::string Run(const std::vector<std::string>& args, int* code) {
    const std::string out = dir_.path() + "/out-" + std::to_string(runs_++) + ".txt";
    *code = RunToExit(args, out);
    return ReadFile(out);
  }
  // Four intents and out-of-scope rows, with a comma and a line break inside quotes.
  std::string WriteTrainingCsv() {
    const std::string csv = dir_.path() + "/intents.csv";
    std::ofstream out(csv);
    out << "text,category\n";
    const char* phrases[][2] = {{"where is my refund", "refund_status"}, {"when is my next payment", "next_payment"},
                                {"i want to talk to a person", "human_agent"}, {"what is my limit", "spending_limit"},
                                {"tell me a joke", "oos"}};
    const char* extras[] = {"", " please", " thanks", "?", " now", " today", " asap", " again"};
    for (const auto& p : phrases) {
      for (const char* e : extras) out << '"' << p[0] << e << "\"," << p[1] << '\n';
      out << "\"hi, " << p[0] << "\n(sent from my phone)\"," << p[1] << '\n';
    }
    return csv;
  }
  testing::TempDir dir_;
  int runs_ = 0;
};

TEST_F(IntentsCliTest, TrainEvaluateAndWritePredictionsInInputOrder) {
  const std::string csv = WriteTrainingCsv();
  const std::string model = dir_.path() + "/model";
  int code = -1;
  std::string out = Run({"train", "intents", "--data", csv, "--out", model, "--no-search", "--ensemble", "2"}, &code);
  ASSERT_EQ(code, 0) << out;
  EXPECT_NE(out.find("intent model (5 intents, 2 members)"), std::string::npos) << out;
  EXPECT_NE(out.find("out-of-scope recall"), std::string::npos) << out;

  out = Run({"eval", "intents", "--model", model, "--data", csv, "--predictions", dir_.path() + "/p.csv"}, &code);
  ASSERT_EQ(code, 0) << out;
  EXPECT_NE(out.find("accuracy"), std::string::npos) << out;
  EXPECT_NE(out.find("in-scope accuracy"), std::string::npos) << out;
  const std::string predictions = ReadFile(dir_.path() + "/p.csv");
  EXPECT_EQ(predictions.substr(0, predictions.find('\n')), "row,predicted,confidence");
  EXPECT_EQ(std::count(predictions.begin(), predictions.end(), '\n'), 46);  // header + 45 rows
  EXPECT_NE(predictions.find("\n1,refund_status,"), std::string::npos) << predictions;
  EXPECT_NE(predictions.find("\n10,next_payment,"), std::string::npos) << predictions;

  // A file without labels: predictions only.
  const std::string bare = dir_.path() + "/bare.csv";
  std::ofstream(bare) << "text\nwhere is my refund\nwhat is my limit\n";
  out = Run({"eval", "intents", "--model", model, "--data", bare, "--predictions", dir_.path() + "/q.csv"}, &code);
  ASSERT_EQ(code, 0) << out;
  EXPECT_EQ(out.find("accuracy"), std::string::npos) << out;
  EXPECT_EQ(ReadFile(dir_.path() + "/q.csv").substr(0, 55).find("row,predicted,confidence\n1,refund_status,"), 0u);
}

TEST_F(IntentsCliTest, RefusesFilesItCannotUse) {
  int code = -1;
  const auto refused = [&](const std::string& content, const std::string& message) {
    const std::string bad = dir_.path() + "/bad.csv";
    std::ofstream(bad) << content;
    const std::string text = Run({"train", "intents", "--data", bad, "--out", dir_.path() + "/m"}, &code);
    EXPECT_EQ(code, 2) << text;
    EXPECT_NE(text.find(message), std::string::npos) << text;
  };
  refused("", "the file is empty");
  refused("label\nx\n", "no 'text' column");
  refused("text\nhello\n", "'label' or 'category'");
  refused("text,label\nhello,greeting\nhi,greeting\n", "at least two intents");
  refused("text,label\n\"unterminated,x\n", "not closed");
  std::string out = Run({"eval", "intents", "--model", dir_.path() + "/none", "--data", dir_.path() + "/bad.csv"}, &code);
  EXPECT_EQ(code, 2) << out;
  EXPECT_NE(out.find("no intent model"), std::string::npos) << out;
  out = Run({"train", "intents", "--data", "x.csv", "--out", "m", "--ensemble", "10"}, &code);
  EXPECT_NE(code, 0) << out;
}

}  // namespace
}  // namespace tranche
