#include "fraud/decision_training.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace tranche::fraud {
namespace {

const Instant kNow = *ParseRfc3339("2026-06-30T12:00:00Z");
constexpr std::chrono::days kDelay{30};

Instant DaysAgo(int days) { return kNow - std::chrono::days(days); }

Label LabelAt(std::string id, bool fraud, Instant at) {
  return Label{std::move(id), "frd_1", "auth_1", fraud, fraud ? "dispute" : "review", "op", at};
}

Catalogue TestCatalogue() {
  return Catalogue({{"amount", ValueType::kNumber, ""},
                    {"email_domain", ValueType::kText, ""},
                    {"count_consumer_24h", ValueType::kNumber, ""}});
}

FraudDecision Decided(Instant at, double amount) {
  FraudDecision d;
  d.id = "frd_" + std::to_string(static_cast<long long>(amount));
  d.created_at = at;
  // Stored by name, in any order; a name the catalogue no longer has is ignored.
  d.features = {{"retired_feature", 1.0}, {"email_domain", std::string("example.com")}, {"amount", amount}};
  return d;
}

TEST(DecisionTrainingTest, ALabelDecidesAtAnyAge) {
  const Instant young = DaysAgo(1);
  const std::vector<Label> fraud = {LabelAt("flb_a", true, kNow)};
  const std::vector<Label> legit = {LabelAt("flb_a", false, kNow)};
  EXPECT_EQ(TrainingLabelOf(young, fraud, kNow - kDelay), TrainingLabel::kFraud);
  EXPECT_EQ(TrainingLabelOf(young, legit, kNow - kDelay), TrainingLabel::kLegitimate);
  EXPECT_EQ(TrainingLabelOf(DaysAgo(90), fraud, kNow - kDelay), TrainingLabel::kFraud);
}

TEST(DecisionTrainingTest, AnUnlabelledDecisionIsLegitimateOnlyOnceTheDelayHasPassed) {
  const Instant cutoff = kNow - kDelay;
  EXPECT_EQ(TrainingLabelOf(cutoff - std::chrono::microseconds(1), {}, cutoff), TrainingLabel::kLegitimate);
  EXPECT_EQ(TrainingLabelOf(cutoff, {}, cutoff), TrainingLabel::kNotYetKnown);
  EXPECT_EQ(TrainingLabelOf(DaysAgo(2), {}, cutoff), TrainingLabel::kNotYetKnown);
}

TEST(DecisionTrainingTest, WhenLabelsDisagreeTheLatestWinsWhateverTheirOrder) {
  const Instant cutoff = kNow - kDelay;
  const Label accepted = LabelAt("flb_b", false, DaysAgo(20));
  const Label disputed = LabelAt("flb_a", true, DaysAgo(10));
  EXPECT_EQ(TrainingLabelOf(DaysAgo(25), std::vector<Label>{accepted, disputed}, cutoff), TrainingLabel::kFraud);
  EXPECT_EQ(TrainingLabelOf(DaysAgo(25), std::vector<Label>{disputed, accepted}, cutoff), TrainingLabel::kFraud);
  // A later finding corrects an earlier one the other way too.
  const Label cleared = LabelAt("flb_c", false, DaysAgo(5));
  EXPECT_EQ(TrainingLabelOf(DaysAgo(25), std::vector<Label>{cleared, disputed}, cutoff), TrainingLabel::kLegitimate);
  // Made at the same instant: the larger id is the later.
  const Label same_time_fraud = LabelAt("flb_z", true, DaysAgo(5));
  EXPECT_EQ(TrainingLabelOf(DaysAgo(25), std::vector<Label>{same_time_fraud, cleared}, cutoff), TrainingLabel::kFraud);
}

TEST(DecisionTrainingTest, RowsFollowTheCatalogueAndCountWhatWasLeftOut) {
  const Catalogue catalogue = TestCatalogue();
  DecisionTrainingSet set(catalogue, kNow, kDelay);
  set.Add(Decided(DaysAgo(40), 100), {});                                                  // old, unlabelled: legit
  set.Add(Decided(DaysAgo(3), 200), {});                                                   // young, unlabelled: out
  set.Add(Decided(DaysAgo(3), 300), std::vector<Label>{LabelAt("flb_a", true, DaysAgo(1))});  // young, fraud
  set.Add(Decided(DaysAgo(50), 400), std::vector<Label>{LabelAt("flb_a", false, DaysAgo(45)),
                                                        LabelAt("flb_b", true, DaysAgo(35))});  // disagree: fraud
  set.Add(Decided(DaysAgo(5), 500), std::vector<Label>{LabelAt("flb_a", false, DaysAgo(4))});  // accepted review

  const DecisionTrainingCounts& c = set.counts();
  EXPECT_EQ(c.decisions, 5u);
  EXPECT_EQ(c.rows(), 4u);
  EXPECT_EQ(c.frauds, 2u);
  EXPECT_EQ(c.labelled_legitimate, 1u);
  EXPECT_EQ(c.unlabelled_legitimate, 1u);
  EXPECT_EQ(c.too_young, 1u);
  EXPECT_EQ(c.disagreeing, 1u);

  const ml::Matrix& m = set.rows();
  ASSERT_EQ(m.rows, 4u);
  ASSERT_EQ(m.cols, 3u);
  EXPECT_EQ(m.labels, (std::vector<float>{0, 1, 1, 0}));
  const std::vector<float> amounts = {100, 300, 400, 500};
  for (std::size_t r = 0; r < m.rows; ++r) {
    EXPECT_EQ(m.row(r)[0], amounts[r]);
    EXPECT_TRUE(std::isnan(m.row(r)[1])) << "text is missing to the trees";
    EXPECT_TRUE(std::isnan(m.row(r)[2])) << "a feature the decision lacks is missing";
  }
}

TEST(DecisionTrainingTest, TooFewRowsOfEitherClassAreRefusedWithTheCounts) {
  const Catalogue catalogue = TestCatalogue();
  DecisionTrainingSet set(catalogue, kNow, kDelay);
  for (std::size_t i = 0; i < kMinTrainingRowsPerClass; ++i) set.Add(Decided(DaysAgo(40), 10), {});
  set.Add(Decided(DaysAgo(1), 20), {});
  for (std::size_t i = 0; i + 1 < kMinTrainingRowsPerClass; ++i) {
    set.Add(Decided(DaysAgo(40), 90), std::vector<Label>{LabelAt("flb_a", true, DaysAgo(39))});
  }
  Status st = set.CheckEnough();
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.code(), "too_few_rows");
  EXPECT_NE(st.message().find("9 fraud and 10 legitimate rows"), std::string::npos) << st.message();
  EXPECT_NE(st.message().find("1 unlabelled decisions younger than the 30-day label delay"), std::string::npos)
      << st.message();
  set.Add(Decided(DaysAgo(40), 90), std::vector<Label>{LabelAt("flb_a", true, DaysAgo(39))});
  EXPECT_TRUE(set.CheckEnough().ok());
  EXPECT_EQ(DecisionTrainingSet(catalogue, kNow, kDelay).CheckEnough().code(), "too_few_rows");
}

}  // namespace
}  // namespace tranche::fraud
