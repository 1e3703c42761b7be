// The model decider on a model trained from simulated-bureau profiles whose defaults
// follow a known rule (recent late payments drive default).
#include "credit/model_decider.h"
#include "credit/champion_challenger.h"

#include <gtest/gtest.h>

#include <cmath>

#include "credit/profile_features.h"
#include "credit/simulated_data.h"

namespace tranche::credit {
namespace {

const Date kToday = *ParseDate("2026-11-26");
const Date kDob = *ParseDate("1988-06-01");

std::shared_ptr<const CreditModel> TrainedModel(std::uint64_t seed = 20261126) {
  TrainOptions o;
  o.seed = seed;
  o.folds = 3;
  o.max_rounds = 150;
  o.patience = 15;
  o.monotone = {{"pay_0", 1}};
  auto t = Train(SimulatedTrainingData(1500, 11, kToday), o);
  TRANCHE_ASSERT(t.ok());
  return std::make_shared<const CreditModel>(std::move(t).value(), "test");
}

risk::CreditProfile Clean() {
  risk::CreditProfile p;
  p.repayment_status = {-1, -1, -1, -1, -1, -1};
  p.billed_usd = {400, 300, 350, 200, 250, 300};
  p.paid_usd = p.billed_usd;
  p.credit_limit_usd = 12'000;
  p.source = "bureau";
  return p;
}

risk::CreditProfile Delinquent() {
  risk::CreditProfile p = Clean();
  p.repayment_status = {3, 2, 1, 0, 0, 0};
  p.paid_usd = {0, 0, 0, 50, 50, 50};
  p.billed_usd = {2900, 2800, 2700, 2600, 2500, 2400};
  p.credit_limit_usd = 3'000;
  return p;
}

risk::DecisionRequest Request(risk::CreditProfile profile, lending::ProductKind product = lending::ProductKind::kPayIn4,
                              Date dob = kDob) {
  const Currency c = Currency::kUSD;
  return risk::DecisionRequest{lending::DefaultTerms(product, c), Money(30'000, c), kToday, dob,
                               risk::Exposure{Money::Zero(c), Money::Zero(c), std::nullopt, false, 0}, true,
                               std::move(profile)};
}

class ModelDeciderTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { model_ = new std::shared_ptr<const CreditModel>(TrainedModel()); }
  static void TearDownTestSuite() { delete model_; }
  static std::shared_ptr<const CreditModel>* model_;
};
std::shared_ptr<const CreditModel>* ModelDeciderTest::model_ = nullptr;

TEST_F(ModelDeciderTest, DeclinesRecentDelinquencyWithThatReason) {
  const ModelDecider decider(*model_);
  const risk::Decision d = decider.Decide(Request(Delinquent()));
  EXPECT_EQ(d.outcome, risk::Outcome::kDeclined);
  ASSERT_FALSE(d.reasons.empty());
  EXPECT_EQ(d.reasons[0].code, "recent_late_payments");
  EXPECT_EQ(d.reasons[0].message, "Recent late payments on existing credit");
  EXPECT_LE(d.reasons.size(), risk::kMaxDeclineReasons);
  ASSERT_TRUE(d.pd.has_value());
  EXPECT_GT(*d.pd, 0.35);
  EXPECT_EQ(d.decider_version, "model:" + (*model_)->version());
}

TEST_F(ModelDeciderTest, ApprovesACleanProfileWithALimitAndAprByTier) {
  const ModelDecider decider(*model_);
  const risk::Decision d = decider.Decide(Request(Clean(), lending::ProductKind::kFinancing12));
  EXPECT_EQ(d.outcome, risk::Outcome::kApproved);
  EXPECT_TRUE(d.reasons.empty());
  ASSERT_TRUE(d.pd.has_value());
  // The PD's tier sets the first limit and where in the merchant's APR range (0-35.99 %)
  // the price falls.
  const ModelPolicy policy;
  std::size_t tier = 0;
  while (tier < policy.tier_pd.size() && *d.pd >= policy.tier_pd[tier]) ++tier;
  EXPECT_LT(tier, 2u) << *d.pd;  // a clean file is in one of the two best tiers
  EXPECT_EQ(d.credit_limit, Money(policy.tier_limit_usd_minor[tier], Currency::kUSD));
  EXPECT_EQ(d.apr_bps, lending::kMaxAprBps * static_cast<std::int64_t>(tier) / 3);
}

TEST_F(ModelDeciderTest, PolicyRulesStillComeFirst) {
  const ModelDecider decider(*model_);
  const risk::Decision d = decider.Decide(Request(Clean(), lending::ProductKind::kPayIn4, *ParseDate("2012-01-01")));
  EXPECT_EQ(d.outcome, risk::Outcome::kDeclined);
  EXPECT_EQ(d.reasons[0].code, "underage");
}

TEST_F(ModelDeciderTest, SwappingTheModelChangesWhatDecides) {
  ModelDecider decider(*model_);
  auto other = TrainedModel();  // the same data and seed: the same model, a new object
  decider.Swap(other);
  EXPECT_EQ(decider.model().get(), other.get());
  EXPECT_EQ(decider.Decide(Request(Clean())).decider_version, "model:" + other->version());
}

TEST_F(ModelDeciderTest, ChallengerDecidesItsShareOrShadowsEverything) {
  const auto challenger_model = TrainedModel(7);
  ASSERT_NE(challenger_model->version(), (*model_)->version());
  const auto make = [&](ChallengerConfig config) {
    return ChampionChallenger(std::make_unique<ModelDecider>(*model_), std::make_unique<ModelDecider>(challenger_model),
                              config);
  };
  risk::DecisionRequest r = Request(Clean());
  r.routing_key = "con_1";
  EXPECT_EQ(make({0, false}).Decide(r).decider_version, "model:" + (*model_)->version());
  EXPECT_EQ(make({1, false}).Decide(r).decider_version, "model:" + challenger_model->version());

  const risk::Decision shadowed = make({0, true}).Decide(r);
  EXPECT_EQ(shadowed.decider_version, "model:" + (*model_)->version());
  ASSERT_TRUE(shadowed.shadow.has_value());
  EXPECT_EQ(shadowed.shadow->decider_version, "model:" + challenger_model->version());
  EXPECT_TRUE(shadowed.shadow->pd.has_value());

  // Half the consumers, each always to the same side.
  const ChampionChallenger half = make({0.5, false});
  int to_challenger = 0;
  for (int i = 0; i < 4000; ++i) {
    const std::string key = "con_" + std::to_string(i);
    const bool side = half.RoutesToChallenger(key);
    EXPECT_EQ(side, half.RoutesToChallenger(key));
    to_challenger += side ? 1 : 0;
  }
  EXPECT_NEAR(to_challenger, 2000, 150);
}

TEST(ProfileFeaturesTest, MapsTheProfileToTaiwanColumnsByName) {
  FeatureSpec spec{"default", {{"pay_amt2", ColumnKind::kNumeric, {}}, {"age", ColumnKind::kNumeric, {}},
                               {"pay_2", ColumnKind::kNumeric, {}}, {"limit_bal", ColumnKind::kNumeric, {}},
                               {"sex", ColumnKind::kNumeric, {}}, {"pay_0", ColumnKind::kNumeric, {}}},
                   {}};
  const auto row = ProfileFeatures(Delinquent(), kDob, kToday, spec);
  EXPECT_EQ(row[0], 0 * kTaiwanDollarsPerUsd);
  EXPECT_EQ(row[1], 38);
  EXPECT_EQ(row[2], 2);
  EXPECT_EQ(row[3], 3000 * kTaiwanDollarsPerUsd);
  EXPECT_TRUE(std::isnan(row[4]));  // never a model input
  EXPECT_EQ(row[5], 3);
}

TEST(SimulatedBureauTest, IsDeterministicPerIdentity) {
  risk::SimulatedBureau b;
  const risk::Identity who{"ava@example.com", "Larsson", kDob};
  EXPECT_EQ(b.Lookup(who), b.Lookup(who));
  EXPECT_NE(b.Lookup(who), b.Lookup({"noah@example.com", "Bennett", kDob}));
  const auto overlaid = risk::WithTrancheHistory(b.Lookup(who), 2);
  EXPECT_GE(overlaid.repayment_status[0], 2);
  EXPECT_EQ(overlaid.source, "bureau+tranche");
}

}  // namespace
}  // namespace tranche::credit
