// The decision report and drift monitoring.
#include <gtest/gtest.h>

#include <cmath>

#include "credit/reporting.h"
#include "credit/simulated_data.h"

namespace tranche::credit {
namespace {

risk::DecisionRecord Decision(std::string id, std::string version, bool approved, std::optional<double> pd,
                              std::optional<risk::CreditProfile> profile = std::nullopt) {
  const Currency c = Currency::kUSD;
  risk::DecisionRequest req{lending::DefaultTerms(lending::ProductKind::kPayIn4, c), Money(10000, c),
                            *ParseDate("2026-11-26"), *ParseDate("1985-01-01"),
                            risk::Exposure{Money::Zero(c), Money::Zero(c), std::nullopt, false, 0}, true,
                            std::move(profile)};
  risk::Decision d{approved ? risk::Outcome::kApproved : risk::Outcome::kDeclined, {}, Money(60000, c), 0,
                   std::move(version), pd};
  if (!approved) d.reasons.push_back({"x", "y"});
  return {std::move(id), "cs", "mer", "con", std::move(req), std::move(d), *ParseRfc3339("2026-11-26T10:00:00Z")};
}

TEST(ReportTest, ComparesVersionsSideBySide) {
  const std::vector<risk::DecisionRecord> ds = {
      Decision("d1", "model:a", true, 0.1), Decision("d2", "model:a", false, 0.5), Decision("d3", "model:b", true, 0.2),
      Decision("d4", "policy-1", true, std::nullopt)};
  const auto r = ReportByVersion(ds, {{"d1", "d3"}, {"d3"}});
  ASSERT_EQ(r.size(), 3u);
  EXPECT_EQ(r[0].decider_version, "model:a");
  EXPECT_EQ(r[0].decisions, 2u);
  EXPECT_EQ(r[0].approved, 1u);
  EXPECT_DOUBLE_EQ(r[0].mean_pd, 0.3);
  EXPECT_EQ(r[0].matured, 1u);
  EXPECT_EQ(r[0].defaulted, 0u);
  EXPECT_EQ(r[1].defaulted, 1u);
  EXPECT_TRUE(std::isnan(r[2].mean_pd));

  // A shadow challenger gets its own row.
  std::vector<risk::DecisionRecord> shadowed = {Decision("d5", "model:a", true, 0.1)};
  shadowed[0].decision.shadow = risk::ShadowDecision{"model:c", risk::Outcome::kDeclined, 0.4};
  const auto s = ReportByVersion(shadowed, {});
  ASSERT_EQ(s.size(), 2u);
  EXPECT_FALSE(s[0].shadow);
  EXPECT_TRUE(s[1].shadow);
  EXPECT_EQ(s[1].decider_version, "model:c");
  EXPECT_EQ(s[1].approved, 0u);
  EXPECT_DOUBLE_EQ(s[1].mean_pd, 0.4);
}

// d1..d4 decided by model:a with challenger model:c shadowing; d1-d3 matured, d1 and d3
// defaulted; d5 decided by another version.
std::vector<risk::DecisionRecord> ShadowedBook() {
  const double champion_pd[] = {0.8, 0.4, 0.35, 0.1};
  const double challenger_pd[] = {0.3, 0.2, 0.6, 0.5};
  std::vector<risk::DecisionRecord> out;
  for (int i = 0; i < 4; ++i) {
    out.push_back(Decision("d" + std::to_string(i + 1), "model:a", true, champion_pd[i]));
    out.back().decision.shadow = risk::ShadowDecision{"model:c", risk::Outcome::kApproved, challenger_pd[i]};
  }
  out.push_back(Decision("d5", "model:b", true, 0.9));
  return out;
}

TEST(ReportTest, ScoredRowsAreOneModelsPdsWithTheOutcomesKnown) {
  const risk::DecisionRepo::Outcomes outcomes{{"d1", "d2", "d3", "d5"}, {"d1", "d3", "d5"}};
  const auto champion = ScoredRowsOf(ShadowedBook(), outcomes, "model:a", false);
  ASSERT_EQ(champion.size(), 4u);
  EXPECT_DOUBLE_EQ(champion[0].score, 0.8);
  EXPECT_EQ(champion[0].positive, std::optional<bool>(true));
  EXPECT_EQ(champion[1].positive, std::optional<bool>(false));
  EXPECT_FALSE(champion[3].positive.has_value());  // not matured
  const auto challenger = ScoredRowsOf(ShadowedBook(), outcomes, "model:c", true);
  ASSERT_EQ(challenger.size(), 4u);
  EXPECT_DOUBLE_EQ(challenger[2].score, 0.6);
  EXPECT_EQ(challenger[2].positive, std::optional<bool>(true));
  EXPECT_TRUE(ScoredRowsOf(ShadowedBook(), outcomes, "model:c", false).empty());
}

TEST(ReportTest, ComparesChampionAndChallengerOnTheMaturedDecisionsBothScored) {
  const risk::DecisionRepo::Outcomes outcomes{{"d1", "d2", "d3", "d5"}, {"d1", "d3", "d5"}};
  const HeadToHead h = CompareOnMatured(ShadowedBook(), outcomes, "model:a", "model:c");
  EXPECT_EQ(h.matured, 3u);  // d5 was not shadowed, d4 has not matured
  EXPECT_EQ(h.defaulted, 2u);
  // Defaults d1 (0.8) and d3 (0.35) against d2 (0.4): one pair of two ranked right.
  EXPECT_DOUBLE_EQ(*h.champion_auc, 0.5);
  // Challenger: d1 0.3 and d3 0.6 against d2 0.2: both ranked right.
  EXPECT_DOUBLE_EQ(*h.challenger_auc, 1.0);
  const HeadToHead none = CompareOnMatured(ShadowedBook(), {}, "model:a", "model:c");
  EXPECT_EQ(none.matured, 0u);
  EXPECT_FALSE(none.champion_auc.has_value());
}

TEST(MonitorTest, FlagsAPopulationThatDriftedFromTraining) {
  TrainOptions o;
  o.folds = 3;
  o.max_rounds = 100;
  auto t = Train(SimulatedTrainingData(3000, 21, *ParseDate("2026-11-26")), o);
  ASSERT_TRUE(t.ok());
  const CreditModel model(std::move(t).value(), "simulated");
  // Training recorded the out-of-fold curves for the console.
  ASSERT_TRUE(model.held_out().has_value());
  EXPECT_EQ(model.held_out()->method, "cross_validated");
  EXPECT_EQ(model.held_out()->curves.rows, 3000u);
  EXPECT_LE(model.held_out()->curves.roc.size(), ml::kMaxRocPoints);
  EXPECT_EQ(model.held_out()->curves.calibration.size(), 10u);
  risk::SimulatedBureau bureau;
  std::vector<risk::DecisionRecord> usual, drifted;
  for (int i = 0; i < 2000; ++i) {
    auto p = bureau.Lookup({"m" + std::to_string(i) + "@example.com", "Doe", *ParseDate("1985-01-01")});
    usual.push_back(Decision("u" + std::to_string(i), "model:x", true, 0.1, p));
    p.repayment_status = {3, 3, 2, 2, 1, 1};  // everyone recently late
    drifted.push_back(Decision("v" + std::to_string(i), "model:x", false, 0.6, p));
  }
  const MonitorReport calm = Monitor(model, usual, {});
  EXPECT_EQ(calm.scored, 2000u);
  ASSERT_FALSE(calm.top_features.empty());
  EXPECT_EQ(calm.top_features[0].feature, "pay_0");  // the model's main driver
  const MonitorReport alarm = Monitor(model, drifted, {});
  EXPECT_GT(alarm.score_psi, ml::kPsiSignificant);
  EXPECT_GT(alarm.score_psi, calm.score_psi);
  ASSERT_EQ(alarm.vintages.size(), 1u);
  EXPECT_EQ(alarm.vintages[0].month, "2026-11");
  EXPECT_EQ(alarm.approved, 0u);
}

}  // namespace
}  // namespace tranche::credit
