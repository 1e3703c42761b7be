#include "fraud/cards_sim.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>

namespace tranche::fraud {
namespace {

CardSimOptions Small(std::uint64_t seed) {
  CardSimOptions o;
  o.customers = 300;
  o.terminals = 600;
  o.days = 60;
  o.seed = seed;
  return o;
}

TEST(CardSimTest, SameSeedSameStreamOtherSeedOtherStream) {
  std::string a, b, c;
  AppendCardsCsv(SimulateCards(Small(1)), true, a);
  AppendCardsCsv(SimulateCards(Small(1)), true, b);
  AppendCardsCsv(SimulateCards(Small(2)), true, c);
  EXPECT_EQ(a, b);
  EXPECT_NE(a, c);
  EXPECT_EQ(a.substr(0, a.find('\n')), "tx_id,datetime,customer_id,terminal_id,amount,fraud,fraud_scenario");
}

TEST(CardSimTest, FollowsTheDescribedDesign) {
  const std::vector<CardTransaction> txs = SimulateCards(Small(7));
  // About 2 transactions per customer per day (mean of U(0, 4)), a few dropped.
  EXPECT_GT(txs.size(), 300u * 60u * 3u / 2u);
  EXPECT_LT(txs.size(), 300u * 60u * 5u / 2u);
  std::map<FraudScenario, std::size_t> by_scenario;
  for (std::size_t i = 0; i < txs.size(); ++i) {
    const CardTransaction& t = txs[i];
    ASSERT_EQ(t.tx_id, static_cast<std::int64_t>(i));
    if (i > 0) {
      ASSERT_LE(txs[i - 1].time_s, t.time_s);
    }
    ASSERT_EQ(t.fraud, t.scenario != FraudScenario::kNone);
    if (t.amount_minor > 22'000) {
      ASSERT_TRUE(t.fraud) << "an amount over 220 is fraud";
    }
    if (t.scenario == FraudScenario::kCompromisedCustomer) {
      ASSERT_EQ(t.amount_minor % 5, 0);
    }
    ++by_scenario[t.scenario];
  }
  EXPECT_GT(by_scenario[FraudScenario::kLargeAmount], 0u);
  EXPECT_GT(by_scenario[FraudScenario::kCompromisedTerminal], 0u);
  EXPECT_GT(by_scenario[FraudScenario::kCompromisedCustomer], 0u);
  const double rate = static_cast<double>(txs.size() - by_scenario[FraudScenario::kNone]) / static_cast<double>(txs.size());
  EXPECT_GT(rate, 0.002);
  EXPECT_LT(rate, 0.2);
}

TEST(CardSimTest, RefusesOptionsOutOfBounds) {
  CardSimOptions o = Small(1);
  o.customers = 0;
  EXPECT_EQ(CheckCardSimOptions(o).code(), "invalid_customers");
  o = Small(1);
  o.days = kMaxSimDays + 1;
  EXPECT_EQ(CheckCardSimOptions(o).code(), "invalid_days");
  o = Small(1);
  o.radius = 0;
  EXPECT_EQ(CheckCardSimOptions(o).code(), "invalid_radius");
  EXPECT_TRUE(CheckCardSimOptions(Small(1)).ok());
}

TEST(CardSimTest, FormatsDateTimes) {
  EXPECT_EQ(FormatDateTime(0), "1970-01-01 00:00:00");
  EXPECT_EQ(FormatDateTime(1'522'541'045), "2018-04-01 00:04:05");
}

}  // namespace
}  // namespace tranche::fraud
