// The demo world: what a new one holds in each operator queue, and that opening it again
// (every `tranche demo` start) re-issues keys without seeding anything twice.
#include <gtest/gtest.h>

#include "app/demo.h"
#include "app/platform.h"
#include "fraud/rules.h"
#include "support/fake_understanding.h"
#include "support/test_server.h"

namespace tranche {
namespace {

struct Queues {
  std::vector<fraud::Review> pending_reviews;
  std::vector<assist::Transcript> handoffs;
  std::size_t plans = 0;
  std::optional<fraud::RulesVersion> rules;
};

Queues QueuesOf(app::Platform& p, const app::DemoCredentials& creds) {
  Queues q;
  const Status read = p.store().Read([&](store::Tx& tx) -> Status {
    TRANCHE_ASSIGN_OR_RETURN(q.pending_reviews,
                             tx.fraud_reviews().List({fraud::ReviewStatus::kPending, std::nullopt}, "", 100));
    TRANCHE_ASSIGN_OR_RETURN(q.rules, tx.fraud_rules().Current());
    for (const std::string& consumer : creds.consumer_ids) {
      TRANCHE_ASSIGN_OR_RETURN(auto plans, tx.plans().ListByConsumer(consumer, "", 100));
      q.plans += plans.size();
    }
    return Status::Ok();
  });
  EXPECT_TRUE(read.ok()) << read.ToString();
  auto handoffs = p.services().assistant->ListHandoffs("", 100);
  EXPECT_TRUE(handoffs.ok());
  if (handoffs.ok()) q.handoffs = std::move(handoffs).value();
  return q;
}

TEST(DemoWorldTest, ANewWorldHasWorkInEachQueueAndReopeningSeedsNothingTwice) {
  testing::TestDatabase db;
  testing::TempDir dir;
  auto p = app::Platform::Open(testing::KeywordAssistantPlatform(dir.path(), db.url()));
  ASSERT_TRUE(p.ok()) << p.status().ToString();

  auto first = app::EnsureDemoWorld((*p)->services());
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_TRUE(first->created);
  const Queues seeded = QueuesOf(**p, *first);
  // One captured purchase per demo consumer; the traveller's is held, not captured.
  EXPECT_EQ(seeded.plans, first->consumer_ids.size());
  ASSERT_EQ(seeded.pending_reviews.size(), 1u);
  EXPECT_EQ(seeded.pending_reviews[0].consumer_id, first->consumer_ids[1]);
  EXPECT_EQ(seeded.pending_reviews[0].merchant_id, first->merchants[2].merchant_id);
  ASSERT_TRUE(seeded.rules.has_value());
  EXPECT_EQ(seeded.rules->source, fraud::kStarterRules);
  EXPECT_EQ(seeded.rules->created_by, first->operator_id);
  ASSERT_EQ(seeded.handoffs.size(), 1u);
  EXPECT_EQ(seeded.handoffs[0].conversation.consumer_id, first->consumer_ids[2]);
  EXPECT_EQ(seeded.handoffs[0].conversation.handoff_reason, "hardship");

  auto again = app::EnsureDemoWorld((*p)->services());
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_FALSE(again->created);
  EXPECT_NE(again->operator_key, first->operator_key);  // re-issued
  EXPECT_EQ(again->consumer_ids, first->consumer_ids);
  const Queues reopened = QueuesOf(**p, *again);
  EXPECT_EQ(reopened.plans, seeded.plans);
  EXPECT_EQ(reopened.pending_reviews.size(), 1u);
  EXPECT_EQ(reopened.handoffs.size(), 1u);
  EXPECT_EQ(reopened.rules->version, seeded.rules->version);
}

}  // namespace
}  // namespace tranche
