#include "assist/nlu_calibration.h"

#include <gtest/gtest.h>

namespace tranche::assist {
namespace {

TEST(Calibration, TemperatureOneLeavesADistributionAlone) {
  std::vector<double> p = {0.7, 0.2, 0.1};
  ApplyTemperature(1.0, p);
  EXPECT_NEAR(p[0], 0.7, 1e-9);
  EXPECT_NEAR(p[2], 0.1, 1e-9);
}

TEST(Calibration, HigherTemperatureFlattens) {
  std::vector<double> p = {0.9, 0.05, 0.05};
  ApplyTemperature(3.0, p);
  EXPECT_LT(p[0], 0.9);
  EXPECT_NEAR(p[0] + p[1] + p[2], 1.0, 1e-9);
}

TEST(Calibration, OverconfidentModelGetsTemperatureAboveOne) {
  // Always 99 % sure, right only 60 % of the time: flattening lowers the loss.
  std::vector<std::vector<double>> raw;
  std::vector<std::size_t> truth;
  for (int i = 0; i < 100; ++i) {
    raw.push_back({0.99, 0.01});
    truth.push_back(i < 60 ? 0 : 1);
  }
  EXPECT_GT(FitTemperature(raw, truth), 1.5);
}

TEST(Calibration, UnderconfidentModelGetsTemperatureBelowOne) {
  std::vector<std::vector<double>> raw(100, std::vector<double>{0.6, 0.4});
  std::vector<std::size_t> truth(100, 0);
  EXPECT_LT(FitTemperature(raw, truth), 0.5);
}

TEST(Calibration, ThresholdSeparatesLowConfidenceOutOfScopeRows) {
  std::vector<ScoredRow> rows;
  for (int i = 0; i < 50; ++i) rows.push_back({0.8 + i * 0.001, true, false, false});
  for (int i = 0; i < 50; ++i) rows.push_back({0.2 + i * 0.001, false, true, false});
  const double t = ChooseOosThreshold(rows);
  EXPECT_GE(t, 0.25);  // ties go to the smallest threshold that separates them
  EXPECT_LE(t, 0.8);
}

TEST(Calibration, ThresholdMayNotCostMuchInScopeAccuracy) {
  // Out-of-scope rows as confident as half of the in-scope ones: catching them would
  // turn away a quarter of the answerable questions, so the threshold stays low.
  std::vector<ScoredRow> rows;
  for (int i = 0; i < 50; ++i) rows.push_back({0.3 + i * 0.01, true, false, false});
  for (int i = 0; i < 5; ++i) rows.push_back({0.5, false, true, false});
  const double t = ChooseOosThreshold(rows);
  EXPECT_LE(t, 0.31);
}

TEST(Calibration, NoOutOfScopeRowsMeansNoThreshold) {
  std::vector<ScoredRow> rows(10, ScoredRow{0.3, true, false, false});
  EXPECT_EQ(ChooseOosThreshold(rows), 0.0);
}

}  // namespace
}  // namespace tranche::assist
