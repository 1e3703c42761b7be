#include "fraud/engine_source.h"

#include <gtest/gtest.h>

#include <set>

#include "fraud/decision_repo.h"
#include "fraud/rules.h"
#include "store/sqlite/in_memory_store.h"

namespace tranche::fraud {
namespace {

const Instant kNow = *ParseRfc3339("2026-12-01T09:30:00Z");

AuthorizationFacts Facts(std::string consumer, std::string device, Instant at) {
  AuthorizationFacts f;
  f.session_id = "cs_1";
  f.merchant_id = "mer_1";
  f.consumer_id = std::move(consumer);
  f.email = "Ann@Example.com";
  f.amount = Money(12'345, Currency::kSEK);
  f.billing_country = "SE";
  f.ip = "198.51.100.4";
  f.ip_country = "DE";
  f.device_fingerprint = std::move(device);
  f.payment_method = PaymentMethodKey(f.consumer_id, "card", "4242");
  f.now = at;
  return f;
}

const FeatureValue& Value(const FeatureValues& v, std::string_view name) {
  const auto i = EngineFeatureSource::ScreeningCatalogue().Find(name);
  EXPECT_TRUE(i.has_value()) << name;
  return v.at(*i);
}

double Number(const FeatureValues& v, std::string_view name) { return std::get<double>(Value(v, name)); }

class EngineSourceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto s = store::sqlite::InMemoryStore::Open(kNow);
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    store_ = std::move(s).value();
  }
  FeatureValues Compute(const AuthorizationFacts& f) {
    FeatureValues out;
    EXPECT_TRUE(store_->Read([&](store::Tx& tx) -> Status {
      TRANCHE_ASSIGN_OR_RETURN(out, source_.Compute(tx.fraud_decisions(), f));
      return Status::Ok();
    }).ok());
    return out;
  }

  std::unique_ptr<store::sqlite::InMemoryStore> store_;
  EngineFeatureSource source_;
};

TEST(EngineSourceCatalogueTest, IsTheEnginesThenTheStoredFeaturesItLacks) {
  const Catalogue& c = EngineFeatureSource::ScreeningCatalogue();
  const Catalogue& engine = FeatureEngine::catalogue();
  for (std::size_t i = 0; i < engine.size(); ++i) EXPECT_EQ(c.at(i).name, engine.at(i).name);
  std::set<std::string> extra;
  for (std::size_t i = engine.size(); i < c.size(); ++i) extra.insert(c.at(i).name);
  EXPECT_EQ(extra, (std::set<std::string>{"currency", "merchant_id", "ip", "device_fingerprint", "consumer_decisions_1h",
                                          "consumer_decisions_24h", "consumer_declines_24h",
                                          "consumer_approved_amount_24h"}));
  // Rules written against the stored source's names still check.
  const ParseOutcome p = ParseRules(
      "review if consumer_decisions_24h >= 3 and device_fingerprint = \"x\"\n"
      "block if amount > 100000 and ip_country != billing_country and currency = \"SEK\"\n"
      "review if distinct_consumers_per_device_24h >= 3\n",
      c, {});
  EXPECT_TRUE(p.rules.has_value()) << (p.errors.empty() ? "" : p.errors[0].message);
}

TEST(EngineSourceCatalogueTest, AnAuthorizationIsAnEngineEvent) {
  const AuthorizationFacts f = Facts("con_1", "fp_1", kNow + std::chrono::milliseconds(900));
  const Event e = EventOf(f);
  EXPECT_EQ(e.time_s, std::chrono::floor<std::chrono::seconds>(kNow).time_since_epoch().count());
  EXPECT_EQ(e.amount_minor, 1'175);  // 123.45 SEK in US cents at 10.50 SEK per USD, rounded down
  EXPECT_EQ(e.key(Entity::kConsumer), "con_1");
  EXPECT_EQ(e.key(Entity::kEmail), "Ann@Example.com");
  EXPECT_EQ(e.key(Entity::kDevice), "fp_1");
  EXPECT_EQ(e.key(Entity::kIp), "198.51.100.4");
  EXPECT_EQ(e.key(Entity::kCard), "con_1/card/4242");
  EXPECT_EQ(e.key(Entity::kMerchant), "mer_1");
  EXPECT_TRUE(e.key(Entity::kPhone).empty());
  EXPECT_EQ(e.ip_country, "DE");
  EXPECT_EQ(e.billing_country, "SE");
  AuthorizationFacts bare = f;
  bare.ip.reset();
  bare.device_fingerprint.reset();
  bare.payment_method.reset();
  const Event b = EventOf(bare);
  EXPECT_TRUE(b.key(Entity::kDevice).empty() && b.key(Entity::kIp).empty() && b.key(Entity::kCard).empty());
}

TEST_F(EngineSourceTest, ComputeReadsTheEngineAndOnlyRecordChangesIt) {
  const AuthorizationFacts first = Facts("con_1", "fp_1", kNow);
  const FeatureValues a = Compute(first);
  ASSERT_EQ(a.values.size(), EngineFeatureSource::ScreeningCatalogue().size());
  EXPECT_EQ(Number(a, "device_count_24h"), 0);
  EXPECT_EQ(Number(a, "distinct_consumers_per_device_24h"), 1);
  EXPECT_EQ(Number(a, "ip_country_mismatch"), 1);
  EXPECT_EQ(std::get<std::string>(Value(a, "email_domain")), "example.com");
  EXPECT_EQ(std::get<std::string>(Value(a, "currency")), "SEK");
  EXPECT_EQ(std::get<std::string>(Value(a, "device_fingerprint")), "fp_1");
  EXPECT_EQ(Number(a, "consumer_decisions_24h"), 0);  // the store's answer
  EXPECT_EQ(Number(Compute(first), "device_count_24h"), 0);  // computing twice learns nothing

  source_.Record(first);
  source_.Record(Facts("con_2", "fp_1", kNow + std::chrono::minutes(1)));
  const FeatureValues c = Compute(Facts("con_3", "fp_1", kNow + std::chrono::minutes(2)));
  EXPECT_EQ(Number(c, "device_count_24h"), 2);
  EXPECT_EQ(Number(c, "distinct_consumers_per_device_24h"), 3);
  EXPECT_EQ(Number(c, "merchant_count_1h"), 2);
  EXPECT_EQ(Number(c, "card_count_24h"), 0);  // each consumer's own method: a new card
  EXPECT_EQ(Number(c, "merchant_fraud_count_7d"), 0);

  // A label is learned too: the merchant's latest known fraud.
  source_.RecordLabel({"mer_1", kNow, kNow + std::chrono::minutes(2)});
  const FeatureValues d = Compute(Facts("con_3", "fp_1", kNow + std::chrono::minutes(3)));
  EXPECT_EQ(Number(d, "merchant_seconds_since_known_fraud"), 180);
}

}  // namespace
}  // namespace tranche::fraud
