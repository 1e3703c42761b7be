#include "sim/population.h"

#include <gtest/gtest.h>

#include "sim/consumer_actor.h"

namespace tranche::sim {
namespace {

TEST(Population, IsAPureFunctionOfTheConfiguration) {
  SimConfig c = DefaultConfig();
  c.consumers = 2'000;
  c.days = 365;
  const Population a = MakePopulation(c);
  const Population b = MakePopulation(c);
  ASSERT_EQ(a.consumers.size(), 2'000u);
  int defaults = 0;
  for (std::size_t i = 0; i < a.consumers.size(); ++i) {
    EXPECT_EQ(a.consumers[i].default_day, b.consumers[i].default_day);
    EXPECT_EQ(a.consumers[i].income_usd_monthly, b.consumers[i].income_usd_monthly);
    defaults += a.consumers[i].default_day ? 1 : 0;
  }
  // About 4 % a year at the median income, more below it: a few percent, not none or all.
  EXPECT_GT(defaults, 40);
  EXPECT_LT(defaults, 300);
  // Every country has merchants in every category.
  for (const auto& by_category : a.merchants_by) {
    for (const auto& ms : by_category) EXPECT_FALSE(ms.empty());
  }
}

TEST(Population, ARecessionRaisesDefaults) {
  SimConfig calm = DefaultConfig();
  calm.consumers = 3'000;
  calm.days = 365;
  SimConfig recession = calm;
  recession.scenarios = {{"recession", 0, 365, 1, 3}};
  int calm_defaults = 0, recession_defaults = 0;
  for (const auto& a : MakePopulation(calm).consumers) calm_defaults += a.default_day ? 1 : 0;
  for (const auto& a : MakePopulation(recession).consumers) recession_defaults += a.default_day ? 1 : 0;
  EXPECT_GT(recession_defaults, calm_defaults * 2);
}

TEST(Population, TheMethodProfileFollowsTheTimeline) {
  ConsumerAgent a;
  a.hardship = {{10, 20}};
  a.expired_card = {{30, 35}};
  a.default_day = 50;
  EXPECT_EQ(MethodProfile(a, 9), "standard");
  EXPECT_EQ(MethodProfile(a, 10), "insufficient_funds");
  EXPECT_EQ(MethodProfile(a, 20), "standard");
  EXPECT_EQ(MethodProfile(a, 31), "expired_card");
  EXPECT_EQ(MethodProfile(a, 50), "insufficient_funds");
  EXPECT_EQ(MethodProfile(a, 400), "insufficient_funds");
}

TEST(Population, RingsAreMadeUpPeopleWhoShareAnAddressAndNeverPay) {
  SimConfig c = DefaultConfig();
  c.consumers = 2'000;
  c.days = 365;
  c.fraud.rings_per_1000_yearly = 2;  // four rings
  c.fraud.ring_size = 5;
  const Population p = MakePopulation(c);
  ASSERT_EQ(p.rings.size(), 4u);
  EXPECT_EQ(p.consumers.size(), 2'000u);  // the real consumers are unchanged
  EXPECT_EQ(p.agents(), 2'000u + 20u);
  for (const Ring& r : p.rings) {
    const auto home = PresentedIdentity(c, p.Agent(r.first), r.first);
    for (int m = 0; m < r.size; ++m) {
      const std::int64_t index = r.first + m;
      const ConsumerAgent& a = p.Agent(index);
      const auto who = PresentedIdentity(c, a, index);
      ASSERT_TRUE(who.address.has_value());
      EXPECT_TRUE(who.address == home.address);
      if (m > 0) {
        EXPECT_NE(who.email, home.email);  // separate identities
      }
      EXPECT_EQ(MethodProfile(a, r.active.from), "insufficient_funds");  // never pays
    }
  }
  // A consumer's address is their own.
  EXPECT_FALSE(PresentedIdentity(c, p.Agent(0), 0).address == PresentedIdentity(c, p.Agent(1), 1).address);
}

TEST(ConsumerActor, AHolidayPeakBringsMorePurchases) {
  SimConfig c = DefaultConfig();
  c.consumers = 3'000;
  c.days = 20;
  c.scenarios = {{"holiday_peak", 10, 20, 2.5, 1}};
  const Population p = MakePopulation(c);
  const World w{c, p};
  int before = 0, during = 0;
  for (std::int64_t i = 0; i < c.consumers; ++i) {
    for (int d = 0; d < 10; ++d) before += PurchaseOn(w, i, d) ? 1 : 0;
    for (int d = 10; d < 20; ++d) during += PurchaseOn(w, i, d) ? 1 : 0;
  }
  EXPECT_GT(during, before * 2);
  EXPECT_LT(during, before * 3);
}

}  // namespace
}  // namespace tranche::sim
