#include "automation/erlang.h"

#include <gtest/gtest.h>

namespace tranche::automation {
namespace {

// Published Erlang C values: 10 Erlangs of traffic (e.g. 100 calls in 30 minutes at
// 180 s each) on 11..14 agents, the standard worked example of the call-centre
// literature; and the textbook M/M/3 queue at 2 Erlangs, P(wait) = 4/9.
TEST(ErlangC, MatchesPublishedTables) {
  EXPECT_NEAR(ErlangCWait(11, 10), 0.6821, 5e-5);
  EXPECT_NEAR(ErlangCWait(12, 10), 0.4494, 5e-5);
  EXPECT_NEAR(ErlangCWait(13, 10), 0.2853, 5e-5);
  EXPECT_NEAR(ErlangCWait(14, 10), 0.1741, 5e-5);
  EXPECT_NEAR(ErlangCWait(3, 2), 4.0 / 9.0, 1e-12);
  EXPECT_NEAR(ErlangCWait(2, 1), 1.0 / 3.0, 1e-12);
}

TEST(ErlangC, SaturatedQueuesAlwaysWait) {
  EXPECT_EQ(ErlangCWait(10, 10), 1);
  EXPECT_EQ(ErlangCWait(5, 12.5), 1);
  EXPECT_EQ(ServiceLevel(10, 10, 180, 20), 0);
}

TEST(ErlangC, ServiceLevelOfTheWorkedExample) {
  // 1 - P(wait) * exp(-(N - A) * t / AHT) with t = 20 s, AHT = 180 s.
  EXPECT_NEAR(ServiceLevel(13, 10, 180, 20), 0.7956, 5e-5);
  EXPECT_NEAR(ServiceLevel(14, 10, 180, 20), 0.8884, 5e-5);
}

TEST(ErlangC, AgentsNeededIsTheFewestMeetingTheTarget) {
  // 200 calls an hour at 180 s = 10 Erlangs; 80 % in 20 s needs 14 (13 gives 79.6 %).
  EXPECT_EQ(AgentsNeeded(200, 180, 0.8, 20), 14);
  EXPECT_EQ(AgentsNeeded(0, 180, 0.8, 20), 0);
  // A trickle still needs one person.
  EXPECT_EQ(AgentsNeeded(0.1, 420, 0.8, 60), 1);
}

}  // namespace
}  // namespace tranche::automation
