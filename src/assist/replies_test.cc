#include "assist/replies.h"

#include <gtest/gtest.h>

namespace tranche::assist {
namespace {

TEST(RepliesTest, EveryTemplateHasAllThreeLanguagesWithTheSameFacts) {
  std::string problem;
  EXPECT_TRUE(TemplatesConsistent(&problem)) << problem;
}

TEST(RepliesTest, AmountsAndDatesInTheConsumersLanguage) {
  const Date d = *ParseDate("2026-12-09");
  const Replies en(Language::kEnglish), sv(Language::kSwedish), de(Language::kGerman);
  EXPECT_EQ(en.Amount(3000, Currency::kUSD), "$30.00");
  EXPECT_EQ(en.Amount(123456789, Currency::kUSD), "$1,234,567.89");
  EXPECT_EQ(en.Amount(3050, Currency::kSEK), "30.50 kr");
  EXPECT_EQ(sv.Amount(3050, Currency::kSEK), "30,50 kr");
  EXPECT_EQ(sv.Amount(3005, Currency::kUSD), "30,05 USD");
  EXPECT_EQ(de.Amount(125000, Currency::kEUR), "1.250,00 €");
  EXPECT_EQ(en.Day(d), "December 9, 2026");
  EXPECT_EQ(sv.Day(d), "9 december 2026 (2026-12-09)");
  EXPECT_EQ(de.Day(d), "9. Dezember 2026 (2026-12-09)");
  EXPECT_EQ(en.Percent(1999), "19.99 %");
  EXPECT_EQ(de.Percent(1999), "19,99 %");
  EXPECT_EQ(sv.List({"a", "b", "c"}), "a, b och c");
}

TEST(RepliesTest, TemplatesFillTheirArguments) {
  const Replies en(Language::kEnglish), de(Language::kGerman);
  EXPECT_EQ(en.Say("next_payment", {"Crisp Tech", "$20.00", "December 9, 2026"}),
            "Your next payment for Crisp Tech is $20.00, due on December 9, 2026.");
  EXPECT_EQ(de.Say("done_method", {"5555"}),
            "Erledigt: Künftige Zahlungen werden von deiner Karte mit der Endung 5555 abgebucht.");
}

}  // namespace
}  // namespace tranche::assist
