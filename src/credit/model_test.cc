// Training, scoring and the model directory, on a small synthetic data set whose
// truth is known: late payments drive default, noise does not.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <sstream>

#include "core/random.h"
#include "credit/model.h"
#include "credit/profile_features.h"
#include "credit/simulated_data.h"

namespace tranche::credit {
namespace {

// 800 rows: pay_0 (months late, 0-4) and bill_amt1 raise the odds of default; noise is noise.
Table Synthetic(std::uint64_t seed = 7) {
  SeededRandom r(seed);
  std::ostringstream csv;
  csv << "id,pay_0,bill_amt1,noise,region,default\n";
  for (int i = 0; i < 800; ++i) {
    const int late = static_cast<int>(r.Uniform(5));
    const int bill = static_cast<int>(r.Uniform(10'000));
    const int noise = static_cast<int>(r.Uniform(100));
    const char* region = r.Uniform(2) == 0 ? "north" : "south";
    const double p = 1 / (1 + std::exp(-(-2.5 + 1.1 * late + 0.0001 * bill)));
    const int y = static_cast<double>(r.Uniform(1'000'000)) / 1e6 < p ? 1 : 0;
    csv << i + 1 << ',' << late << ',' << bill << ',' << noise << ',' << region << ',' << y << '\n';
  }
  return *ml::ParseCsv(csv.str());
}

TrainOptions Fast() {
  TrainOptions o;
  o.folds = 3;
  o.max_rounds = 120;
  o.patience = 15;
  o.outer_folds = 5;
  return o;
}

class ModelTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto t = Train(Synthetic(), Fast());
    ASSERT_TRUE(t.ok()) << t.status().ToString();
    model_ = new CreditModel(std::move(t).value(), "synthetic");
  }
  static void TearDownTestSuite() { delete model_; }
  static CreditModel* model_;
};
CreditModel* ModelTest::model_ = nullptr;

std::vector<float> Row(float late, float bill, float noise = 50, float region = 0) { return {late, bill, noise, region}; }

TEST_F(ModelTest, LearnsTheSignalAndIsCalibrated) {
  const auto m = Encode(model_->spec(), Synthetic(99), true);
  ASSERT_TRUE(m.ok());
  auto scores = model_->ScoreMatrix(*m);
  ASSERT_TRUE(scores.ok());
  std::vector<double> pd;
  for (const auto& s : *scores) pd.push_back(s.pd);
  const Quality q = Measure(pd, m->labels);
  EXPECT_GT(q.auc, 0.75);  // on fresh data from the same process
  double mean_pd = 0, rate = 0;
  for (std::size_t i = 0; i < pd.size(); ++i) {
    mean_pd += pd[i];
    rate += m->labels[i];
  }
  EXPECT_NEAR(mean_pd / static_cast<double>(pd.size()), rate / static_cast<double>(pd.size()), 0.05);
}

TEST_F(ModelTest, ReasonsAndContributionsAddUpToTheMargin) {
  auto risky = model_->ScoreOne(Row(4, 9000));
  auto safe = model_->ScoreOne(Row(0, 500));
  ASSERT_TRUE(risky.ok() && safe.ok());
  EXPECT_GT(risky->pd, 0.6);
  EXPECT_LT(safe->pd, risky->pd);
  ASSERT_FALSE(risky->reasons.empty());
  EXPECT_EQ(risky->reasons[0].code, "recent_late_payments");
  EXPECT_LE(risky->reasons.size(), kMaxReasons);
  // The margin from contributions equals the booster's own margin.
  const auto m = Encode(model_->spec(), *ml::ParseCsv("pay_0,bill_amt1,noise,region\n4,9000,50,north\n"), false);
  auto batch = model_->ScoreMatrix(*m);
  ASSERT_TRUE(batch.ok());
  EXPECT_NEAR((*batch)[0].margin, risky->margin, 1e-4);
  EXPECT_NEAR((*batch)[0].pd, risky->pd, 1e-6);
}

TEST_F(ModelTest, ContributionsBlendTreeShapWithTheScorecardExactly) {
  Table t = Synthetic(5);
  for (std::size_t r = 0; r < t.rows.size(); r += 7) t.rows[r][2] = "";  // some missing bill_amt1
  const auto m = Encode(model_->spec(), t, false);
  ASSERT_TRUE(m.ok());
  auto theirs = model_->XgboostContributions(*m);
  ASSERT_TRUE(theirs.ok());
  const std::size_t width = m->cols + 1;
  ASSERT_EQ(theirs->size(), m->rows * width);
  auto ours = model_->ScoreMatrix(*m);
  ASSERT_TRUE(ours.ok());
  const double blend = model_->blend();
  for (std::size_t r = 0; r < m->rows; ++r) {
    const float* row = m->values.data() + r * m->cols;
    std::vector<double> linear(width, 0);
    if (blend > 0) model_->scorecard()->Contributions(row, linear.data());
    double margin = 0, sum = 0;
    for (std::size_t i = 0; i < width; ++i) {
      const double expected = (1 - blend) * (*theirs)[r * width + i] + blend * linear[i];
      EXPECT_NEAR((*ours)[r].contributions[i], expected, 1e-4) << r << " " << i;
      margin += expected;
      sum += (*ours)[r].contributions[i];
    }
    EXPECT_NEAR((*ours)[r].margin, margin, 1e-4) << r;
    EXPECT_NEAR((*ours)[r].margin, sum, 1e-9) << r;
  }
}

TEST(TreeShapTest, EachFeaturesContributionEqualsXgboosts) {
  auto t = Train(Synthetic(), Fast());
  ASSERT_TRUE(t.ok());
  Table data = Synthetic(8);
  for (std::size_t r = 0; r < data.rows.size(); r += 5) data.rows[r][1] = "NA";  // missing pay_0
  const auto m = Encode(t->spec, data, false);
  ASSERT_TRUE(m.ok());
  auto d = ml::DMatrix::FromDense(m->values, m->rows, m->cols, {});
  ASSERT_TRUE(d.ok());
  auto theirs = t->booster.PredictContributions(*d);
  auto margins = t->booster.PredictMargins(*d);
  auto trees = ml::TreeEnsemble::FromBoosterJson(*t->booster.ToJson(), m->cols);
  ASSERT_TRUE(theirs.ok() && margins.ok() && trees.ok());
  std::vector<double> phi(m->cols + 1);
  for (std::size_t r = 0; r < m->rows; ++r) {
    const float* row = m->values.data() + r * m->cols;
    trees->Contributions(row, phi.data());
    for (std::size_t i = 0; i <= m->cols; ++i) {
      EXPECT_NEAR(phi[i], (*theirs)[r * (m->cols + 1) + i], 1e-4) << "row " << r << " feature " << i;
    }
    EXPECT_NEAR(trees->Margin(row), (*margins)[r], 1e-4) << r;
  }
}

TEST_F(ModelTest, RoundTripsThroughItsDirectory) {
  const std::string dir = ::testing::TempDir() + "/tranche_model_" + model_->version();
  ASSERT_TRUE(model_->Save(dir).ok());
  auto loaded = CreditModel::Load(dir);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_EQ(loaded->version(), model_->version());
  EXPECT_EQ(loaded->spec().columns.size(), model_->spec().columns.size());
  for (float late : {0.0F, 2.0F, 4.0F}) {
    EXPECT_DOUBLE_EQ(loaded->ScoreOne(Row(late, 3000))->pd, model_->ScoreOne(Row(late, 3000))->pd);
  }
  EXPECT_NE(loaded->Describe().find("cross-validated (optimistic"), std::string::npos);
  EXPECT_NE(loaded->Describe().find("unbiased estimate (validation_split"), std::string::npos);
  // The held-out curves come back as written: the validation split's.
  ASSERT_TRUE(loaded->held_out().has_value());
  EXPECT_EQ(loaded->held_out()->method, "validation_split");
  EXPECT_EQ(loaded->held_out()->curves.roc.size(), model_->held_out()->curves.roc.size());
  EXPECT_EQ(loaded->held_out()->curves.auc, model_->held_out()->curves.auc);
  EXPECT_EQ(loaded->held_out()->curves.calibration.size(), 10u);
  std::filesystem::remove(std::filesystem::path(dir) / "spec.json");
  EXPECT_EQ(CreditModel::Load(dir).status().code(), "model_incomplete");
  std::filesystem::remove_all(dir);
}

TEST(TrainTest, SameDataAndSeedGiveTheSameModel) {
  auto a = Train(Synthetic(), Fast());
  auto b = Train(Synthetic(), Fast());
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(*a->booster.ToJson(), *b->booster.ToJson());
  EXPECT_EQ(a->cv.auc, b->cv.auc);
  EXPECT_EQ(a->platt.a, b->platt.a);
  EXPECT_EQ(a->blend, b->blend);
  EXPECT_EQ(a->validation->model.auc, b->validation->model.auc);
  EXPECT_EQ(CreditModel(std::move(a).value(), "s").version(), CreditModel(std::move(b).value(), "s").version());
}

TEST(TrainTest, ReportsAnUnbiasedEstimateBesideTheBaseline) {
  TrainOptions o = Fast();
  auto split = Train(Synthetic(), o);
  ASSERT_TRUE(split.ok());
  ASSERT_TRUE(split->validation.has_value());
  EXPECT_EQ(split->validation->folds_scored, 1);
  EXPECT_NEAR(static_cast<double>(split->validation->rows), 800.0 / 5, 2);  // one outer fold
  EXPECT_GT(split->validation->model.auc, 0.7);
  EXPECT_GT(split->validation->baseline.auc, 0.7);
  o.nested = true;
  o.outer_folds = 3;
  auto nested = Train(Synthetic(), o);
  ASSERT_TRUE(nested.ok());
  EXPECT_EQ(nested->validation->folds_scored, 3);
  EXPECT_EQ(nested->validation->rows, 800u);  // every row scored by a model that never saw it
  // The final model does not depend on how it was evaluated.
  EXPECT_EQ(*nested->booster.ToJson(), *split->booster.ToJson());
  o.outer_folds = 0;
  EXPECT_FALSE(Train(Synthetic(), o)->validation.has_value());
  o.outer_folds = 1;
  EXPECT_EQ(Train(Synthetic(), o).status().code(), "invalid_folds");
  // Too few defaults to put some in every training subset: refused, not asserted.
  Table few = Synthetic();
  int kept = 0;
  for (auto& row : few.rows) {
    if (row.back() == "1" && ++kept > 10) row.back() = "0";
  }
  o.outer_folds = 5;
  EXPECT_EQ(Train(few, o).status().code(), "too_few_rows");
}

// A Taiwan-shaped model: engineered features and the scorecard survive the model
// directory, and scoring a raw row (as the checkout decider does) equals scoring the
// encoded file (as eval and score do).
TEST(TrainTest, EngineeredFeaturesAreComputedByTheModelEverywhere) {
  const Date today = *ParseDate("2026-11-26");
  const Table data = SimulatedTrainingData(1500, 11, today);
  TrainOptions o = Fast();
  o.outer_folds = 0;
  auto t = Train(data, o);
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_GE(t->spec.derived.size(), 10u);
  CreditModel model(std::move(t).value(), "simulated");
  const std::string dir = ::testing::TempDir() + "/tranche_model_derived_" + model.version();
  ASSERT_TRUE(model.Save(dir).ok());
  auto loaded = CreditModel::Load(dir);
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_EQ(loaded->spec().width(), model.spec().width());
  EXPECT_EQ(loaded->blend(), model.blend());
  const Table fresh = SimulatedTrainingData(50, 12, today);
  auto m = Encode(loaded->spec(), fresh, true);
  ASSERT_TRUE(m.ok());
  auto batch = loaded->ScoreMatrix(*m);
  ASSERT_TRUE(batch.ok());
  for (std::size_t r = 0; r < m->rows; ++r) {
    const std::vector<float> raw(m->values.begin() + static_cast<std::ptrdiff_t>(r * m->cols),
                                 m->values.begin() + static_cast<std::ptrdiff_t>(r * m->cols + loaded->spec().columns.size()));
    auto one = model.ScoreOne(raw);
    ASSERT_TRUE(one.ok());
    EXPECT_DOUBLE_EQ(one->pd, (*batch)[r].pd) << r;
    ASSERT_EQ(one->contributions.size(), loaded->spec().width() + 1);
    double sum = 0;
    for (double c : one->contributions) sum += c;
    EXPECT_NEAR(sum, one->margin, 1e-9);
  }
  std::filesystem::remove_all(dir);
}

TEST(TrainTest, HonoursMonotoneConstraints) {
  TrainOptions o = Fast();
  o.monotone = {{"bill_amt1", 1}};
  auto t = Train(Synthetic(), o);
  ASSERT_TRUE(t.ok());
  CreditModel m(std::move(t).value(), "synthetic");
  double last = 0;
  for (float bill = 0; bill <= 10'000; bill += 500) {
    const double pd = m.ScoreOne(Row(2, bill))->pd;
    EXPECT_GE(pd, last - 1e-12) << bill;
    last = pd;
  }
  o.monotone = {{"region", 1}};
  EXPECT_EQ(Train(Synthetic(), o).status().code(), "invalid_monotone");
  o.monotone = {{"nope", 1}};
  EXPECT_EQ(Train(Synthetic(), o).status().code(), "invalid_monotone");
}

}  // namespace
}  // namespace tranche::credit
