#include "assist/clauses.h"

#include <gtest/gtest.h>

namespace tranche::assist {
namespace {

using Clauses = std::vector<std::string>;

TEST(ClausesTest, SplitsTwoQuestionsAtTheQuestionMarkAndTheConnective) {
  EXPECT_EQ(SplitClauses("How much do I owe in total, and when is my next payment due?"),
            (Clauses{"How much do I owe in total", "when is my next payment due"}));
  EXPECT_EQ(SplitClauses("Why was it declined? And how much can I still spend?"),
            (Clauses{"Why was it declined", "how much can I still spend"}));
  EXPECT_EQ(SplitClauses("whats the interest rate n how much is the next payment"),
            (Clauses{"whats the interest rate", "how much is the next payment"}));
  EXPECT_EQ(SplitClauses("total balance + next due date?"), (Clauses{"total balance", "next due date"}));
}

TEST(ClausesTest, SplitsSwedishAndGerman) {
  EXPECT_EQ(SplitClauses("Hur mycket är jag skyldig totalt och när dras nästa betalning?"),
            (Clauses{"Hur mycket är jag skyldig totalt", "när dras nästa betalning"}));
  EXPECT_EQ(SplitClauses("Wie viel schulde ich insgesamt? Und wann ist die nächste Zahlung fällig"),
            (Clauses{"Wie viel schulde ich insgesamt", "wann ist die nächste Zahlung fällig"}));
}

TEST(ClausesTest, ADecimalPointIsNotASentenceEnd) {
  EXPECT_EQ(SplitClauses("I paid $30.50 yesterday. what is left"),
            (Clauses{"I paid $30.50 yesterday", "what is left"}));
}

TEST(ClausesTest, APlusInArithmeticJoinsNothing) {
  EXPECT_EQ(SplitClauses("Löse 3x + 7 = 22 nach x auf"), (Clauses{"Löse 3x + 7 = 22 nach x auf"}));
}

TEST(ClausesTest, ConnectivesSplitOnlyAsWholeWords) {
  EXPECT_EQ(SplitClauses("my android band stopped working"), (Clauses{"my android band stopped working"}));
  EXPECT_EQ(SplitClauses("Sandra's order"), (Clauses{"Sandra's order"}));
}

TEST(ClausesTest, DropsPiecesOfOneWordAndKeepsAtMostTheLimit) {
  EXPECT_TRUE(SplitClauses("yes").empty());
  EXPECT_TRUE(SplitClauses("").empty());
  EXPECT_EQ(SplitClauses("Hi! what do I owe?"), (Clauses{"what do I owe"}));
  const Clauses c = SplitClauses("one two. three four. five six. seven eight. nine ten.");
  ASSERT_EQ(c.size(), kMaxClauses);
  EXPECT_EQ(c.back(), "seven eight nine ten");
}

}  // namespace
}  // namespace tranche::assist
