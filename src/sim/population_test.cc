#include "sim/population.h"

#include <gtest/gtest.h>

#include "sim/bust_out_actor.h"
#include "sim/consumer_actor.h"
#include "sim/theft_actor.h"

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

// A year at the default 0.5 brings half as many merchants again as the 40 there at the
// start, each on a day of its own; consumers only find a merchant once it has joined.
TEST(Population, MerchantsJoinOverTheYearAndAreOpenFromTheirDayOn) {
  SimConfig c = DefaultConfig();
  c.consumers = 100;
  c.days = 365;
  c.fraud.collusions_per_1000_yearly = 0;
  const Population p = MakePopulation(c);
  const std::size_t starting = static_cast<std::size_t>(c.merchants_per_country_category) * c.countries.size() *
                               c.categories.size();
  ASSERT_EQ(p.merchants.size(), starting + starting / 2);
  std::size_t open_at_start = 0, open_at_end = 0;
  for (std::size_t k = 0; k < c.countries.size(); ++k) {
    for (std::size_t g = 0; g < c.categories.size(); ++g) {
      const auto first_day = p.MerchantsOpen(k, g, 0);
      open_at_start += first_day.size();
      for (std::size_t m : first_day) EXPECT_EQ(p.merchants[m].joins_on_day, 0);
      const auto last_day = p.MerchantsOpen(k, g, c.days - 1);
      open_at_end += last_day.size();
      EXPECT_EQ(last_day.size(), p.merchants_by[k][g].size());
      for (std::size_t m : last_day) {
        EXPECT_EQ(p.merchants[m].country, k);
        EXPECT_EQ(p.merchants[m].category, g);
      }
    }
  }
  EXPECT_EQ(open_at_start, starting);
  EXPECT_EQ(open_at_end, p.merchants.size());
  for (const MerchantAgent& m : p.merchants) {
    EXPECT_GE(m.joins_on_day, 0);
    EXPECT_LT(m.joins_on_day, c.days);
  }
  c.merchants_joining_yearly = 0;
  EXPECT_EQ(MakePopulation(c).merchants.size(), starting);
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

TEST(Population, AColludingMerchantHasARingOfItsOwnThatConsumersNeverMeet) {
  SimConfig c = DefaultConfig();
  c.consumers = 2'000;
  c.days = 365;
  c.fraud.rings_per_1000_yearly = 1;        // two plain rings
  c.fraud.collusions_per_1000_yearly = 1.5; // three colluding merchants
  const Population p = MakePopulation(c);
  ASSERT_EQ(p.rings.size(), 5u);
  int colluding = 0;
  for (const MerchantAgent& m : p.merchants) colluding += m.colluding ? 1 : 0;
  EXPECT_EQ(colluding, 3);
  for (const auto& by_category : p.merchants_by) {
    for (const auto& ms : by_category) {
      for (std::size_t m : ms) EXPECT_FALSE(p.merchants[m].colluding);  // consumers shop elsewhere
    }
  }
  for (const Ring& r : p.rings) {
    if (!r.merchant) continue;
    ASSERT_LT(*r.merchant, p.merchants.size());
    EXPECT_TRUE(p.merchants[*r.merchant].colluding);
    EXPECT_EQ(p.merchants[*r.merchant].country, r.country);
    // Separate people: an address each, and nobody pays.
    const auto first = PresentedIdentity(c, p.Agent(r.first), r.first);
    const auto second = PresentedIdentity(c, p.Agent(r.first + 1), r.first + 1);
    EXPECT_FALSE(first.address == second.address);
    EXPECT_EQ(MethodProfile(p.Agent(r.first + 1), r.active.from), "insufficient_funds");
  }
}

TEST(Population, BustOutsComeAfterAHistoryOfPayingAndNeverPayAgain) {
  SimConfig c = DefaultConfig();
  c.consumers = 5'000;
  c.days = 365;
  c.fraud.bust_out_rate_yearly = 0.01;
  c.fraud.bust_out_after_days = 60;
  const Population p = MakePopulation(c);
  int bust_outs = 0;
  for (const ConsumerAgent& a : p.consumers) {
    if (!a.bust_out_day) continue;
    ++bust_outs;
    EXPECT_GE(*a.bust_out_day, 60);
    EXPECT_LT(*a.bust_out_day, 365);
    if (a.default_day) {
      EXPECT_GT(*a.default_day, *a.bust_out_day);  // not someone who had stopped paying
    }
    if (a.hardship.empty() && a.expired_card.empty()) {
      EXPECT_EQ(MethodProfile(a, *a.bust_out_day - 1), "standard");  // paying until then
    }
    EXPECT_EQ(MethodProfile(a, *a.bust_out_day), "insufficient_funds");
    EXPECT_EQ(MethodProfile(a, 364), "insufficient_funds");
  }
  // 1 % a year over the 305 days after the first 60: about 42 of 5,000.
  EXPECT_GT(bust_outs, 20);
  EXPECT_LT(bust_outs, 70);
  c.fraud.bust_out_rate_yearly = 0;
  for (const ConsumerAgent& a : MakePopulation(c).consumers) EXPECT_FALSE(a.bust_out_day.has_value());
}

TEST(BustOutActor, BuysInABurstOnTheirOwnDeviceFromHome) {
  SimConfig c = DefaultConfig();
  c.consumers = 3;
  c.days = 30;
  c.fraud.bust_out_purchases = 5;
  Population p = MakePopulation(c);
  for (ConsumerAgent& a : p.consumers) a.bust_out_day.reset();
  p.consumers[1].bust_out_day = 12;
  const World w{c, p};
  const BustOutActor actor;
  for (int day = 0; day < c.days; ++day) {
    std::vector<Action> out;
    actor.Act(w, day, out);
    if (day != 12) {
      EXPECT_TRUE(out.empty()) << day;
      continue;
    }
    ASSERT_EQ(out.size(), 5u);
    for (const Action& action : out) {
      const auto& purchase = std::get<Purchase>(action);
      EXPECT_EQ(purchase.consumer, 1);
      EXPECT_EQ(purchase.fraud, "bust_out");
      EXPECT_EQ(purchase.device, OwnDevice(1));
      EXPECT_EQ(purchase.ip_country, c.countries[p.consumers[1].country].code);
      EXPECT_EQ(p.merchants[purchase.merchant].country, p.consumers[1].country);
      EXPECT_EQ(purchase.fate.dispute_after, -1);  // they mean never to pay, not to dispute
    }
  }
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

// A fraud attack wave from day 100 to 130: thirty-one times the thefts and, on top of the
// year's plain rings, thirty times their rate in rings starting inside the window.
TEST(Population, AFraudWaveBringsMoreThefts) {
  SimConfig c = DefaultConfig();
  c.consumers = 10'000;
  c.days = 365;
  c.fraud.theft_rate_yearly = 0.01;
  c.fraud.rings_per_1000_yearly = 0.2;
  c.fraud.collusions_per_1000_yearly = 0;
  const Population calm = MakePopulation(c);
  c.scenarios = {{"fraud_wave", 100, 130, 1, 1, 31}};
  const Population wave = MakePopulation(c);
  // 0.2 × 30 × 10 × 30/365 = 4.9 extra rings; the year's own are unchanged.
  ASSERT_EQ(calm.rings.size(), 2u);
  ASSERT_EQ(wave.rings.size(), 7u);
  for (std::size_t r = 0; r < wave.rings.size(); ++r) {
    if (r < calm.rings.size()) {
      EXPECT_EQ(wave.rings[r].active.from, calm.rings[r].active.from);
    } else {
      EXPECT_GE(wave.rings[r].active.from, 100);
      EXPECT_LT(wave.rings[r].active.from, 130);
    }
  }
  const World w{c, wave};
  const TheftActor thieves;
  std::size_t before = 0, during = 0;
  for (int day = 70; day < 100; ++day) {
    std::vector<Action> out;
    thieves.Act(w, day, out);
    before += out.size();
  }
  for (int day = 100; day < 130; ++day) {
    std::vector<Action> out;
    thieves.Act(w, day, out);
    during += out.size();
  }
  // 0.27 thefts a day of 3 purchases before; 31 times that during.
  EXPECT_LT(before, 60u);
  EXPECT_GT(during, 500u);
  EXPECT_LT(during, 1000u);
}

}  // namespace
}  // namespace tranche::sim
