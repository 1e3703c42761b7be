// Engineered features: detected from Taiwan-style column names, computed from the raw
// values the same way at training and scoring, and absent for other layouts.
#include <gtest/gtest.h>

#include <cmath>

#include "credit/features.h"

namespace tranche::credit {
namespace {

const DerivedFeature* Find(const std::vector<DerivedFeature>& all, const std::string& name) {
  for (const DerivedFeature& d : all) {
    if (d.name == name) return &d;
  }
  return nullptr;
}

Table Taiwanish() {
  return *ml::ParseCsv(
      "limit_bal,pay_0,pay_2,pay_3,bill_amt1,bill_amt2,bill_amt3,pay_amt1,pay_amt2,region,default\n"
      "10000,2,1,-1,5000,4000,1000,400,1000,north,1\n"
      "20000,0,0,0,0,0,0,0,0,south,0\n"
      "10000,NA,-1,-1,2000,,1000,0,500,north,0\n");
}

TEST(DerivedFeaturesTest, DetectsTheTaiwanFamiliesByName) {
  auto spec = InferSpec(Taiwanish(), "default", {});
  ASSERT_TRUE(spec.ok());
  const auto derived = DetectDerivedFor(*spec);
  for (const char* name : {"utilisation", "utilisation_mean", "available_credit", "balance_change", "payment_ratio_1",
                           "payment_ratio_2", "payment_ratio_all", "payments_to_limit", "delinquent_months",
                           "delinquency_worst", "delinquency_change"}) {
    EXPECT_NE(Find(derived, name), nullptr) << name;
  }
  EXPECT_EQ(Find(derived, "payment_ratio_3"), nullptr);  // there is no bill_amt4 for pay_amt3
  EXPECT_EQ(Find(derived, "delinquent_months")->monotone, 1);
  EXPECT_EQ(Find(derived, "utilisation")->monotone, 0);
  // Excluding the limit drops what needs it; other layouts get nothing.
  auto no_limit = InferSpec(Taiwanish(), "default", {"limit_bal"});
  EXPECT_EQ(Find(DetectDerivedFor(*no_limit), "utilisation"), nullptr);
  EXPECT_NE(Find(DetectDerivedFor(*no_limit), "delinquent_months"), nullptr);
  auto other = InferSpec(*ml::ParseCsv("income,pay_0,city,default\n1,2,a,0\n2,0,b,1\n"), "default", {});
  EXPECT_TRUE(DetectDerivedFor(*other).empty());
}

TEST(DerivedFeaturesTest, EncodeAppendsValuesComputedFromTheRawColumns) {
  auto spec = InferSpec(Taiwanish(), "default", {});
  ASSERT_TRUE(spec.ok());
  spec->derived = DetectDerivedFor(*spec);
  auto m = Encode(*spec, Taiwanish(), true);
  ASSERT_TRUE(m.ok());
  ASSERT_EQ(m->cols, spec->width());
  const auto at = [&](std::size_t row, const std::string& name) {
    return m->values[row * m->cols + static_cast<std::size_t>(spec->IndexOf(name))];
  };
  EXPECT_FLOAT_EQ(at(0, "utilisation"), 0.5F);
  EXPECT_FLOAT_EQ(at(0, "utilisation_mean"), 10000.0F / 30000.0F);
  EXPECT_FLOAT_EQ(at(0, "available_credit"), 5000);
  EXPECT_FLOAT_EQ(at(0, "balance_change"), 0.4F);       // (5000 − 1000) / 10000
  EXPECT_FLOAT_EQ(at(0, "payment_ratio_1"), 0.1F);      // 400 of the 4000 billed the month before
  EXPECT_FLOAT_EQ(at(0, "payment_ratio_all"), 1400.0F / 5000.0F);
  EXPECT_FLOAT_EQ(at(0, "delinquent_months"), 2);
  EXPECT_FLOAT_EQ(at(0, "delinquency_worst"), 2);
  EXPECT_FLOAT_EQ(at(0, "delinquency_change"), 3);      // pay_0 − pay_3
  // Nothing owed: a payment ratio is missing, not infinite.
  EXPECT_TRUE(std::isnan(at(1, "payment_ratio_1")));
  EXPECT_FLOAT_EQ(at(1, "delinquent_months"), 0);
  // A missing input: ratios are missing, counts use the months present.
  EXPECT_TRUE(std::isnan(at(2, "payment_ratio_1")));
  EXPECT_TRUE(std::isnan(at(2, "utilisation_mean")));
  EXPECT_FLOAT_EQ(at(2, "delinquent_months"), 0);
  EXPECT_FLOAT_EQ(at(2, "delinquency_worst"), -1);
  EXPECT_TRUE(std::isnan(at(2, "delinquency_change")));
}

TEST(DerivedFeaturesTest, OperationsHaveStableNames) {
  for (DerivedOp op : {DerivedOp::kRatioOfSums, DerivedOp::kCountAboveZero, DerivedOp::kMaximum,
                       DerivedOp::kFirstMinusLast}) {
    EXPECT_EQ(DerivedOpFromName(DerivedOpName(op)), op);
  }
  EXPECT_EQ(DerivedOpFromName("square"), std::nullopt);
  EXPECT_EQ(MonthSuffix("pay_amt3", "pay_amt"), 3u);
  EXPECT_EQ(MonthSuffix("pay_amt3", "pay_"), std::nullopt);
}

}  // namespace
}  // namespace tranche::credit
