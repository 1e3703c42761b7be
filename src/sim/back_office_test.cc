#include "sim/back_office.h"

#include <gtest/gtest.h>

namespace tranche::sim {
namespace {

TEST(Team, FinishesWhatItsDayAllowsAndCarriesAPartDoneItemOver) {
  Team team(60, 25);  // an hour a day, 25 minutes an item
  EXPECT_EQ(team.WorkDay(5), 2u);  // 50 minutes; 10 into the third
  EXPECT_EQ(team.WorkDay(3), 2u);  // 15 finish it, 25 the next; 20 into the one after
  EXPECT_EQ(team.WorkDay(1), 1u);  // 5 finish it; the rest of the day is idle
  EXPECT_EQ(team.WorkDay(0), 0u);
}

TEST(Team, AnItemLongerThanADayTakesDays) {
  Team team(30, 100);
  EXPECT_EQ(team.WorkDay(1), 0u);
  EXPECT_EQ(team.WorkDay(1), 0u);
  EXPECT_EQ(team.WorkDay(1), 0u);
  EXPECT_EQ(team.WorkDay(1), 1u);
}

TEST(Team, IdleTimeIsNotBanked) {
  Team team(60, 40);
  EXPECT_EQ(team.WorkDay(0), 0u);
  EXPECT_EQ(team.WorkDay(0), 0u);
  EXPECT_EQ(team.WorkDay(3), 1u);  // two idle days do not make three items possible
}

TEST(Team, WorkThatTakesNoTimeIsAllDone) {
  Team team(1, 0);
  EXPECT_EQ(team.WorkDay(1000), 1000u);
}

TEST(TeamDeathTest, RefusesADayWithNoTime) {
  EXPECT_DEATH(Team(0, 10), "");
}

}  // namespace
}  // namespace tranche::sim
