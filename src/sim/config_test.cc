#include "sim/config.h"

#include <gtest/gtest.h>

#include <fstream>

namespace tranche::sim {
namespace {

TEST(SimConfig, TheShippedDefaultFileParsesToTheBuiltInDefaultsItStates) {
  auto c = LoadConfig(TRANCHE_SOURCE_DIR "/datasets/sim/default.json");
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->countries.size(), 4u);
  EXPECT_FALSE(c->scenarios.empty());
  EXPECT_EQ(c->fraud.rules, DefaultConfig().fraud.rules);  // the file states the built-in rules
  EXPECT_EQ(c->fraud.theft_rate_yearly, DefaultConfig().fraud.theft_rate_yearly);
  // What ConfigJson writes reads back the same (a run's config.json drives its report).
  auto again = ParseConfig(ConfigJson(*c));
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(ConfigJson(*again), ConfigJson(*c));
}

TEST(SimConfig, FieldsNotGivenKeepTheirDefaults) {
  auto c = ParseConfig(R"({"consumers": 50, "days": 3})");
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->consumers, 50);
  EXPECT_EQ(c->days, 3);
  // A run's config.json without scenarios reads back too.
  auto defaults = ParseConfig(ConfigJson(DefaultConfig()));
  ASSERT_TRUE(defaults.ok()) << defaults.status().ToString();
  EXPECT_TRUE(defaults->scenarios.empty());
  EXPECT_EQ(c->categories.size(), DefaultConfig().categories.size());
}

TEST(SimConfig, RefusesWhatItDoesNotUnderstand) {
  for (const char* bad : {
           R"({"consumerz": 5})",                                        // misspelt field
           R"({"consumer": {"purchases_per_month": -1}})",               // out of range
           R"({"days": 1.5})",                                           // not an integer
           R"({"consumers": 100000000})",                                // over the limit
           R"({"countries": [{"code": "XX", "currency": "USD"}]})",      // not a country
           R"({"countries": [{"code": "SE", "currency": "SEK", "languages": [{"name": "fr", "weight": 1}]}]})",
           R"({"consumer": {"contact_reasons": [{"name": "buy_a_boat", "weight": 1}]}})",  // not an intent
           R"({"consumer": {"products": [{"name": "pay_in_9", "weight": 1}]}})",
           R"({"consumer": {"contact_hours": [1, 2, 3]}})",
           R"({"scenarios": [{"kind": "recession", "start_day": 10, "end_day": 5}]})",
           R"({"scenarios": [{"kind": "fraud_wave", "start_day": 1, "end_day": 5, "fraud_multiplier": 500}]})",
           R"({"scenarios": [{"kind": "alien_invasion", "start_day": 1, "end_day": 5}]})",
           R"({"operators": {"review_hours_per_day": 0}})",               // nobody ever reviews
           R"({"operators": {"dispute_hours_per_day": 801}})",
           R"({"operators": {"support_hours_per_day": -1}})",
           R"({"fraud": {"review_after_days": 1}})",                     // replaced by operators
           R"({"files": {"late_bps": 6000, "missing_bps": 6000}})",
           R"({"fraud": {"rules": 42}})",                                // rules are text
           R"({"fraud": {"reviewer_error": 0.9}})",                      // worse than a coin
           R"({"fraud": {"theft_purchases": 0}})",
           R"({"fraud": {"theftrate": 0.1}})",
           R"({"categories": [{"name": "fashion", "return_rate": 0.8, "dispute_rate": 0.5}]})",
           R"({"categories": [{"name": "casino"}]})",                  // not a merchant category
           R"({"categories": [{"name": "gambling"}]})",                // one the check rejects
           R"([1, 2])",
           "not json",
       }) {
    EXPECT_FALSE(ParseConfig(bad).ok()) << bad;
  }
}

}  // namespace
}  // namespace tranche::sim
