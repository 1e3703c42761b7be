// Window arithmetic at its boundaries.
#include "fraud/features_windows.h"

#include <gtest/gtest.h>

namespace tranche::fraud {
namespace {

TEST(FloorDivTest, RoundsTowardMinusInfinity) {
  EXPECT_EQ(FloorDiv(7, 3), 2);
  EXPECT_EQ(FloorDiv(6, 3), 2);
  EXPECT_EQ(FloorDiv(-1, 3), -1);
  EXPECT_EQ(FloorDiv(-3, 3), -1);
  EXPECT_EQ(FloorDiv(-4, 3), -2);
}

TEST(WindowRingTest, SeesTheLastWindowAndNothingOlder) {
  WindowRing<12, 300> hour;  // 1 h in 5-minute buckets
  hour.Add(0, 10);           // bucket 0 = [0, 300)
  EXPECT_EQ(hour.At(0).count, 1u);
  EXPECT_EQ(hour.At(3'599).count, 1u);  // bucket 11: buckets 0..11
  EXPECT_EQ(hour.At(3'600).count, 0u);  // bucket 12: buckets 1..12, exactly W later
  WindowRing<12, 300> late;
  late.Add(299, 10);                     // the end of bucket 0
  EXPECT_EQ(late.At(3'599).count, 1u);   // 3300 s later: still in
  EXPECT_EQ(late.At(3'600).count, 0u);   // 3301 s later: out (coverage is W − g to W)
}

TEST(WindowRingTest, SumsAmountsAndClearsSkippedBuckets) {
  WindowRing<24, 3'600> day;
  day.Add(100, 5);
  day.Add(3'700, 7);
  EXPECT_EQ(day.At(3'700).count, 2u);
  EXPECT_DOUBLE_EQ(day.At(3'700).amount, 12);
  // Many days later the ring wraps: stale slots must not be read.
  day.Add(10 * 86'400 + 100, 1);
  EXPECT_EQ(day.At(10 * 86'400 + 200).count, 1u);
  EXPECT_DOUBLE_EQ(day.At(10 * 86'400 + 200).amount, 1);
  // A query far in the future sees nothing.
  EXPECT_EQ(day.At(20 * 86'400).count, 0u);
}

TEST(WindowRingTest, NegativeTimesAndLateEvents) {
  WindowRing<12, 300> hour;
  hour.Add(-1, 1);  // bucket −1
  EXPECT_EQ(hour.At(0).count, 1u);
  EXPECT_EQ(hour.At(3'299).count, 1u);  // bucket 10: −1..10
  EXPECT_EQ(hour.At(3'300).count, 0u);
  hour.Add(-4'000, 1);  // earlier than the newest bucket: counted in it
  EXPECT_EQ(hour.At(0).count, 2u);
}

TEST(DelayedRateRingTest, ReadsOnlyBucketsEndedByTheDelay) {
  constexpr std::int64_t kDelay = 7 * 86'400, kG = DelayedRateRing::kWidthS;
  DelayedRateRing r(kDelay + 30 * 86'400);
  r.AddTransaction(0);  // bucket 0 = [0, 6 h)
  r.AddTransaction(10);
  r.AddFraud(10);
  EXPECT_EQ(r.Shifted(kDelay + kG - 1, kDelay, 86'400).transactions, 0u);  // bucket 0 ends after t − delay
  const auto known = r.Shifted(kDelay + kG, kDelay, 86'400);
  EXPECT_EQ(known.transactions, 2u);
  EXPECT_EQ(known.frauds, 1u);
  // The 1-day window slides past it; the 7-day one still holds it.
  EXPECT_EQ(r.Shifted(kDelay + kG + 86'400, kDelay, 86'400).transactions, 0u);
  EXPECT_EQ(r.Shifted(kDelay + kG + 86'400, kDelay, 7 * 86'400).frauds, 1u);
}

TEST(DelayedRateRingTest, AFraudRunStartsAtItsOldestFraudNotSeparatedByMoreThanTheLegitimateAllowed) {
  constexpr std::int64_t kDelay = 7 * 86'400, kG = DelayedRateRing::kWidthS, kWindow = 30 * 86'400;
  DelayedRateRing r(kDelay + kWindow);
  const auto sale = [&](std::int64_t t, bool fraud) {
    r.AddTransaction(t);
    if (fraud) r.AddFraud(t);
  };
  sale(0, true);                                  // bucket 0: a stray fraud
  for (int i = 1; i <= 3; ++i) sale(i * kG, false);  // buckets 1-3: three legitimate sales
  sale(4 * kG, true);                             // buckets 4-6: the run
  sale(5 * kG, false);
  sale(5 * kG + 1, false);                        // two legitimate sales inside the run
  sale(6 * kG, true);
  sale(7 * kG, false);                            // after the run's newest fraud
  const std::int64_t now = kDelay + 8 * kG;       // buckets 0-7 are known
  EXPECT_FALSE(r.FraudRunStartS(kDelay + kG - 1, kDelay, kWindow, 2));  // nothing known yet
  EXPECT_EQ(r.FraudRunStartS(kDelay + kG, kDelay, kWindow, 2), 0);      // only the stray one is known
  EXPECT_EQ(r.FraudRunStartS(now, kDelay, kWindow, 2), 4 * kG);         // three legitimate sales end the run
  EXPECT_EQ(r.FraudRunStartS(now, kDelay, kWindow, 3), 0);              // unless three are allowed
  EXPECT_EQ(r.FraudRunStartS(now, kDelay, kWindow, 1), 6 * kG);
  // A window that no longer reaches a fraud finds no run.
  EXPECT_FALSE(r.FraudRunStartS(now + 2 * 86'400, kDelay, 86'400, 2));
}

TEST(DelayedRateRingTest, CountsTheKnownLegitimateSalesAfterTheNewestFraud) {
  constexpr std::int64_t kDelay = 7 * 86'400, kG = DelayedRateRing::kWidthS, kWindow = 30 * 86'400;
  DelayedRateRing r(kDelay + kWindow);
  r.AddTransaction(0);  // bucket 0: a fraud
  r.AddFraud(0);
  r.AddTransaction(kG);  // bucket 1: a fraud and a legitimate sale in the same bucket
  r.AddTransaction(kG + 1);
  r.AddFraud(kG);
  r.AddTransaction(2 * kG);  // buckets 2 and 4: three legitimate sales
  r.AddTransaction(4 * kG);
  r.AddTransaction(4 * kG + 1);
  r.AddTransaction(5 * kG);  // bucket 5: not yet known at `now`
  const std::int64_t now = kDelay + 5 * kG;  // buckets 0-4 are known
  EXPECT_FALSE(r.LegitimateSinceLatestFraud(kDelay - 1, kDelay, kWindow));  // nothing known yet
  EXPECT_EQ(r.LegitimateSinceLatestFraud(kDelay + 2 * kG, kDelay, kWindow), 0u);  // bucket 1 is the newest known
  EXPECT_EQ(r.LegitimateSinceLatestFraud(now, kDelay, kWindow), 3u);
  EXPECT_EQ(r.LegitimateSinceLatestFraud(now + kG, kDelay, kWindow), 4u);
  // A window that no longer reaches a fraud: nothing to count from.
  EXPECT_FALSE(r.LegitimateSinceLatestFraud(now + 2 * 86'400, kDelay, 86'400));
}

TEST(DelayedRateRingTest, DropsLabelsBeyondItsReach) {
  constexpr std::int64_t kDelay = 86'400;
  DelayedRateRing r(kDelay + 86'400);  // 8 buckets of 6 h + 2
  r.AddTransaction(100 * 86'400);
  r.AddFraud(0);  // far older than the ring reaches
  EXPECT_EQ(r.Shifted(100 * 86'400 + 3 * 86'400, kDelay, 86'400).frauds, 0u);
}

TEST(RecentDistinctTest, CountsWithinTheWindowAndSaturates) {
  RecentDistinct<8> d;
  d.Add(1, 0);
  d.Add(1, 10);  // the same partner again
  d.Add(2, 20);
  EXPECT_EQ(d.CountWithin(20, 86'400), 2);
  EXPECT_EQ(d.CountWithin(86'410, 86'400), 1);  // partner 1 last seen at 10: out
  for (std::uint32_t p = 3; p < 20; ++p) d.Add(p, 100 + p);
  EXPECT_EQ(d.CountWithin(200, 86'400), 8);
}

TEST(RecentDistinctTest, CountsTheEventsOwnPartnerOnceAndUpToTheBound) {
  RecentDistinct<8> d;
  d.Add(1, 0);
  d.Add(2, 20);
  EXPECT_EQ(d.CountWithinWith(3, 30, 86'400), 3);       // a third partner: counted
  EXPECT_EQ(d.CountWithinWith(2, 30, 86'400), 2);       // one already seen: not twice
  EXPECT_EQ(d.CountWithinWith(1, 86'401, 86'400), 2);   // seen, but out of the window: counted anew
  for (std::uint32_t p = 3; p < 20; ++p) d.Add(p, 100 + p);
  EXPECT_EQ(d.CountWithinWith(99, 200, 86'400), 8);     // saturated
}

}  // namespace
}  // namespace tranche::fraud
