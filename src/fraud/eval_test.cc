// The handbook's protocol on a small simulated stream, the card precision measure by
// hand, and the trained model's directory.
#include "fraud/eval.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "fraud/cards_sim.h"
#include "fraud/features.h"
#include "fraud/model.h"
#include "fraud/stream_training.h"

namespace tranche::fraud {
namespace {

constexpr std::int64_t kDay = 86'400;

TEST(CardPrecisionTest, PerDayWithDetectedCardsRemovedLater) {
  const std::string a = "a", b = "b", c = "c";
  const std::vector<CardDayRow> rows = {
      // Day 0: a (fraud, 0.9 and 0.1 → 0.9), b (genuine, 0.8), c (fraud, 0.2). Top 2: a, b.
      {0, &a, 0.9, true}, {0, &a, 0.1, false}, {0, &b, 0.8, false}, {0, &c, 0.2, true},
      // Day 1: a was detected on day 0 and is gone; top 2: c (fraud), b.
      {1, &a, 0.99, true}, {1, &b, 0.5, false}, {1, &c, 0.7, true}};
  const std::vector<double> p = CardPrecisionPerDay(rows, 2);
  ASSERT_EQ(p.size(), 2u);
  EXPECT_DOUBLE_EQ(p[0], 0.5);
  EXPECT_DOUBLE_EQ(p[1], 0.5);
}

std::vector<StreamTransaction> Stream() {
  CardSimOptions o;
  o.customers = 300;
  o.terminals = 600;
  o.days = 42;
  o.seed = 11;
  return StreamOf(SimulateCards(o));
}

FraudEvalOptions Options(const std::vector<StreamTransaction>& s) {
  FraudEvalOptions o;
  o.train_start_s = (s.front().time_s / kDay + 21) * kDay;
  o.train_days = 7;
  o.delay_days = 7;
  o.test_days = 7;
  o.top_k = 10;
  o.train.folds = 2;
  o.train.max_rounds = 30;
  o.train.threads = 1;
  return o;
}

TEST(FraudEvalTest, DeterministicAndBetterThanChance) {
  const std::vector<StreamTransaction> s = Stream();
  auto a = EvaluateFraud(s, Options(s));
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  auto b = EvaluateFraud(s, Options(s));
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(a->auc, b->auc);
  EXPECT_EQ(a->average_precision, b->average_precision);
  EXPECT_EQ(a->card_precision_per_day, b->card_precision_per_day);
  EXPECT_EQ(a->card_precision_per_day.size(), 7u);
  EXPECT_GT(a->auc, 0.65);
  const double base_rate = static_cast<double>(a->test_frauds) / static_cast<double>(a->test_rows);
  EXPECT_GT(a->average_precision, 2 * base_rate);
  EXPECT_EQ(a->predictions.size(), a->test_rows + a->excluded_rows);
  // Every prediction is a test-window transaction.
  const std::int64_t test_start = Options(s).train_start_s + 14 * kDay;
  for (const auto& [index, p] : a->predictions) {
    ASSERT_GE(s[index].time_s, test_start);
    ASSERT_LT(s[index].time_s, test_start + 7 * kDay);
  }
}

TEST(FraudEvalTest, RefusesWindowsWithoutBothClasses) {
  const std::vector<StreamTransaction> s = Stream();
  FraudEvalOptions o = Options(s);
  o.train_start_s = s.back().time_s + 100 * kDay;  // after the stream: no rows
  EXPECT_EQ(EvaluateFraud(s, o).status().code(), "too_few_rows");
  o.train_days = 0;
  EXPECT_EQ(EvaluateFraud(s, o).status().code(), "invalid_window");
}

TEST(FeatureFamilyTest, IsTheNameWithoutItsWindow) {
  EXPECT_EQ(FeatureFamily("consumer_count_24h"), "consumer_count");
  EXPECT_EQ(FeatureFamily("consumer_count_1h"), "consumer_count");
  EXPECT_EQ(FeatureFamily("merchant_fraud_rate_1d"), "merchant_fraud_rate");
  EXPECT_EQ(FeatureFamily("card_amount_to_mean_before_14d"), "card_amount_to_mean_before");
  EXPECT_EQ(FeatureFamily("amount"), "amount");
  EXPECT_EQ(FeatureFamily("merchant_legitimate_since_known_fraud"), "merchant_legitimate_since_known_fraud");
  EXPECT_EQ(FeatureFamily("_7d"), "_7d");  // nothing would be left
}

TEST(FraudEvalTest, TheFeatureChoiceIsRecordedAndTheModelReadsNoDroppedFamily) {
  const std::vector<StreamTransaction> s = Stream();
  FraudEvalOptions o = Options(s);
  o.train.select_features = true;
  auto r = EvaluateFraud(s, o);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_TRUE(r->model.selection.has_value());
  const ml::GroupSelection& sel = *r->model.selection;
  ASSERT_TRUE(sel.skipped.empty()) << sel.skipped;
  EXPECT_FALSE(sel.trials.empty());
  EXPECT_EQ(sel.training_rows + sel.validation_rows, r->train_rows);
  EXPECT_EQ(r->model.dropped_families.size(), sel.dropped.size());
  EXPECT_GE(sel.chosen_average_precision, sel.base_average_precision);
  const Catalogue& catalogue = FeatureEngine::catalogue();
  for (std::size_t c : r->model.columns) {
    const std::string family = FeatureFamily(catalogue.at(c).name);
    for (const std::string& dropped : r->model.dropped_families) EXPECT_NE(family, dropped);
  }
  auto model = FraudModel::FromTrained(r->model, catalogue, 7 * kDay);
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  const auto meta = nlohmann::json::parse(model->Describe());
  ASSERT_TRUE(meta.contains("feature_selection"));
  EXPECT_EQ(meta["feature_selection"]["dropped_families"].get<std::vector<std::string>>(), r->model.dropped_families);
  EXPECT_EQ(meta["feature_selection"]["trials"], sel.trials.size());
  // Without the option nothing is chosen and the file says nothing about it.
  auto plain = EvaluateFraud(s, Options(s));
  ASSERT_TRUE(plain.ok());
  EXPECT_FALSE(plain->model.selection.has_value());
  EXPECT_GE(plain->model.columns.size(), r->model.columns.size());
}

TEST(FraudModelTest, RoundTripsThroughItsDirectoryWithReasons) {
  const std::vector<StreamTransaction> s = Stream();
  auto r = EvaluateFraud(s, Options(s));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  auto model = FraudModel::FromTrained(r->model, FeatureEngine::catalogue(), 7 * kDay);
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  const std::string dir = ::testing::TempDir() + "/tranche_fraud_model_" + model->version();
  ASSERT_TRUE(model->Save(dir).ok());
  auto loaded = FraudModel::Load(dir, FeatureEngine::catalogue());
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_EQ(loaded->version(), model->version());
  EXPECT_EQ(loaded->label_delay_s(), 7 * kDay);
  // The out-of-fold curves and the training scores' bins come back as written.
  ASSERT_TRUE(loaded->held_out().has_value() && loaded->score_baseline().has_value());
  EXPECT_EQ(loaded->held_out()->auc, model->held_out()->auc);
  EXPECT_LE(loaded->held_out()->roc.size(), ml::kMaxRocPoints);
  EXPECT_EQ(loaded->score_baseline()->edges, model->score_baseline()->edges);

  FeatureEngine engine;
  Event e;
  e.time_s = s.back().time_s;
  e.amount_minor = 90'000;  // an amount over 220: fraud by scenario 1
  e.set(Entity::kCard, s.back().customer_id);
  e.set(Entity::kMerchant, s.back().terminal_id);
  const FeatureValues v = engine.Compute(e);
  const FraudScore a = model->Score(v, true), b = loaded->Score(v, true);
  EXPECT_EQ(a.probability, b.probability);
  e.amount_minor = 2'000;  // an ordinary amount scores lower
  EXPECT_LT(model->Score(engine.Compute(e), false).score, a.score);
  EXPECT_LE(a.score, 99);
  ASSERT_FALSE(a.reasons.empty());
  EXPECT_EQ(a.reasons[0].feature, "amount");
  for (std::size_t i = 1; i < a.reasons.size(); ++i) EXPECT_GE(a.reasons[i - 1].contribution, a.reasons[i].contribution);
  EXPECT_TRUE(model->Score(v, false).reasons.empty());

  std::filesystem::remove(std::filesystem::path(dir) / "fraud_model.json");
  EXPECT_EQ(FraudModel::Load(dir, FeatureEngine::catalogue()).status().code(), "model_incomplete");
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace tranche::fraud
