#include "assist/nlu_data.h"

#include <gtest/gtest.h>

#include <set>

namespace tranche::assist {
namespace {

ml::Table Parse(std::string_view csv) {
  auto t = ml::ParseCsv(csv);
  EXPECT_TRUE(t.ok()) << t.status().ToString();
  return t.ok() ? *t : ml::Table{};
}

TEST(IntentData, ReadsTextLabelAndLanguage) {
  auto data = IntentDataFromTable(Parse("text,label,language\n\"hi, there\",greeting,en\nhej,greeting,sv\n"));
  ASSERT_TRUE(data.ok()) << data.status().ToString();
  ASSERT_EQ(data->rows.size(), 2u);
  EXPECT_TRUE(data->labelled);
  EXPECT_TRUE(data->has_language);
  EXPECT_EQ(data->rows[0].text, "hi, there");
  EXPECT_EQ(data->rows[1].language, Language::kSwedish);
}

TEST(IntentData, AcceptsCategoryAndUnlabelledFiles) {
  auto cat = IntentDataFromTable(Parse("category,text\ncard_arrival,where is my card\n"));
  ASSERT_TRUE(cat.ok());
  EXPECT_EQ(cat->rows[0].label, "card_arrival");
  auto bare = IntentDataFromTable(Parse("text\nwhere is my card\n"));
  ASSERT_TRUE(bare.ok());
  EXPECT_FALSE(bare->labelled);
  EXPECT_TRUE(bare->rows[0].label.empty());
}

TEST(IntentData, RefusesBadFiles) {
  for (std::string_view csv : {"label\nx\n", "text,label,category\na,b,c\n", "text,label\n,x\n",
                               "text,label\nhello,two words\n", "text,label\nhello,\n", "text,label\nhello,\"a,b\"\n",
                               "text,language\nhello,fr\n"}) {
    auto data = IntentDataFromTable(Parse(csv));
    EXPECT_FALSE(data.ok()) << csv;
    EXPECT_EQ(data.status().category(), StatusCategory::kInvalidArgument);
  }
  const std::string long_text = "text\n" + std::string(kMaxUtteranceBytes + 1, 'a') + "\n";
  EXPECT_FALSE(IntentDataFromTable(Parse(long_text)).ok());
}

std::vector<Utterance> Rows(int per_label, int labels) {
  std::vector<Utterance> rows;
  for (int l = 0; l < labels; ++l) {
    for (int i = 0; i < per_label; ++i) rows.push_back({"text " + std::to_string(l) + " " + std::to_string(i), "l" + std::to_string(l), {}});
  }
  return rows;
}

TEST(StratifiedSplit, HoldsOutTheShareOfEveryLabelDeterministically) {
  const auto rows = Rows(20, 5);
  const Split a = StratifiedSplit(rows, 0.2, 7);
  const Split b = StratifiedSplit(rows, 0.2, 7);
  EXPECT_EQ(a.validation, b.validation);
  EXPECT_EQ(a.train.size() + a.validation.size(), rows.size());
  std::map<std::string, int> held;
  for (std::size_t i : a.validation) ++held[rows[i].label];
  for (const auto& [label, n] : held) EXPECT_EQ(n, 4) << label;
  EXPECT_EQ(held.size(), 5u);
  std::set<std::size_t> all(a.train.begin(), a.train.end());
  all.insert(a.validation.begin(), a.validation.end());
  EXPECT_EQ(all.size(), rows.size());  // a partition
  EXPECT_NE(StratifiedSplit(rows, 0.2, 8).validation, a.validation);
}

TEST(StratifiedSplit, KeepsSingletonLabelsForTraining) {
  const auto rows = Rows(1, 3);
  const Split s = StratifiedSplit(rows, 0.3, 1);
  EXPECT_TRUE(s.validation.empty());
  EXPECT_EQ(s.train.size(), 3u);
}

TEST(IntentData, LabelsOfIsSortedAndDistinct) {
  EXPECT_EQ(LabelsOf(Rows(2, 3)), (std::vector<std::string>{"l0", "l1", "l2"}));
}

}  // namespace
}  // namespace tranche::assist
