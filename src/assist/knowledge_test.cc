#include "assist/knowledge.h"

#include <gtest/gtest.h>

namespace tranche::assist {
namespace {

TEST(Bm25Test, RanksThePassageSharingRareTermsFirst) {
  Bm25Index index;
  index.Add("late fees are charged ten days after the due date");
  index.Add("pay in 4 splits a purchase into four instalments");
  index.Add("refunds reduce the plan from the last instalment");
  const auto hits = index.Search("why was I charged a late fee", 3);
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(hits.front().first, 0u);
  EXPECT_TRUE(index.Search("weather tomorrow", 3).empty());
}

TEST(KnowledgeTest, AnswersFromThePolicyDocumentsInEachLanguage) {
  const Knowledge& k = Knowledge::Builtin();
  auto en = k.Answer("how does pay in 4 work", Language::kEnglish);
  ASSERT_TRUE(en.has_value());
  EXPECT_EQ(en->title, "How pay in 4 works");
  EXPECT_NE(en->text.find("every 14 days"), std::string::npos);
  auto fees = k.Answer("what fees do you charge if I'm late", Language::kEnglish);
  ASSERT_TRUE(fees.has_value());
  EXPECT_EQ(fees->title, "Fees and late fees");
  auto sv = k.Answer("hur fungerar förseningsavgifter", Language::kSwedish);
  ASSERT_TRUE(sv.has_value());
  EXPECT_EQ(sv->title, "Avgifter och förseningsavgifter");
  auto de = k.Answer("Wie funktioniert die Rücksendung und Erstattung", Language::kGerman);
  ASSERT_TRUE(de.has_value());
  EXPECT_EQ(de->title, "Rücksendungen und Erstattungen");
}

TEST(KnowledgeTest, SectionsSplitOnSecondLevelHeadings) {
  const auto s = SplitSections("# Title\nintro\n## One\nfirst line\nsecond\n## Two\nthird\n");
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0].title, "One");
  EXPECT_EQ(s[0].text, "first line second");
  EXPECT_EQ(s[1].text, "third");
}

}  // namespace
}  // namespace tranche::assist
