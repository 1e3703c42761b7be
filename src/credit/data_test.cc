// CSV parsing, feature encoding, quality measures and reasons (pure parts of credit/).
#include <gtest/gtest.h>

#include <cmath>

#include "credit/features.h"
#include "credit/metrics.h"
#include "credit/reasons.h"

namespace tranche::credit {
namespace {

TEST(CsvTest, ParsesQuotesDoubledQuotesCrlfAndBom) {
  auto t = ParseCsv("\xEF\xBB\xBFid,name,default\r\n1,\"a, \"\"b\"\"\",0\r\n\r\n2,plain,1\n");
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_EQ(t->header, (std::vector<std::string>{"id", "name", "default"}));
  ASSERT_EQ(t->rows.size(), 2u);
  EXPECT_EQ(t->rows[0][1], "a, \"b\"");
  EXPECT_EQ(t->rows[1][1], "plain");
}

TEST(CsvTest, RefusesMalformedFilesClearly) {
  EXPECT_EQ(ParseCsv("").status().message(), "the file is empty");
  EXPECT_NE(ParseCsv("a,b\n1,2,3\n").status().message().find("line 2: has 3 cells; the header has 2"),
            std::string::npos);
  EXPECT_NE(ParseCsv("a,b\n1,\"2\n").status().message().find("not closed"), std::string::npos);
  EXPECT_NE(ParseCsv("a,a\n1,2\n").status().message().find("appears twice"), std::string::npos);
  std::string wide;
  for (int i = 0; i <= static_cast<int>(kMaxCsvColumns); ++i) wide += (i ? ",c" : "c") + std::to_string(i);
  EXPECT_NE(ParseCsv(wide + "\n").status().message().find("more than 5000 columns"), std::string::npos);
  EXPECT_NE(ParseCsv("a\n" + std::string(kMaxCsvFieldChars + 1, 'x') + "\n").status().message().find("longer"),
            std::string::npos);
}

Table Sample() {
  return *ParseCsv(
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
  auto other = ParseCsv("income,city\n10,Paris\n");
  auto encoded = Encode(*spec, *other, false);
  ASSERT_TRUE(encoded.ok());
  EXPECT_TRUE(std::isnan(encoded->values[1]));
  EXPECT_EQ(InferSpec(Sample(), "default", {"city"})->columns.size(), 1u);
}

TEST(FeaturesTest, RefusesBadLabelsAndWrongTypes) {
  EXPECT_EQ(InferSpec(Sample(), "bad", {}).status().code(), "label_missing");
  EXPECT_EQ(InferSpec(*ParseCsv("x,default\n1,2\n"), "default", {}).status().code(), "invalid_label");
  EXPECT_EQ(InferSpec(*ParseCsv("x,default\n1,0\n2,0\n"), "default", {}).status().code(), "invalid_label");
  EXPECT_EQ(InferSpec(*ParseCsv("x,default\n"), "default", {}).status().code(), "invalid_csv");
  EXPECT_EQ(InferSpec(*ParseCsv("default\n1\n0\n"), "default", {}).status().code(), "no_features");
  auto spec = InferSpec(Sample(), "default", {});
  EXPECT_EQ(Encode(*spec, *ParseCsv("income,city\nlots,Oslo\n"), false).status().code(), "invalid_number");
  EXPECT_EQ(Encode(*spec, *ParseCsv("income\n1\n"), false).status().code(), "column_missing");
}

TEST(MetricsTest, MatchHandComputedValues) {
  const std::vector<float> y = {0, 0, 1, 1};
  EXPECT_DOUBLE_EQ(Auc({0.1, 0.4, 0.35, 0.8}, y), 0.75);
  EXPECT_DOUBLE_EQ(Auc({0.5, 0.5, 0.5, 0.5}, y), 0.5);  // ties count one half
  EXPECT_DOUBLE_EQ(Ks({0.1, 0.4, 0.35, 0.8}, y), 0.5);
  EXPECT_DOUBLE_EQ(Brier({0, 0, 1, 1}, y), 0);
  EXPECT_DOUBLE_EQ(Brier({0.5, 0.5, 0.5, 0.5}, y), 0.25);
  const auto table = CalibrationTable({0.1, 0.2, 0.3, 0.4}, y, 2);
  ASSERT_EQ(table.size(), 2u);
  EXPECT_EQ(table[0].count, 2u);
  EXPECT_DOUBLE_EQ(table[0].observed_rate, 0);
  EXPECT_DOUBLE_EQ(table[1].mean_pd, 0.35);
}

TEST(MetricsTest, PlattRecoversAKnownLogisticRelation) {
  // Labels drawn so that P(y=1 | m) = sigmoid(2m - 1) exactly, in proportion.
  std::vector<double> margins;
  std::vector<float> labels;
  for (int i = -30; i <= 30; ++i) {
    const double m = i / 10.0;
    const double p = 1 / (1 + std::exp(-(2 * m - 1)));
    const int ones = static_cast<int>(std::lround(p * 200));
    for (int k = 0; k < 200; ++k) {
      margins.push_back(m);
      labels.push_back(k < ones ? 1 : 0);
    }
  }
  const Platt p = FitPlatt(margins, labels);
  EXPECT_NEAR(p.a, 2, 0.05);
  EXPECT_NEAR(p.b, -1, 0.05);
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
