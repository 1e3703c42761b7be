// Starting rules from a text (the demo world's and the simulator's), over the
// in-memory store.
#include "ops/fraud_rules.h"

#include <gtest/gtest.h>

#include "fraud/engine_source.h"
#include "store/sqlite/in_memory_store.h"

namespace tranche::ops {
namespace {

class SaveRulesSourceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto s = store::sqlite::InMemoryStore::Open(now_);
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    store_ = std::move(s).value();
  }

  Result<fraud::RulesVersion> Save(std::string source) {
    Result<fraud::RulesVersion> out = Status::Unavailable("not run");
    const Status st = store_->Write([&](store::Tx& tx) -> Status {
      out = SaveRulesSource(tx, fraud::EngineFeatureSource::ScreeningCatalogue(), std::move(source), "opr_1", now_);
      return out.status();
    });
    if (!st.ok() && out.ok()) return st;
    return out;
  }

  std::optional<fraud::RulesVersion> Current() {
    std::optional<fraud::RulesVersion> current;
    EXPECT_TRUE(store_->Read([&](store::Tx& tx) -> Status {
      TRANCHE_ASSIGN_OR_RETURN(current, tx.fraud_rules().Current());
      return Status::Ok();
    }).ok());
    return current;
  }

  const Instant now_ = *ParseRfc3339("2026-03-01T09:00:00Z");
  std::unique_ptr<store::Store> store_;
};

TEST_F(SaveRulesSourceTest, TheStarterRulesBecomeTheFirstVersionByTheOperatorWithDefaultThresholds) {
  auto saved = Save(std::string(fraud::kStarterRules));
  ASSERT_TRUE(saved.ok()) << saved.status().ToString();
  EXPECT_EQ(saved->version, 1);
  EXPECT_EQ(saved->rule_count, 4u);
  EXPECT_EQ(saved->created_by, "opr_1");
  EXPECT_EQ(saved->created_at, now_);
  EXPECT_EQ(saved->thresholds.review_at, fraud::Thresholds{}.review_at);
  EXPECT_EQ(saved->thresholds.block_at, fraud::Thresholds{}.block_at);
  const auto current = Current();
  ASSERT_TRUE(current.has_value());
  EXPECT_EQ(current->source, fraud::kStarterRules);

  auto next = Save("review if amount > 15000\n");
  ASSERT_TRUE(next.ok()) << next.status().ToString();
  EXPECT_EQ(next->version, 2);
}

TEST_F(SaveRulesSourceTest, RulesThatDoNotCheckAreRefusedWithWhereAndNothingIsSaved) {
  ASSERT_TRUE(Save(std::string(fraud::kStarterRules)).ok());
  auto refused = Save("review if amount > 15000\nblock if no_such_feature > 3\n");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), "invalid_fraud_rules");
  EXPECT_NE(refused.status().message().find("line 2, column "), std::string::npos) << refused.status().message();
  const auto current = Current();
  ASSERT_TRUE(current.has_value());
  EXPECT_EQ(current->version, 1);
}

}  // namespace
}  // namespace tranche::ops
