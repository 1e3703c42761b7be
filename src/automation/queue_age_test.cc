#include "automation/queue_age.h"

#include <gtest/gtest.h>

namespace tranche::automation {
namespace {

const Instant kNow = *ParseRfc3339("2026-03-10T12:00:00Z");

Instant HoursAgo(int h) { return kNow - std::chrono::hours(h); }

TEST(QueueAges, DecidedItemsGiveTheWaitPercentilesAndOpenOnesTheOldestAge) {
  std::vector<QueuedItem> items;
  // Ten reviews decided after 1..10 hours; two still waiting, 5 and 30 hours.
  for (int h = 1; h <= 10; ++h) items.push_back({WorkType::kFraudReview, HoursAgo(48), HoursAgo(48 - h)});
  items.push_back({WorkType::kFraudReview, HoursAgo(5), std::nullopt});
  items.push_back({WorkType::kFraudReview, HoursAgo(30), std::nullopt});
  // A dispute still waiting; nothing of the other types.
  items.push_back({WorkType::kDispute, HoursAgo(2), std::nullopt});
  const std::vector<QueueAge> ages = QueueAges(items, kNow);
  ASSERT_EQ(ages.size(), 2u);
  EXPECT_EQ(ages[0].type, WorkType::kDispute);  // kAllWorkTypes order
  EXPECT_EQ(ages[0].decided, 0);
  EXPECT_EQ(ages[0].median_wait_s, 0);
  EXPECT_EQ(ages[0].waiting, 1);
  EXPECT_EQ(ages[0].oldest_waiting_s, 2 * 3600);
  EXPECT_EQ(ages[1].type, WorkType::kFraudReview);
  EXPECT_EQ(ages[1].decided, 10);
  EXPECT_EQ(ages[1].median_wait_s, 5 * 3600);  // nearest rank: the 5th of 10
  EXPECT_EQ(ages[1].p90_wait_s, 9 * 3600);     // the 9th of 10
  EXPECT_EQ(ages[1].waiting, 2);
  EXPECT_EQ(ages[1].oldest_waiting_s, 30 * 3600);
}

TEST(QueueAges, OneDecidedItemIsItsOwnMedianAndNoItemsGiveNothing) {
  const std::vector<QueueAge> one =
      QueueAges({{WorkType::kReconException, HoursAgo(3), HoursAgo(1)}}, kNow);
  ASSERT_EQ(one.size(), 1u);
  EXPECT_EQ(one[0].median_wait_s, 7200);
  EXPECT_EQ(one[0].p90_wait_s, 7200);
  EXPECT_EQ(one[0].oldest_waiting_s, 0);
  EXPECT_TRUE(QueueAges({}, kNow).empty());
  // Decided "before" it was queued (the clock stepped back): no wait, not a negative one.
  const std::vector<QueueAge> stepped = QueueAges({{WorkType::kDispute, HoursAgo(1), HoursAgo(2)}}, kNow);
  EXPECT_EQ(stepped[0].median_wait_s, 0);
}

}  // namespace
}  // namespace tranche::automation
