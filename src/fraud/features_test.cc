// The feature engine: its catalogue, what one event sees of the ones before it, and the
// leakage guarantee of a replay.
#include "fraud/features.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>

#include "fraud/cards_sim.h"
#include "fraud/features_replay.h"
#include "fraud/stream_training.h"

namespace tranche::fraud {
namespace {

constexpr std::int64_t kT0 = 1'530'000'000;  // 2018-06-26 08:00:00 UTC, a Tuesday
constexpr std::int64_t kDay = 86'400;

std::size_t Index(std::string_view name) {
  const auto i = FeatureEngine::catalogue().Find(name);
  EXPECT_TRUE(i.has_value()) << name;
  return i.value_or(0);
}

double Number(const FeatureValues& v, std::string_view name) {
  const double* d = std::get_if<double>(&v.at(Index(name)));
  return d ? *d : std::nan("");
}

bool Missing(const FeatureValues& v, std::string_view name) {
  return std::holds_alternative<std::monostate>(v.at(Index(name)));
}

Event Checkout(std::int64_t t, std::int64_t amount, std::string_view consumer, std::string_view device) {
  Event e;
  e.time_s = t;
  e.amount_minor = amount;
  e.set(Entity::kConsumer, consumer);
  e.set(Entity::kDevice, device);
  e.set(Entity::kEmail, "Ann@Example.COM");
  e.set(Entity::kMerchant, "m1");
  e.ip_country = "SE";
  e.billing_country = "NO";
  return e;
}

TEST(FeatureEngineTest, CatalogueIsStableAndTyped) {
  const Catalogue& c = FeatureEngine::catalogue();
  EXPECT_EQ(c.size(), FeatureEngine::width());
  EXPECT_EQ(c.at(Index("email_domain")).type, ValueType::kText);
  EXPECT_EQ(c.at(Index("distinct_consumers_per_device_24h")).type, ValueType::kNumber);
  for (const char* name : {"card_count_1h", "merchant_fraud_rate_7d", "consumer_age_days", "ip_country_mismatch"}) {
    EXPECT_TRUE(c.Find(name).has_value()) << name;
  }
}

TEST(FeatureEngineTest, AnEventSeesOnlyTheHistoryBeforeIt) {
  FeatureEngine engine;
  const Event first = Checkout(kT0, 1'000, "c1", "d1");
  const FeatureValues a = engine.Compute(first);
  EXPECT_EQ(Number(a, "consumer_count_24h"), 0);
  EXPECT_TRUE(Missing(a, "consumer_amount_mean_30d"));
  EXPECT_TRUE(Missing(a, "consumer_seconds_since_last"));
  EXPECT_TRUE(Missing(a, "phone_count_24h"));  // no phone given
  EXPECT_EQ(Number(a, "amount"), 1'000);
  EXPECT_EQ(Number(a, "hour_of_day"), 8);
  EXPECT_EQ(Number(a, "is_weekend"), 0);
  EXPECT_EQ(Number(a, "ip_country_mismatch"), 1);
  EXPECT_EQ(std::get<std::string>(a.at(Index("email"))), "ann@example.com");
  EXPECT_EQ(std::get<std::string>(a.at(Index("email_domain"))), "example.com");
  engine.Record(first);

  const FeatureValues b = engine.Compute(Checkout(kT0 + 600, 3'000, "c1", "d1"));
  EXPECT_EQ(Number(b, "consumer_count_1h"), 1);
  EXPECT_EQ(Number(b, "consumer_seconds_since_last"), 600);
  EXPECT_EQ(Number(b, "consumer_amount_mean_30d"), 1'000);
  EXPECT_EQ(Number(b, "consumer_amount_to_mean_30d"), 3);
  EXPECT_EQ(Number(b, "email_domain_count_24h"), 1);  // derived from the email, case-folded
  EXPECT_EQ(Number(b, "distinct_consumers_per_device_24h"), 1);  // c1 again: counted once
  EXPECT_NEAR(Number(b, "consumer_days_since_email_change"), 600.0 / kDay, 1e-6);

  engine.Record(Checkout(kT0 + 700, 10, "c2", "d1"));
  engine.Record(Checkout(kT0 + 800, 10, "c3", "d1"));
  const FeatureValues c = engine.Compute(Checkout(kT0 + 2 * kDay, 10, "c4", "d1"));
  EXPECT_EQ(Number(c, "distinct_consumers_per_device_24h"), 1);  // c4 alone: the others are over a day old
  EXPECT_EQ(Number(c, "device_count_7d"), 3);
  EXPECT_EQ(Number(c, "device_count_24h"), 0);
  EXPECT_EQ(engine.entities(), 7u);  // 3 consumers, a device, an email, its domain, a merchant
}

TEST(FeatureEngineTest, MerchantFraudRateUsesOnlyLabelsPastTheDelay) {
  FeatureEngine engine(EngineOptions{7 * kDay});
  Event tx;
  tx.amount_minor = 100;
  tx.set(Entity::kMerchant, "t1");
  for (int i = 0; i < 4; ++i) {
    tx.time_s = kT0 + i * 60;
    engine.Record(tx);
  }
  engine.RecordLabel({kT0, "t1"});  // one of the four was fraud
  tx.time_s = kT0 + kDay;
  EXPECT_TRUE(std::isnan(Number(engine.Compute(tx), "merchant_fraud_rate_7d")));  // nothing is past the delay yet
  tx.time_s = kT0 + 8 * kDay;
  const FeatureValues v = engine.Compute(tx);
  EXPECT_DOUBLE_EQ(Number(v, "merchant_fraud_rate_7d"), 0.25);
  EXPECT_EQ(Number(v, "merchant_fraud_count_7d"), 1);
  EXPECT_EQ(Number(v, "merchant_seconds_since_known_fraud"), 8 * kDay);
  // Measured from the start of the fraud's 6-hour bucket (06:00 for kT0's 08:00).
  const std::int64_t into_bucket_s = kT0 % DelayedRateRing::kWidthS;
  EXPECT_EQ(Number(v, "merchant_seconds_since_fraud_run_start"), 8 * kDay + into_bucket_s);
  EXPECT_EQ(Number(v, "merchant_legitimate_since_known_fraud"), 0);  // the other three share the fraud's bucket
  engine.RecordLabel({kT0 + 2 * kDay, "t1"});
  tx.time_s = kT0 + 10 * kDay;
  EXPECT_EQ(Number(engine.Compute(tx), "merchant_seconds_since_fraud_run_start"), 10 * kDay + into_bucket_s);
  EXPECT_EQ(Number(engine.Compute(tx), "merchant_seconds_since_known_fraud"), 8 * kDay);
  // The label of day 2 is the newest, and no sale came after it.
  EXPECT_EQ(Number(engine.Compute(tx), "merchant_legitimate_since_known_fraud"), 0);
  tx.time_s = kT0 + 3 * kDay;
  engine.Record(tx);  // a legitimate sale after both frauds, known once the delay has passed
  tx.time_s = kT0 + 11 * kDay;
  EXPECT_EQ(Number(engine.Compute(tx), "merchant_legitimate_since_known_fraud"), 1);
}

TEST(FeatureEngineTest, ACardsBaselineIsItsHistoryFromBeforeItsLastTwoWeeks) {
  FeatureEngine engine;
  Event tx;
  tx.set(Entity::kCard, "card1");
  tx.amount_minor = 5'000;
  tx.time_s = kT0;
  EXPECT_TRUE(Missing(engine.Compute(tx), "card_amount_to_mean_before_14d"));  // no history at all
  tx.amount_minor = 1'000;
  for (int i = 0; i < 2; ++i) {
    tx.time_s = kT0 + i * 3600;
    engine.Record(tx);
  }
  tx.amount_minor = 5'000;
  tx.time_s = kT0 + 13 * kDay;
  EXPECT_TRUE(Missing(engine.Compute(tx), "card_amount_to_mean_before_14d"));  // all of it is recent
  tx.time_s = kT0 + 15 * kDay;
  engine.Record(tx);  // the first large one: it joins the 7-day and 30-day means, not the baseline
  tx.time_s = kT0 + 16 * kDay;
  const FeatureValues v = engine.Compute(tx);
  EXPECT_DOUBLE_EQ(Number(v, "card_amount_to_mean_before_14d"), 5);
  EXPECT_DOUBLE_EQ(Number(v, "card_mean_7d_to_mean_before_14d"), 5);
  EXPECT_NEAR(Number(v, "card_amount_to_mean_30d"), 5'000.0 / (7'000.0 / 3), 1e-5);
  // Two weeks on, the large one is in the baseline; day 0 has left the 30 days, though
  // the quiet card's ring still holds it (a restart's rebuild would not).
  tx.time_s = kT0 + 31 * kDay;
  EXPECT_DOUBLE_EQ(Number(engine.Compute(tx), "card_amount_to_mean_before_14d"), 1);
  EXPECT_TRUE(Missing(engine.Compute(tx), "card_mean_7d_to_mean_before_14d"));  // nothing in 7 days
}

std::vector<StreamTransaction> SmallStream(std::uint64_t seed) {
  CardSimOptions o;
  o.customers = 200;
  o.terminals = 400;
  o.days = 40;
  o.seed = seed;
  return StreamOf(SimulateCards(o));
}

std::vector<std::vector<float>> Rows(const std::vector<StreamTransaction>& s, std::int64_t delay) {
  FeatureEngine engine(EngineOptions{delay});
  std::vector<std::vector<float>> rows;
  Replay(s, delay, s.front().time_s, s.back().time_s + 1, engine,
         [&](std::size_t, const float* row) { rows.emplace_back(row, row + FeatureEngine::width()); });
  return rows;
}

bool SameRow(const std::vector<float>& a, const std::vector<float>& b) {
  return std::memcmp(a.data(), b.data(), a.size() * sizeof(float)) == 0;  // NaN-aware: same bits
}

// No feature sees a label before its delay: flipping every label from some instant on
// changes no row before that instant plus the delay, and does change later ones.
TEST(FeatureLeakageTest, NoFeatureSeesALabelBeforeItsDelay) {
  constexpr std::int64_t kDelay = 7 * kDay;
  const std::vector<StreamTransaction> original = SmallStream(3);
  ASSERT_GT(original.size(), 5'000u);
  const std::int64_t cutoff = original.front().time_s + 20 * kDay;
  std::vector<StreamTransaction> flipped = original;
  for (StreamTransaction& t : flipped) {
    if (t.time_s >= cutoff) t.fraud = !t.fraud;
  }
  const auto a = Rows(original, kDelay), b = Rows(flipped, kDelay);
  ASSERT_EQ(a.size(), b.size());
  std::size_t later_differ = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (original[i].time_s < cutoff + kDelay) {
      ASSERT_TRUE(SameRow(a[i], b[i])) << "transaction " << i << " saw a label before its delay";
    } else if (!SameRow(a[i], b[i])) {
      ++later_differ;
    }
  }
  EXPECT_GT(later_differ, 0u);
}

TEST(FeatureReplayTest, OnlineAndOfflineAgree) {
  const std::vector<StreamTransaction> s = SmallStream(5);
  const auto offline = Rows(s, 7 * kDay);
  // Online: one authorization at a time, labels delivered as they become known.
  FeatureEngine engine(EngineOptions{7 * kDay});
  std::size_t next_label = 0;
  std::vector<float> row(FeatureEngine::width());
  for (std::size_t i = 0; i < s.size(); ++i) {
    for (; s[next_label].time_s + 7 * kDay <= s[i].time_s; ++next_label) {
      if (s[next_label].fraud) engine.RecordLabel({s[next_label].time_s, s[next_label].terminal_id});
    }
    const Event e = EventOf(s[i]);
    const FeatureValues v = engine.Compute(e);
    engine.ComputeRow(e, row.data());
    ASSERT_TRUE(SameRow(row, offline[i])) << i;
    for (std::size_t k = 0; k < row.size(); ++k) {
      if (const double* d = std::get_if<double>(&v.values[k])) {
        ASSERT_EQ(static_cast<float>(*d), row[k]);
      }
    }
    engine.Record(e);
  }
}

TEST(FeatureEngineTest, StateIsBoundedPerEntity) {
  EXPECT_LT(FeatureEngine::BytesPerEntity(), 1'024u);
  EXPECT_LT(FeatureEngine::BytesPerMerchantLabels(7 * kDay), 1'400u);
}

}  // namespace
}  // namespace tranche::fraud
