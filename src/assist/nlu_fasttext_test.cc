#include "assist/nlu_fasttext.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>

namespace tranche::assist {
namespace {

std::vector<LabelledText> Examples() {
  std::vector<LabelledText> out;
  for (int i = 0; i < 20; ++i) {
    out.push_back({"where is my refund " + std::to_string(i % 4), "refund_status"});
    out.push_back({"pay my bill now " + std::to_string(i % 3), "pay_now"});
  }
  return out;
}

FastTextParams Small(int seed, int minn) {
  FastTextParams p;
  p.epoch = 5;
  p.dim = 8;
  p.bucket = 5'000;
  p.seed = seed;
  p.minn = minn;
  p.maxn = minn == 0 ? 0 : 4;
  return p;
}

class FastTextModelTest : public ::testing::Test {
 protected:
  void SetUp() override { std::filesystem::create_directories(dir_); }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  // One directory per test and process: ctest runs tests in parallel processes.
  std::string dir_ = (std::filesystem::temp_directory_path() /
                      ("tranche-fasttext-" + std::to_string(getpid()) + "-" +
                       ::testing::UnitTest::GetInstance()->current_test_info()->name()))
                         .string();
};

TEST_F(FastTextModelTest, SeedsShareInputIdsOtherSettingsDoNot) {
  auto a = FastTextModel::Train(Examples(), Small(1, 3), dir_);
  auto b = FastTextModel::Train(Examples(), Small(2, 3), dir_);
  auto words_only = FastTextModel::Train(Examples(), Small(1, 0), dir_);
  ASSERT_TRUE(a.ok() && b.ok() && words_only.ok());
  EXPECT_TRUE(a->SharesInput(*b));
  EXPECT_FALSE(a->SharesInput(*words_only));
  std::vector<double> by_text;
  std::vector<double> by_ids;
  b->Probabilities("where is my refund", by_text);
  b->Probabilities(a->Tokenize("where is my refund"), by_ids);
  EXPECT_EQ(by_text, by_ids);
  EXPECT_TRUE(std::filesystem::is_empty(dir_));  // training text and model file removed
}

TEST_F(FastTextModelTest, UnknownTextGetsAProperDistribution) {
  auto m = FastTextModel::Train(Examples(), Small(1, 0), dir_);
  ASSERT_TRUE(m.ok());
  std::vector<double> p;
  m->Probabilities("", p);
  ASSERT_EQ(p.size(), 2u);
  EXPECT_NEAR(p[0] + p[1], 1.0, 1e-4);  // fastText computes in float
}

}  // namespace
}  // namespace tranche::assist
