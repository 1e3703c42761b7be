// Feature encoding and reasons (pure parts of credit/).
#include <gtest/gtest.h>

#include <cmath>

#include "credit/features.h"
#include "credit/reasons.h"

namespace tranche::credit {
namespace {

Table Sample() {
  return *ml::ParseCsv(
      "id,income,city,default\n"
      "1,100,Oslo,0\n2,,Bergen,1\n3,300,Oslo,0\n4,NA,?,1\n5,50,Oslo,0\n6,70,Bergen,1\n");
}

TEST(FeaturesTest, InfersKindsAndCodesCategoriesByFrequency) {
  auto spec = InferSpec(Sample(), "default", {});
  ASSERT_TRUE(spec.ok()) << spec.status().ToString();
  ASSERT_EQ(spec->columns.size(), 2u);  // id and the label are not features
  EXPECT_EQ(spec->columns[0].kind, ColumnKind::kNumeric);
  EXPECT_EQ(spec->columns[1].kind, ColumnKind::kCategorical);
  EXPECT_EQ(spec->columns[1].categories, (std::vector<std::string>{"Oslo", "Bergen"}));
  auto m = Encode(*spec, Sample(), true);
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->values[0], 100);
  EXPECT_EQ(m->values[1], 0);  // Oslo
  EXPECT_TRUE(std::isnan(m->values[2]));  // missing income
  EXPECT_EQ(m->values[3], 1);  // Bergen
  EXPECT_TRUE(std::isnan(m->values[7]));  // "?" city
  EXPECT_EQ(m->labels, (std::vector<float>{0, 1, 0, 1, 0, 1}));
  EXPECT_EQ(m->ids.front(), "1");
  // Unseen categories are missing; excluded columns are not features.
  auto other = ml::ParseCsv("income,city\n10,Paris\n");
  auto encoded = Encode(*spec, *other, false);
  ASSERT_TRUE(encoded.ok());
  EXPECT_TRUE(std::isnan(encoded->values[1]));
  EXPECT_EQ(InferSpec(Sample(), "default", {"city"})->columns.size(), 1u);
}

TEST(FeaturesTest, RefusesBadLabelsAndWrongTypes) {
  EXPECT_EQ(InferSpec(Sample(), "bad", {}).status().code(), "label_missing");
  EXPECT_EQ(InferSpec(*ml::ParseCsv("x,default\n1,2\n"), "default", {}).status().code(), "invalid_label");
  EXPECT_EQ(InferSpec(*ml::ParseCsv("x,default\n1,0\n2,0\n"), "default", {}).status().code(), "invalid_label");
  EXPECT_EQ(InferSpec(*ml::ParseCsv("x,default\n"), "default", {}).status().code(), "invalid_csv");
  EXPECT_EQ(InferSpec(*ml::ParseCsv("default\n1\n0\n"), "default", {}).status().code(), "no_features");
  auto spec = InferSpec(Sample(), "default", {});
  EXPECT_EQ(Encode(*spec, *ml::ParseCsv("income,city\nlots,Oslo\n"), false).status().code(), "invalid_number");
  EXPECT_EQ(Encode(*spec, *ml::ParseCsv("income\n1\n"), false).status().code(), "column_missing");
}

TEST(ReasonsTest, GroupsFeaturesAndRanksWhatPushedTowardDefault) {
  const std::vector<ReasonEntry> catalogue = {DefaultReason("pay_0"), DefaultReason("pay_2"),
                                              DefaultReason("bill_amt1"), DefaultReason("limit_bal"),
                                              DefaultReason("age"), DefaultReason("pay_amt1"),
                                              DefaultReason("colour")};
  EXPECT_EQ(catalogue[0].code, "recent_late_payments");
  EXPECT_EQ(catalogue[5].code, "low_recent_payments");
  EXPECT_EQ(catalogue[6].code, "other_colour");
  // pay_0 and pay_2 together (0.5) outrank bill_amt1 (0.4); negatives never appear.
  const auto top = TopReasons({0.3F, 0.2F, 0.4F, -0.9F, 0.05F, 0.1F, 0.01F}, catalogue);
  ASSERT_EQ(top.size(), 4u);
  EXPECT_EQ(top[0].code, "recent_late_payments");
  EXPECT_NEAR(top[0].contribution, 0.5, 1e-6);
  EXPECT_EQ(top[1].code, "high_balances");
  EXPECT_EQ(top[2].code, "low_recent_payments");
  EXPECT_EQ(top[3].code, "limited_credit_history");
  EXPECT_TRUE(TopReasons({-1, -1, -1, -1, -1, -1, -1}, catalogue).empty());
}

}  // namespace
}  // namespace tranche::credit
