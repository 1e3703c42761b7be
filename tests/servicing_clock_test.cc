// The demo and simulation clock (POST /v1/admin/clock/advance): a replay with the same
// Idempotency-Key replays instead of moving the clock again, and a jump of many days
// closes them one at a time, so what each close creates carries that date's close time.
#include "support/scenario.h"

namespace tranche {
namespace {

using Json = nlohmann::json;
using testing::Scenario;

TEST(ServicingClockTest, ReplayingAnAdvanceWithTheSameKeyDoesNotMoveTheClockAgain) {
  Scenario s;
  const Date start = s.today();
  auto first = s.client().Post("/v1/admin/clock/advance", {{"days", 2}}, s.okey(), "advance-1");
  ASSERT_EQ(first.status, 200) << first.body;
  ASSERT_EQ(s.today(), AddDays(start, 2));
  EXPECT_EQ(first.json()["closed"].size(), 2u);

  // Stamped before the advance and looked up after it, the record must still be live.
  auto replay = s.client().Post("/v1/admin/clock/advance", {{"days", 2}}, s.okey(), "advance-1");
  EXPECT_EQ(replay.status, 200) << replay.body;
  EXPECT_EQ(replay.header("Idempotent-Replayed"), "true");
  EXPECT_EQ(replay.body, first.body);
  EXPECT_EQ(s.today(), AddDays(start, 2));
  auto runs = s.client().Get("/v1/admin/cob/runs?limit=100", s.okey());
  ASSERT_EQ(runs.status, 200) << runs.body;
  EXPECT_EQ(runs.json()["data"][0]["business_date"], FormatDate(AddDays(start, 1)));
  // Nor does the housekeeping purge it: records live by real time.
  auto maintenance = s.server().platform().RunMaintenance();
  ASSERT_TRUE(maintenance.ok());
  EXPECT_EQ(maintenance->purged_idempotency_records, 0);
  EXPECT_EQ(s.client().Post("/v1/admin/clock/advance", {{"days", 2}}, s.okey(), "advance-1").header(
                "Idempotent-Replayed"),
            "true");
}

TEST(ServicingClockTest, AJumpClosesOneDateAtATimeStampedWithItsCloseTime) {
  Scenario s;
  const auto buy = s.Buy("stepwise@example.com", 10000);  // 2,500 due 01-05, 01-19, 02-02, 02-16
  const Json advanced = s.Advance(43);                     // 2026-01-05T10:00 → 02-17T10:00
  EXPECT_EQ(advanced["now"], "2026-02-17T10:00:00.000000Z");
  ASSERT_EQ(advanced["closed"].size(), 43u);
  EXPECT_EQ(advanced["closed"][0]["business_date"], "2026-01-05");
  EXPECT_EQ(advanced["closed"][42]["business_date"], "2026-02-16");

  // Reminders go out three days before each later due date, when that date closes.
  const Json reminders = s.Notifications(buy.consumer_id, "payment_reminder");
  ASSERT_EQ(reminders.size(), 3u);
  EXPECT_EQ(reminders[0]["created_at"], "2026-01-17T00:00:00.000000Z");
  EXPECT_EQ(reminders[1]["created_at"], "2026-01-31T00:00:00.000000Z");
  EXPECT_EQ(reminders[2]["created_at"], "2026-02-14T00:00:00.000000Z");

  // Each collection's event carries the close of its due date.
  std::vector<std::string> collected;
  auto events = s.client().Get("/v1/events?limit=100", s.mkey());
  ASSERT_EQ(events.status, 200) << events.body;
  const Json page = events.json();
  for (const Json& e : page["data"]) {
    if (e["type"] == "plan.payment_succeeded") collected.push_back(e["created_at"]);
  }
  std::sort(collected.begin(), collected.end());
  EXPECT_EQ(collected, (std::vector<std::string>{"2026-01-06T00:00:00.000000Z", "2026-01-20T00:00:00.000000Z",
                                                 "2026-02-03T00:00:00.000000Z", "2026-02-17T00:00:00.000000Z"}));
  const Json paid_off = s.Notifications(buy.consumer_id, "plan_paid_off");
  ASSERT_EQ(paid_off.size(), 1u);
  EXPECT_EQ(paid_off[0]["created_at"], "2026-02-17T00:00:00.000000Z");
  s.ExpectBooksAgree({buy.plan_id});
}

}  // namespace
}  // namespace tranche
