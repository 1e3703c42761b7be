#include "ml/group_selection.h"

#include <gtest/gtest.h>

#include "core/random.h"
#include "ml/cross_validation.h"

namespace tranche::ml {
namespace {

double Noise(SeededRandom& random) { return static_cast<double>(random.Uniform(1000)) / 1000.0 - 0.5; }

// 3,000 rows in time order, a tenth positive. Column 0 (group 0) is a steady but noisy
// signal. Columns 1 and 2 (group 1) are a clean signal in the first 70 % of the rows
// that flips in the latest 30 %, the way a feature that measured something else later
// does. Column 3 (group 2) is noise.
Matrix Drifting() {
  SeededRandom random(7);
  Matrix m{3000, 4, {}, {}, {}};
  for (std::size_t r = 0; r < m.rows; ++r) {
    const bool positive = random.Uniform(10) == 0;
    const double y = positive ? 1 : 0;
    const bool late = r >= 2100;
    m.values.push_back(static_cast<float>(y + 1.2 * Noise(random)));
    m.values.push_back(static_cast<float>((late ? 1 - y : y) + 0.1 * Noise(random)));
    m.values.push_back(static_cast<float>(Noise(random)));
    m.values.push_back(static_cast<float>(Noise(random)));
    m.labels.push_back(positive ? 1.0F : 0.0F);
  }
  return m;
}

GroupSelectionOptions Options() {
  GroupSelectionOptions o;
  o.params = LogisticParams({3, 1, 0.1, 1, 1, {}, "exact"});
  o.max_rounds = 100;
  o.patience = 10;
  return o;
}

TEST(GroupSelectionTest, DropsTheGroupThatMisleadsOnTheLatestRowsAndKeepsTheSteadyOne) {
  const Matrix m = Drifting();
  const auto s = SelectGroupsBackward(m, {0, 1, 1, 2}, Options());
  ASSERT_TRUE(s.ok()) << s.status().message();
  EXPECT_TRUE(s->skipped.empty());
  ASSERT_EQ(s->dropped, (std::vector<int>{1}));
  EXPECT_EQ(s->training_rows, 2100u);
  EXPECT_EQ(s->validation_rows, 900u);
  EXPECT_GE(s->chosen_average_precision, s->base_average_precision + Options().min_gain);
  EXPECT_GT(s->chosen_auc, 0.7);
  EXPECT_LT(s->base_auc, 0.5);  // the flipped signal ranks the latest rows backwards
  // Seeded: the same rows give the same trials.
  const auto again = SelectGroupsBackward(m, {0, 1, 1, 2}, Options());
  ASSERT_TRUE(again.ok());
  ASSERT_EQ(again->trials.size(), s->trials.size());
  for (std::size_t i = 0; i < s->trials.size(); ++i) {
    EXPECT_EQ(again->trials[i].group, s->trials[i].group);
    EXPECT_DOUBLE_EQ(again->trials[i].average_precision, s->trials[i].average_precision);
  }
}

TEST(GroupSelectionTest, KeepsEverythingWhenNothingMisleads) {
  Matrix m = Drifting();
  for (std::size_t r = 2100; r < m.rows; ++r) m.values[r * m.cols + 1] = static_cast<float>(m.labels[r]);  // no flip
  const auto s = SelectGroupsBackward(m, {0, 1, 1, 2}, Options());
  ASSERT_TRUE(s.ok());
  EXPECT_TRUE(s->dropped.empty());
  EXPECT_DOUBLE_EQ(s->chosen_average_precision, s->base_average_precision);
  EXPECT_FALSE(s->trials.empty());
}

TEST(GroupSelectionTest, TooFewPositivesInTheLatestRowsSkipsTheChoice) {
  Matrix m = Drifting();
  for (std::size_t r = 2100; r < m.rows; ++r) m.labels[r] = r < 2103 ? 1.0F : 0.0F;  // 3 < kMinSelectionRowsPerClass
  const auto s = SelectGroupsBackward(m, {0, 1, 1, 2}, Options());
  ASSERT_TRUE(s.ok());
  EXPECT_TRUE(s->dropped.empty());
  EXPECT_TRUE(s->trials.empty());
  EXPECT_NE(s->skipped.find("3 positive of 900"), std::string::npos) << s->skipped;
}

}  // namespace
}  // namespace tranche::ml
