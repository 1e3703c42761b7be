#include "assist/nlu_text.h"

#include <gtest/gtest.h>

namespace tranche::assist {
namespace {

TEST(NormalizeUtterance, LowerCasesAndSplitsPunctuation) {
  EXPECT_EQ(NormalizeUtterance("Where is my REFUND?!"), "where is my refund ? !");
  EXPECT_EQ(NormalizeUtterance("  hi,   there.  "), "hi there");
  EXPECT_EQ(NormalizeUtterance("I don't know (really)"), "i don't know really");
  EXPECT_EQ(NormalizeUtterance(""), "");
  EXPECT_EQ(NormalizeUtterance("...!!"), "! !");
}

TEST(NormalizeUtterance, NumbersBecomeOneToken) {
  EXPECT_EQ(NormalizeUtterance("pay $30.50 on 03/15"), "pay <num> on <num>");
  EXPECT_EQ(NormalizeUtterance("card ending 4242."), "card ending <num>");
  EXPECT_EQ(NormalizeUtterance("1,200 kr"), "<num> kr");
}

TEST(NormalizeUtterance, LowerCasesLatin1Letters) {
  EXPECT_EQ(NormalizeUtterance("ÅTERBETALNING Över"), "återbetalning över");
  EXPECT_EQ(NormalizeUtterance("ÜBERWEISUNG Straße"), "überweisung straße");
  EXPECT_EQ(NormalizeUtterance("3×4"), "<num>");  // × is not a capital; one token with digits
}

TEST(NormalizeUtterance, NoTokenCanLookLikeALabel) {
  EXPECT_EQ(NormalizeUtterance("__label__oos hello"), "label oos hello");
}

TEST(NormalizeUtterance, TruncatedUtf8StaysInBounds) {
  const std::string s = "caf\xC3";
  EXPECT_EQ(NormalizeUtterance(s), s);
}

}  // namespace
}  // namespace tranche::assist
