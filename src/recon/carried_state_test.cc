#include "recon/carried_state.h"

#include <gtest/gtest.h>

namespace tranche::recon {
namespace {

TEST(ReconState, RoundTripsAndRefusesMalformedDocuments) {
  CarriedState s;
  s.cursor["collections_cash:SEK"] = 1234;
  const Date d = *ParseDate("2026-03-02");
  s.match.awaiting.emplace("col_1", Expected{"col_1", LineKind::kCollection, Money(100, Currency::kSEK), d});
  s.match.matched.emplace("po_1", d);
  auto back = ParseState(StateJson(s));
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(StateJson(*back), StateJson(s));
  EXPECT_EQ(back->match.awaiting.at("col_1").amount, Money(100, Currency::kSEK));
  EXPECT_FALSE(ParseState("[]").ok());
  EXPECT_FALSE(ParseState(R"({"cursor": {}, "awaiting": [{"reference": "x"}], "matched": {}})").ok());
}

}  // namespace
}  // namespace tranche::recon
